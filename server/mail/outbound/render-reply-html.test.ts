import { describe, expect, it } from 'vitest';
import { replyHtml } from './render-reply-html.ts';

const render = (markdown: string): string => replyHtml(markdown, 'Ticket #1 — reply to this email to add to it.');

describe('replyHtml', () => {
  it('is a whole document that declares its charset', () => {
    const html = render('Hello');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<p>Hello</p>');
    expect(html).toContain('Ticket #1 — reply to this email to add to it.');
  });

  it('renders GitHub-flavoured Markdown', () => {
    const html = render('**bold** ~~gone~~\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- [x] done\n\nhttps://acme.test/help');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<table>');
    expect(html).toContain('<a href="https://acme.test/help">https://acme.test/help</a>');
  });

  it('shows raw HTML as text: no script, no event handlers', () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\nok <b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b /i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('takes the URL away from javascript: and data: links and images', () => {
    const html = render(
      '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) ![pic](javascript:alert(2)) <javascript:alert(3)>',
    );
    expect(html).not.toMatch(/(href|src)="\s*(javascript|data):/i);
    expect(html).toContain('<a href="">click</a>');
    expect(html).toContain('<img src="" alt="pic" />');
  });

  it('escapes the footer', () => {
    expect(replyHtml('x', '<b>footer</b>')).toContain('&lt;b&gt;footer&lt;/b&gt;');
  });
});

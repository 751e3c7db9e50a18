import { describe, expect, it } from 'vitest';
import { HTML_TO_CONVERT_MAX, htmlToPlainText, strippedHtml } from './html-to-plain-text.ts';

describe('htmlToPlainText', () => {
  it('keeps visible text and safe link addresses, nothing that runs or loads', () => {
    const problems: string[] = [];
    const text = htmlToPlainText(
      '<style>p{}</style><p onclick="x()">Hi <b>there</b></p><a href="javascript:x()">a</a> <a href="https://x.test/<script>">b</a> <a href="HTTPS://x.test/ok">c</a><img src="http://t.test/p.gif" alt="logo">',
      problems,
    );
    expect(text).toBe('Hi there\n\na b c (HTTPS://x.test/ok)');
    expect(problems).toEqual([]);
  });

  it('converts only the first part of an enormous document, and says so', () => {
    const problems: string[] = [];
    const text = htmlToPlainText(`<p>start</p>${'<i>x</i>'.repeat(HTML_TO_CONVERT_MAX / 8 + 10)}<p>end</p>`, problems);
    expect(text.startsWith('start')).toBe(true);
    expect(text).not.toContain('end');
    expect(problems).toHaveLength(1);
  });
});

describe('strippedHtml, the last resort', () => {
  it('drops scripts, styles and tags, decodes entities, leaves no tag behind', () => {
    expect(strippedHtml('<script>bad()</script><p>a &amp; b &#x3c;c&#62;</p><!-- hidden --><div>d</div>').trim()).toBe(
      'a & b <c>\n \nd',
    );
    expect(strippedHtml('<<script>script>x</script>y')).not.toMatch(/<script/i);
    expect(strippedHtml('<style>unclosed')).toBe(' ');
  });
});

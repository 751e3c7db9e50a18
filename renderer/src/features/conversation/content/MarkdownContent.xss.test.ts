import { describe, expect, test } from 'vitest';
import { markdownMarkup, startTags } from './render-markup.ts';
import { XSS_CORPUS } from './xss-corpus.ts';

/** Everything MarkdownContent may emit: its own wrappers plus the Markdown allow-list (headings demoted). */
const OUTPUT_TAGS = new Set([
  'div',
  'span',
  'p',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h4',
  'h5',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
/** Attributes MarkdownContent may emit, per the components' own allow-lists. */
const OUTPUT_ATTRIBUTES = new Set(['class', 'dir', 'title', 'aria-hidden', 'href', 'target', 'rel', 'start']);

describe.each(XSS_CORPUS)('$name', ({ source }) => {
  const markup = markdownMarkup(source);
  const tags = startTags(markup);

  test('no script, frame, plugin, style, image, form, meta or base element', () => {
    expect(markup).not.toMatch(/<(script|iframe|svg|math|style|link|img|object|embed|form|input|meta|base)\b/i);
    expect(tags.map((tag) => tag.name).filter((name) => !OUTPUT_TAGS.has(name))).toEqual([]);
  });

  test('no event handler, style or unexpected attribute', () => {
    for (const { attributes } of tags) {
      expect(attributes).not.toMatch(/\son[a-z]+\s*=/i);
      const names = [...attributes.matchAll(/\s([^\s=]+)=/g)].map(([, name = '']) => name.toLowerCase());
      expect(names.filter((name) => !OUTPUT_ATTRIBUTES.has(name))).toEqual([]);
    }
  });

  test('no script-capable URL in an attribute, and no src at all', () => {
    // Only attributes count: escaped text may quote a hostile URL so the agent can see it.
    for (const { attributes } of tags) {
      expect(attributes).not.toMatch(/=\s*["']?\s*(javascript|data|vbscript):/i);
      expect(attributes).not.toMatch(/\ssrc\s*=/i);
    }
  });

  test('every link is an external web or mail link that opens outside the app', () => {
    for (const { name, attributes } of tags.filter((tag) => tag.name === 'a')) {
      expect(name).toBe('a');
      expect(attributes).toMatch(/\shref="(https?:\/\/[^"/]+|mailto:)/);
      expect(attributes).toContain('target="_blank"');
      expect(attributes).toContain('rel="noopener noreferrer nofollow"');
    }
  });
});

describe('hostile content stays visible as text', () => {
  test.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['<a href="javascript:alert(1)">click</a>', '&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt;'],
    ['before <!-- hidden --> after', 'before &lt;!-- hidden --&gt; after'],
  ])('raw HTML %s shows as literal text', (source, text) => {
    expect(markdownMarkup(source)).toContain(text);
  });

  test.each([
    ['[click](javascript:alert(1))', 'click', 'javascript:alert(1)'],
    ['[click](&#106;avascript&#58;alert(1))', 'click', 'javascript:alert(1)'],
    ['[bank](//evil.example/login)', 'bank', '//evil.example/login'],
    ['[click][r]\n\n[r]: vbscript:msgbox(1)', 'click', 'vbscript:msgbox(1)'],
  ])('refused link %s keeps its text and shows the target', (source, text, target) => {
    const markup = markdownMarkup(source);
    expect(markup).not.toContain('<a ');
    expect(markup).toContain(`<span class="refused-link">${text} `);
    expect(markup).toContain(`(link removed: ${target})`);
  });

  test('a refused autolink names its target once', () => {
    expect(markdownMarkup('<javascript:alert(1)>')).toContain('javascript:alert(1) <span class="refused-link__target"');
    expect(markdownMarkup('<javascript:alert(1)>')).toContain('(link removed)');
  });

  test('a link whose text names another address shows where it really goes', () => {
    expect(markdownMarkup('[https://bank.com](https://evil.example/login)')).toContain(
      '>https://bank.com</a><span class="link-destination"> (evil.example)</span>',
    );
    expect(markdownMarkup('<https://bank.com@evil.example/login>')).toContain(' (evil.example)</span>');
    expect(markdownMarkup('[help@bank.com](mailto:help@evil.example)')).toContain(' (help@evil.example)</span>');
  });

  test('images become placeholders naming their host, and nothing is fetched', () => {
    const markup = markdownMarkup('![pixel](https://tracker.example/p.gif) ![](data:image/png;base64,AAAA)');
    expect(markup).toContain('image: pixel from tracker.example');
    expect(markup).toContain('image: no description from embedded data');
    expect(markup).not.toMatch(/<img|\ssrc=/);
  });
});

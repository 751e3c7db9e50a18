import { describe, expect, test } from 'vitest';
import { markdownMarkup } from './render-markup.ts';

describe('MarkdownContent renders an agent’s Markdown', () => {
  test.each([
    ['**bold** and _emphasis_', '<p><strong>bold</strong> and <em>emphasis</em></p>'],
    ['~~gone~~', '<p><del>gone</del></p>'],
    ['`npm ci`', '<p><code>npm ci</code></p>'],
    ['```sh\nnpm ci\n```', '<pre><code>npm ci\n</code></pre>'],
    ['> quoted', '<blockquote>\n<p>quoted</p>\n</blockquote>'],
    ['- one\n- two', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>'],
    ['3. three\n4. four', '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>'],
    ['- [ ] to do\n- [x] done', '<li>☐ to do</li>\n<li>☑ done</li>'],
    ['a\n\n---\n\nb', '<hr/>'],
    ['line one  \nline two', 'line one<br/>\nline two'],
    [
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    ],
  ])('%j', (source, html) => {
    expect(markdownMarkup(source)).toContain(html);
  });

  test('headings are demoted below the page’s own', () => {
    expect(markdownMarkup('# One\n\n## Two\n\n### Three\n\n#### Four\n\n###### Six')).toContain(
      '<h4>One</h4>\n<h4>Two</h4>\n<h4>Three</h4>\n<h5>Four</h5>\n<h5>Six</h5>',
    );
  });

  test.each([
    ['[docs](https://example.com/docs)', 'https://example.com/docs', 'docs'],
    ['[plain http](http://example.com)', 'http://example.com/', 'plain http'],
    ['<https://example.com/a?b=1>', 'https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['www.example.com', 'http://www.example.com/', 'www.example.com'],
    ['[mail us](mailto:help@example.com)', 'mailto:help@example.com', 'mail us'],
    ['help@example.com', 'mailto:help@example.com', 'help@example.com'],
  ])('%s becomes an external link', (source, href, text) => {
    expect(markdownMarkup(source)).toContain(
      `<a href="${href.replaceAll('&', '&amp;')}" target="_blank" rel="noopener noreferrer nofollow">${text}</a>`,
    );
  });

  test('a link that names its own host gets no suffix', () => {
    expect(markdownMarkup('[https://example.com](https://example.com/login)')).not.toContain('link-destination');
  });

  test('the block is bidi-isolated from the page', () => {
    expect(markdownMarkup('\u202Egnp.exe')).toMatch(/^<div class="markdown-content" dir="auto">/);
  });
});

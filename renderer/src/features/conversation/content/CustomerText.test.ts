import { describe, expect, test } from 'vitest';
import { customerTextMarkup, isolatedMarkup } from './render-markup.ts';

describe('CustomerText shows what a customer wrote, as written', () => {
  test('a right-to-left override stays inside its own isolate', () => {
    expect(customerTextMarkup('invoice\u202Efdp.exe')).toBe(
      '<div class="customer-text" dir="auto"><bdi>invoice\u202Efdp.exe</bdi></div>',
    );
  });

  test.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['**not bold** [not a link](https://evil.example)', '**not bold** [not a link](https://evil.example)'],
    ['line one\n\n  indented', 'line one\n\n  indented'],
    ['&lt;already escaped&gt;', '&amp;lt;already escaped&amp;gt;'],
  ])('%j is text, not markup', (text, html) => {
    expect(customerTextMarkup(text)).toBe(`<div class="customer-text" dir="auto"><bdi>${html}</bdi></div>`);
  });

  test('Isolated wraps a one-line string in bdi', () => {
    expect(isolatedMarkup('Ann\u202E <b>')).toBe('<bdi>Ann\u202E &lt;b&gt;</bdi>');
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CustomerText, Isolated } from './CustomerText.tsx';
import { MarkdownContent } from './MarkdownContent.tsx';

/** Static HTML for the tests, which run in Node without a DOM. */
export const markdownMarkup = (markdown: string) => renderToStaticMarkup(createElement(MarkdownContent, { markdown }));
export const customerTextMarkup = (text: string) => renderToStaticMarkup(createElement(CustomerText, { text }));
export const isolatedMarkup = (text: string) => renderToStaticMarkup(createElement(Isolated, null, text));

/** Every start tag in the markup. React escapes `<` and `>` in text and attributes, so each `<x` is a real tag. */
export function startTags(markup: string): { name: string; attributes: string }[] {
  return [...markup.matchAll(/<([a-z][a-z0-9]*)([^>]*)>/gi)].map(([, name = '', attributes = '']) => ({
    name: name.toLowerCase(),
    attributes,
  }));
}

import { createElement, type ReactNode } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import { ImagePlaceholder } from './ImagePlaceholder.tsx';
import { SafeLink } from './SafeLink.tsx';

/**
 * The only elements Markdown may produce; anything else (footnote sections,
 * superscripts, whatever a future plugin adds) is unwrapped to its text.
 * Raw HTML never gets this far: react-markdown turns it into literal text.
 */
export const ALLOWED_ELEMENTS = [
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
  'img',
  'input',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
] as const;

type Tag = 'p' | 'em' | 'strong' | 'del' | 'code' | 'pre' | 'blockquote' | 'ul' | 'li' | 'h4' | 'h5';
type TableTag = 'table' | 'thead' | 'tbody' | 'tr' | 'th' | 'td';

/**
 * Renders `tag` with its children and nothing else: ids, classes and styles
 * from the Markdown pipeline are dropped, so the attribute allow-list is empty
 * unless a component below says otherwise.
 */
function bare(tag: Tag | TableTag | 'hr' | 'br') {
  function Bare({ children }: { children?: ReactNode }) {
    return createElement(tag, null, children);
  }
  Bare.displayName = `Markdown.${tag}`;
  return Bare;
}

/** An ordered list keeps only where it starts (`3. …`), which is part of what the agent wrote. */
function OrderedList({ start, children }: { start?: number | undefined; children?: ReactNode }) {
  return <ol start={typeof start === 'number' && Number.isSafeInteger(start) ? start : undefined}>{children}</ol>;
}

/** A GFM task-list box, as text: a disabled checkbox in a reply reads as a control the agent cannot use. */
function TaskBox({ checked }: { checked?: boolean | undefined } & ExtraProps) {
  return <>{checked ? '☑' : '☐'}</>;
}

/** Every allowed element has a renderer here; none falls back to react-markdown's attribute pass-through. */
export const MARKDOWN_COMPONENTS: Components = {
  p: bare('p'),
  em: bare('em'),
  strong: bare('strong'),
  del: bare('del'),
  code: bare('code'),
  pre: bare('pre'),
  blockquote: bare('blockquote'),
  ul: bare('ul'),
  ol: OrderedList,
  li: bare('li'),
  a: SafeLink,
  img: ImagePlaceholder,
  input: TaskBox,
  // A reply's headings must not outrank the page's own (h2 ticket subject, h3 sections).
  h1: bare('h4'),
  h2: bare('h4'),
  h3: bare('h4'),
  h4: bare('h5'),
  h5: bare('h5'),
  h6: bare('h5'),
  hr: bare('hr'),
  br: bare('br'),
  table: bare('table'),
  thead: bare('thead'),
  tbody: bare('tbody'),
  tr: bare('tr'),
  th: bare('th'),
  td: bare('td'),
};

import { type DomNode, type FormatCallback, type HtmlToTextOptions, convert } from 'html-to-text';

/**
 * HTML longer than this is cut before it is converted: the converter builds a
 * whole DOM, and a message keeps at most 100,000 characters of text anyway.
 */
export const HTML_TO_CONVERT_MAX = 1_000_000;

/** Link targets worth showing beside the link text; anything else (javascript:, data:, file:) is dropped. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SHOWN_HREF = /^(?:https?:\/\/|mailto:)[^\s<>"'`\\\u0000-\u001f\u007f]{1,2000}$/i;

/** The text of an element, as a browser would show it (used to hide an href that only repeats it). */
function textOf(nodes: readonly DomNode[] | undefined): string {
  return (nodes ?? []).map((node) => (node.type === 'text' ? (node.data ?? '') : textOf(node.children))).join('');
}

/**
 * A link becomes its text, followed by its address in parentheses when that
 * is a web or mail address the text does not already show. The address is
 * only text: nothing is fetched or linked.
 */
const safeAnchor: FormatCallback = (elem, walk, builder) => {
  walk(elem.children, builder);
  const href = (elem.attribs?.href ?? '').trim();
  if (!SHOWN_HREF.test(href)) return;
  const shown = href.replace(/^mailto:/i, '');
  if (textOf(elem.children).trim() === shown) return;
  builder.addInline(` (${shown})`, { noWordTransform: true });
};

const block = { leadingLineBreaks: 1, trailingLineBreaks: 1 };

/** Elements whose content is never shown as text: code, styling, embedded or fetched things, form controls. */
const SKIPPED = [
  'head',
  'title',
  'script',
  'style',
  'link',
  'meta',
  'img',
  'picture',
  'source',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'audio',
  'video',
  'track',
  'canvas',
  'map',
  'area',
  'template',
  'input',
  'select',
  'textarea',
];

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  formatters: { safeAnchor },
  selectors: [
    { selector: 'a', format: 'safeAnchor' },
    ...SKIPPED.map((selector) => ({ selector, format: 'skip' })),
    // Mail layouts nest tables for positioning; cells read best one per line.
    ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption'].map((selector) => ({
      selector,
      format: 'block',
      options: block,
    })),
  ],
  limits: {
    ellipsis: '…',
    // The converter walks the DOM recursively: a deeper document would exhaust the stack.
    maxDepth: 256,
    maxChildNodes: 50_000,
    maxInputLength: HTML_TO_CONVERT_MAX + 1,
  },
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * The last resort when the converter fails: drop the elements whose content
 * is never text, turn every other tag into white space, decode the common
 * entities. Crude, but it keeps no markup.
 */
export function strippedHtml(html: string): string {
  const skipped = SKIPPED.filter((name) => !['img', 'link', 'meta', 'input', 'source', 'track', 'area'].includes(name));
  let text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  for (const name of skipped) {
    text = text.replace(new RegExp(`<${name}\\b[\\s\\S]*?(?:</${name}\\s*>|$)`, 'gi'), ' ');
  }
  text = text
    .replace(/<\/?(?:p|div|br|tr|li|h[1-6]|table|blockquote|pre)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>?/g, ' ')
    .replace(/[ \t\f\v]+/g, ' ');
  return decodeEntities(text);
}

/**
 * Visible text of an HTML body, without markup: no scripts, styles, images
 * (a tracking pixel leaves no address behind) or embedded frames; link text
 * kept, with the web address beside it. Never throws: a document the
 * converter cannot handle is stripped crudely instead, and `problems` says so.
 */
export function htmlToPlainText(html: string, problems: string[]): string {
  let input = html;
  if (input.length > HTML_TO_CONVERT_MAX) {
    problems.push(
      `The HTML body had ${html.length.toLocaleString('en')} characters; only the first ${HTML_TO_CONVERT_MAX.toLocaleString('en')} were converted to text.`,
    );
    input = input.slice(0, HTML_TO_CONVERT_MAX);
  }
  try {
    return convert(input, OPTIONS);
  } catch {
    problems.push('The HTML body could not be converted properly; its tags were removed instead.');
    return strippedHtml(input);
  }
}

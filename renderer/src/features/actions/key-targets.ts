/**
 * Which key presses belong to the focused element rather than to the app's
 * shortcuts. Written against the few element fields it reads, so it is
 * tested in Node with plain objects.
 */
export interface ElementLike {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute: (name: string) => string | null;
}

function asElement(target: unknown): ElementLike | null {
  if (typeof target !== 'object' || target === null) return null;
  const candidate = target as Partial<ElementLike>;
  return typeof candidate.tagName === 'string' && typeof candidate.getAttribute === 'function'
    ? (candidate as ElementLike)
    : null;
}

/** Input types that take no typing: letters pressed on them are free for shortcuts. */
const BUTTON_LIKE_INPUTS = new Set(['button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'color', 'file']);

const inputType = (element: ElementLike) => (element.getAttribute('type') ?? 'text').toLowerCase();

/** A field the agent types into: every printable key is text there, not a shortcut. */
export function isTypingTarget(target: unknown): boolean {
  const element = asElement(target);
  if (!element) return false;
  if (element.isContentEditable) return true;
  switch (element.tagName.toUpperCase()) {
    case 'TEXTAREA':
    case 'SELECT':
      return true;
    case 'INPUT':
      return !BUTTON_LIKE_INPUTS.has(inputType(element));
    default:
      return false;
  }
}

const ACTIVATING_ROLES = new Set([
  'button',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'checkbox',
  'radio',
  'switch',
  'option',
  'treeitem',
]);

/**
 * Enter and Space on a focused button, link or similar control activate it:
 * an Enter shortcut firing as well would do two things at once. Arrow keys on
 * a radio button move within its group.
 */
export function isKeyOwnedByControl(target: unknown, key: string): boolean {
  const element = asElement(target);
  if (!element) return false;
  const tag = element.tagName.toUpperCase();
  if (key.startsWith('Arrow')) return tag === 'INPUT' && inputType(element) === 'radio';
  if (key !== 'Enter' && key !== ' ') return false;
  if (tag === 'BUTTON' || tag === 'SUMMARY') return true;
  if (tag === 'A') return element.getAttribute('href') !== null;
  if (tag === 'INPUT') return BUTTON_LIKE_INPUTS.has(inputType(element));
  const role = element.getAttribute('role');
  return role !== null && ACTIVATING_ROLES.has(role);
}

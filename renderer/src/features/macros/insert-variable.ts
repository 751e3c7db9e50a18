/**
 * Puts `{{name}}` where the cursor is in the text (replacing what is
 * selected), with a space before it when it would otherwise stick to a letter or a digit
 * ("Hi{{…}}"; "#{{ticket.number}}" stays as typed).
 * Returns the new text and where the cursor goes: right after the variable.
 */
export function insertVariable(
  text: string,
  selection: { start: number; end: number },
  name: string,
): { text: string; cursor: number } {
  const start = Math.max(0, Math.min(selection.start, text.length));
  const end = Math.max(start, Math.min(selection.end, text.length));
  const before = text.slice(0, start);
  const gap = /[\p{L}\p{N}]$/u.test(before) ? ' ' : '';
  const token = `${gap}{{${name}}}`;
  return { text: `${before}${token}${text.slice(end)}`, cursor: start + token.length };
}

import { describe, expect, it } from 'vitest';
import { insertVariable } from './insert-variable.ts';

describe('inserting a variable at the cursor', () => {
  it.each([
    ['into an empty body', '', 0, 0, '{{ticket.number}}', 17],
    ['after a space', 'Hi ', 3, 3, 'Hi {{ticket.number}}', 20],
    ['after a word: a space first', 'Hi', 2, 2, 'Hi {{ticket.number}}', 20],
    ['after #: stuck on, as written', 'ticket #', 8, 8, 'ticket #{{ticket.number}}', 25],
    ['replacing a selection', 'ticket #123.', 8, 11, 'ticket #{{ticket.number}}.', 25],
    ['at the start of a line', 'Hi,\n', 4, 4, 'Hi,\n{{ticket.number}}', 21],
    ['a cursor past the end goes to the end', 'x ', 99, 99, 'x {{ticket.number}}', 19],
  ])('%s', (_title, text, start, end, expected, cursor) => {
    expect(insertVariable(text, { start, end }, 'ticket.number')).toEqual({ text: expected, cursor });
  });
});

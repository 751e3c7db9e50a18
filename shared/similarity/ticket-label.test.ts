import { describe, expect, it } from 'vitest';
import { MAX_LABEL_LENGTH, ticketLabel } from './ticket-label.ts';

describe('ticketLabel', () => {
  it.each([
    ['Login fails after update', 'Login fails after update'],
    ['Re: FW: [URGENT] Login fails after update!!!', 'Login fails after update'],
    ['AW: Fwd: (External) Checkout is down?', 'Checkout is down'],
    ['RE[2]: [#1234]   Export   stuck  ', 'Export stuck'],
    ['<b>urgent</b>', '<b>urgent</b>'],
    // Nothing left after cleaning: the subject as it was.
    ['Re: [URGENT]', 'Re: [URGENT]'],
    ['!!!', '!!!'],
  ])('%j → %j', (subject, expected) => {
    expect(ticketLabel(subject)).toBe(expected);
  });

  it('cuts a long subject at a word, with an ellipsis', () => {
    const label = ticketLabel(`Payments ${'declined '.repeat(20)}at checkout`);
    expect(label.length).toBeLessThanOrEqual(MAX_LABEL_LENGTH + 1);
    expect(label).toMatch(/declined…$/);
  });
});

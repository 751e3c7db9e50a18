import { describe, expect, it } from 'vitest';
import { ticketNumberInSubject } from './ticket-number-in-subject.ts';

describe('ticketNumberInSubject', () => {
  it('finds the tag our subjects end with, wherever a reply put it', () => {
    expect(ticketNumberInSubject('Re: Printer on fire [#1234]')).toBe(1234);
    expect(ticketNumberInSubject('AW: [#7] Drucker')).toBe(7);
    expect(ticketNumberInSubject('Fwd: Re: x [#12] y [#345]')).toBe(345);
  });

  it('ignores what is not a 1 to 9 digit tag', () => {
    for (const subject of ['Printer #1234', '[1234]', '[#]', '[# 12]', '[#12a]', '[#1234567890]', '[#0]', '']) {
      expect(ticketNumberInSubject(subject)).toBeNull();
    }
    expect(ticketNumberInSubject('[#999999999]')).toBe(999_999_999);
  });
});

import { describe, expect, it } from 'vitest';
import { isThanksOnly } from './thanks-only.ts';

describe('isThanksOnly', () => {
  it.each<[string, boolean]>([
    ['Thanks, works now!', true],
    ['thank you so much :)', true],
    ['Great, cheers', true],
    ['Perfect, all good.\n\nOn Tue, 1 Dec 2026, Shiftdesk wrote:\n> We fixed the PDF export', true],
    ['Thanks!\n-- \nAna Costa\nAcme Rockets, Head of Finance, +1 555 0100', true],
    ['Thanks, but it still fails for credit notes', false],
    ['Thanks. Same error as before.', false],
    ['Not fixed, the PDF is blank again', false],
    ['Thanks - can you also check invoice 4102?', false],
    ["It doesn't work", false],
    ['Hello', false],
    ['', false],
    [`Thanks! ${'We rolled it out to the whole team and everyone is happy with it. '.repeat(4)}`, false],
  ])('%j → %s', (body, expected) => {
    expect(isThanksOnly(body)).toBe(expected);
  });
});

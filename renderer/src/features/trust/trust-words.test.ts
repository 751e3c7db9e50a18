import { describe, expect, it } from 'vitest';
import { suggestionWords } from './trust-words.ts';

describe('suggestionWords', () => {
  it('names the priority and says why, in one line', () => {
    expect(
      suggestionWords({
        atRisk: true,
        recent: [],
        reason: 'Failed 10 days ago: first reply 3 h late on #1042',
        suggestedPriority: 'high',
      }),
    ).toBe('Suggested priority: High — failed 10 days ago: first reply 3 h late on #1042');
  });

  it('says nothing when the ticket is already where the customer’s record puts it', () => {
    expect(
      suggestionWords({ atRisk: true, recent: [], reason: 'Failed today: x', suggestedPriority: null }),
    ).toBeNull();
  });
});

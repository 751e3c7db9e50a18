import { describe, expect, it } from 'vitest';
import { type CopyDelivery, DELIVERY_REASON_MAX, listRecipients, summariseDelivery } from './delivery-summary.ts';

const AT = 1_700_000_000_000;
const copy = (email: string, state: CopyDelivery['state'], error: string | null = null): CopyDelivery => ({
  email,
  state,
  error,
});
const sent = (index: number) => copy(`sent${index}@a.test`, 'sent');
const BOUNCE = 'Bounced: 550 5.1.1 user unknown';

describe('summariseDelivery', () => {
  it.each<[string, CopyDelivery[], ReturnType<typeof summariseDelivery>]>([
    ['no copies: nothing was queued', [], null],
    ['one copy queued', [copy('a@a.test', 'queued')], { state: 'queued', at: AT }],
    ['one copy being sent', [copy('a@a.test', 'sending')], { state: 'queued', at: AT }],
    [
      'one copy retrying says why, as before merges',
      [copy('a@a.test', 'queued', '421 try later')],
      { state: 'queued', at: AT, reason: '421 try later' },
    ],
    ['one copy sent', [copy('a@a.test', 'sent')], { state: 'sent', at: AT }],
    [
      'one copy failed keeps its own words',
      [copy('a@a.test', 'failed', BOUNCE)],
      { state: 'failed', at: AT, reason: BOUNCE },
    ],
    [
      'one copy failed without words',
      [copy('a@a.test', 'failed')],
      { state: 'failed', at: AT, reason: 'Not delivered.' },
    ],
    ['every copy sent', [sent(1), sent(2), sent(3)], { state: 'sent', at: AT }],
    ['queued while any copy is queued', [sent(1), copy('b@b.test', 'queued'), sent(3)], { state: 'queued', at: AT }],
    ['queued while any copy is in doubt', [sent(1), copy('b@b.test', 'sending')], { state: 'queued', at: AT }],
    [
      'failed once the rest settled, naming who',
      [sent(1), copy('bob@b.test', 'failed', BOUNCE), sent(3)],
      { state: 'failed', at: AT, reason: `Not delivered to 1 of 3: bob@b.test ${BOUNCE}` },
    ],
    [
      'failed naming every failed copy',
      [copy('bob@b.test', 'failed', BOUNCE), sent(2), copy('eve@e.test', 'failed', 'Relay refused')],
      { state: 'failed', at: AT, reason: `Not delivered to 2 of 3: bob@b.test ${BOUNCE}; eve@e.test Relay refused` },
    ],
    [
      'still queued, but an early failure is already named',
      [copy('bob@b.test', 'failed', BOUNCE), copy('c@c.test', 'queued'), sent(3)],
      { state: 'queued', at: AT, reason: `Not delivered to 1 of 3: bob@b.test ${BOUNCE}` },
    ],
    [
      'still queued, naming copies being retried',
      [copy('c@c.test', 'queued', '421 busy'), sent(2)],
      { state: 'queued', at: AT, reason: 'Retrying 1 of 2: c@c.test 421 busy' },
    ],
    [
      'still queued with both failures and retries',
      [copy('bob@b.test', 'failed', BOUNCE), copy('c@c.test', 'sending', '421 busy'), sent(3)],
      {
        state: 'queued',
        at: AT,
        reason: `Not delivered to 1 of 3: bob@b.test ${BOUNCE} Retrying 1 of 3: c@c.test 421 busy`,
      },
    ],
  ])('%s', (_, copies, expected) => {
    expect(summariseDelivery(copies, AT)).toEqual(expected);
  });

  it('names as many as fit in a reason and counts the rest, for a flood of bounces', () => {
    const copies = Array.from({ length: 1_001 }, (_, index) =>
      copy(
        `customer${index}@company${index}.test`,
        index % 2 === 0 ? 'failed' : 'sent',
        `${BOUNCE} ${'x'.repeat(index % 50)}`,
      ),
    );
    const summary = summariseDelivery(copies, AT);
    expect(summary?.state).toBe('failed');
    const reason = summary?.reason ?? '';
    expect(reason.length).toBeLessThanOrEqual(DELIVERY_REASON_MAX);
    expect(reason).toMatch(/^Not delivered to 501 of 1001: customer0@company0\.test Bounced: 550/);
    const named = reason.match(/customer\d+@/g)?.length ?? 0;
    expect(named).toBeGreaterThan(0);
    expect(reason).toMatch(new RegExp(`; and ${501 - named} more$`));
  });

  it('keeps one long error from crowding out the count', () => {
    const long = copy('a@a.test', 'failed', `Bounced: ${'y'.repeat(2_000)}`);
    const summary = summariseDelivery([long, long, sent(1)], AT);
    expect(summary?.reason?.length).toBeLessThanOrEqual(DELIVERY_REASON_MAX);
    expect(summary?.reason).toMatch(/^Not delivered to 2 of 3: a@a\.test Bounced: y+…; a@a\.test Bounced: y+…$/);
  });
});

describe('listRecipients', () => {
  const failed = [copy('a@a.test', 'failed', 'E1'), copy('b@b.test', 'failed', 'E2'), copy('c@c.test', 'failed', 'E3')];

  it.each([
    [200, 'Lost:', 'Lost: a@a.test E1; b@b.test E2; c@c.test E3'],
    [44, 'Lost:', 'Lost: a@a.test E1; b@b.test E2; c@c.test E3'],
    [42, 'Lost:', 'Lost: a@a.test E1; b@b.test E2; and 1 more'],
    [41, 'Lost:', 'Lost: a@a.test E1; and 2 more'],
    [29, 'Lost:', 'Lost: a@a.test E1; and 2 more'],
    [28, 'Lost:', 'Lost: and 3 more'],
    [20, 'Lost:', 'Lost: and 3 more'],
  ])('fits %i characters', (max, head, expected) => {
    const text = listRecipients(head, failed, max);
    expect(text).toBe(expected);
    expect(text.length).toBeLessThanOrEqual(max);
  });
});

import { describe, expect, it } from 'vitest';
import { type FloodOptions, MAX_CLUSTERED, detectFlood } from './flood-detection.ts';
import { SimilarityIndex, type SimilarityDoc } from './similarity-index.ts';

const MINUTE = 60_000;
const NOW = Date.UTC(2025, 2, 3, 4, 0);

/** Everyday tickets, each about something else. */
const EVERYDAY = [
  ['CSV export is missing columns', 'The monthly export no longer has the cost centre column.'],
  ['Calendar shows the wrong time zone', 'Appointments appear an hour late after the clock change.'],
  ['SSO certificate expires next week', 'Our identity provider rotates its signing certificate on Tuesday.'],
  ['Webhook deliveries time out', 'Every delivery to our endpoint times out after thirty seconds.'],
  ['How do I change my avatar?', 'I would like to upload a new profile picture.'],
  ['Invoice address is wrong', 'The billing address on our last invoice is the old office.'],
  ['Add a seat to our plan', 'We hired two people and need two more licences.'],
  ['Barcode scanner beeps twice', 'The handheld scanner registers each parcel twice.'],
  ['Dark mode request', 'Could the dashboard have a dark theme for the night shift?'],
  ['Password reset email never arrives', 'The reset link email does not reach our Outlook inbox.'],
  ['Refund for cancelled order 55120', 'Order 55120 was cancelled but the card was still charged.'],
  ['Report builder chart is blank', 'The revenue chart renders empty for March.'],
] as const;

/** One ticket every `every` minutes over the `hours` before the window, cycling through EVERYDAY. */
function calmShift(hours: number, every: number): SimilarityDoc[] {
  const docs: SimilarityDoc[] = [];
  for (let minute = 20 + every; minute <= 20 + hours * 60; minute += every) {
    const [subject, body] = EVERYDAY[docs.length % EVERYDAY.length] as readonly [string, string];
    docs.push({
      id: `calm-${minute}`,
      subject,
      body: `${body} Ref ${1000 + minute}.`,
      createdAt: NOW - minute * MINUTE,
    });
  }
  return docs;
}

const LOGIN_PHRASINGS = [
  ['Login fails after update', 'Since the update this morning nobody can log in: invalid session.'],
  ['Cannot log in since the update', 'After updating, login fails with an invalid session error.'],
  ['Invalid session on login', 'Login failing for all our staff since the update.'],
  ['Urgent: login broken after update', 'The login page says invalid session after the update.'],
] as const;

/** `count` login complaints spread over the last `minutes` minutes. */
function loginFlood(count: number, minutes = 18): SimilarityDoc[] {
  return Array.from({ length: count }, (_, i) => {
    const [subject, body] = LOGIN_PHRASINGS[i % LOGIN_PHRASINGS.length] as readonly [string, string];
    return { id: `login-${i}`, subject, body, createdAt: NOW - Math.round(((i + 1) * minutes * MINUTE) / (count + 1)) };
  });
}

/** The rest of the window: `count` everyday tickets, each about something else, spread over 18 minutes. */
function everydayWindow(count: number): SimilarityDoc[] {
  return Array.from({ length: count }, (_, i) => {
    const [subject, body] = EVERYDAY[i % EVERYDAY.length] as readonly [string, string];
    return { id: `window-${i}`, subject, body, createdAt: NOW - Math.round(((i + 1) * 18 * MINUTE) / (count + 1)) };
  });
}

function flood(docs: readonly SimilarityDoc[], options: Partial<FloodOptions> = {}) {
  const index = new SimilarityIndex();
  // In no time order, as the worker's build reads them.
  index.upsert([...docs].sort((a, b) => (a.id < b.id ? -1 : 1)));
  return detectFlood(index, { now: NOW, ...options });
}

describe('detectFlood', () => {
  it('says what is happening: how many, how many expected, and what most of them are about', () => {
    const report = flood([...calmShift(8, 20), ...loginFlood(24), ...everydayWindow(4)]);
    expect(report).toMatchObject({
      windowMinutes: 20,
      count: 28,
      expected: 1,
      baselineHours: 8,
      clustered: 28,
      reason: 'volume',
    });
    const [cluster] = report?.clusters ?? [];
    expect(cluster?.ticketIds).toHaveLength(24);
    expect(new Set(cluster?.ticketIds)).toEqual(new Set(loginFlood(24).map((doc) => doc.id)));
    expect(cluster?.ticketIds[0]).toBe(cluster?.centreId);
    expect(LOGIN_PHRASINGS.map(([subject]) => subject.replace('Urgent: ', ''))).toContain(cluster?.label);
    expect(cluster?.topTerms).toEqual(expect.arrayContaining(['login', 'session', 'update']));
  });

  it.each([
    ['a calm shift', [...calmShift(8, 20), ...everydayWindow(4)], null],
    ['a quiet night below the minimum, all alike', [...calmShift(8, 60), ...loginFlood(8)], null],
    ['a busy day at its usual pace', [...calmShift(8, 2), ...everydayWindow(10)], null],
    [
      'a busy day with a burst of look-alikes',
      [...calmShift(8, 2), ...everydayWindow(10), ...loginFlood(14)],
      'cluster',
    ],
    [
      'a busy day with fewer look-alikes than the cluster bar',
      [...calmShift(8, 2), ...everydayWindow(10), ...loginFlood(11)],
      null,
    ],
  ])('%s → %s', (_, docs, reason) => {
    expect(flood(docs)?.reason ?? null).toBe(reason);
  });

  it('reports the unrelated burst with no cluster larger than its repeats', () => {
    const burst = Array.from({ length: 24 }, (_, i) => {
      const [subject, body] = EVERYDAY[i % EVERYDAY.length] as readonly [string, string];
      return { id: `burst-${i}`, subject, body, createdAt: NOW - (i % 19) * MINUTE };
    });
    const report = flood([...calmShift(8, 20), ...burst]);
    expect(report?.reason).toBe('volume');
    // Each everyday subject arrives twice: pairs, below the smallest cluster.
    expect(report?.clusters).toEqual([]);
  });

  it('uses the window and baseline it is given, and leaves the window out of the baseline', () => {
    const docs = [...calmShift(8, 10), ...loginFlood(12, 9)];
    // 48 baseline tickets over 8 h: 2 per 20 min, 1 per 10 min.
    expect(flood(docs)).toMatchObject({ count: 12, expected: 2, reason: 'volume' });
    expect(flood(docs, { windowMinutes: 10 })).toMatchObject({ count: 12, expected: 1, windowMinutes: 10 });
    expect(flood(docs, { baselineHours: 2 })).toMatchObject({ expected: 2, baselineHours: 2 });
    expect(flood(docs, { factor: 7 })).toMatchObject({ reason: 'cluster' });
    expect(flood(docs, { factor: 7, clusterTrigger: 13 })).toBeNull();
  });

  it('measures the baseline over the hours the index holds, and ignores one shorter than the window', () => {
    // A workspace one hour old: 8 tickets in the 40 minutes before the window are 4 per 20 minutes, not 0.3.
    const young = calmShift(1, 5).filter((doc) => doc.createdAt >= NOW - 60 * MINUTE);
    expect(young).toHaveLength(8);
    const burst = everydayWindow(12);
    expect(flood([...young, ...burst])).toMatchObject({ count: 12, expected: 4, reason: 'volume' });
    expect(flood([...young, ...burst], { factor: 4 })).toBeNull();
    // Ten minutes of history before the window: no baseline, only the minimum.
    const newborn = young.filter((doc) => doc.createdAt >= NOW - 30 * MINUTE);
    expect(flood([...newborn, ...burst], { factor: 100 })).toMatchObject({ expected: 0, reason: 'volume' });
  });

  it('counts merged tickets: merging a flood’s duplicates does not end it', () => {
    const index = new SimilarityIndex();
    const docs = [...calmShift(8, 20), ...loginFlood(20)];
    index.upsert(
      docs.map((doc) => (doc.id.startsWith('login-') && doc.id !== 'login-0' ? { ...doc, excluded: true } : doc)),
    );
    const report = detectFlood(index, { now: NOW });
    expect(report).toMatchObject({ count: 20, reason: 'volume' });
    expect(report?.clusters[0]?.ticketIds).toHaveLength(20);
  });

  it('clusters only the newest tickets of a very large flood, and still counts them all', () => {
    const report = flood([...calmShift(8, 20), ...loginFlood(MAX_CLUSTERED + 100)]);
    expect(report?.count).toBe(MAX_CLUSTERED + 100);
    expect(report?.clustered).toBe(MAX_CLUSTERED);
    expect(report?.clusters[0]?.ticketIds).toHaveLength(MAX_CLUSTERED);
  });

  it('reports nothing on an empty index', () => {
    expect(detectFlood(new SimilarityIndex(), { now: NOW })).toBeNull();
  });
});

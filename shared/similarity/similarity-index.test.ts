import { describe, expect, it } from 'vitest';
import { MAX_POSTINGS_PER_TERM, SimilarityIndex, type SimilarityDoc } from './similarity-index.ts';

const MINUTE = 60_000;

/** A small queue: two duplicate pairs, a triple, and tickets about other things. */
const QUEUE: readonly SimilarityDoc[] = [
  {
    id: 'login-1',
    subject: 'Login fails after update',
    body: 'Since the 4.13 update I cannot log in, the login page says invalid session.',
    createdAt: 1,
  },
  {
    id: 'login-2',
    subject: 'Cannot login since the update',
    body: 'After updating to 4.13 login fails with invalid session every time.',
    createdAt: 2,
  },
  {
    id: 'login-3',
    subject: 'Login failing: invalid session',
    body: 'Every login fails since this morning’s update.',
    createdAt: 3,
  },
  {
    id: 'refund-1',
    subject: 'Charged twice for invoice 88231',
    body: 'We were charged twice on invoice 88231, please refund the duplicate charge.',
    createdAt: 4,
  },
  {
    id: 'refund-2',
    subject: 'Duplicate charge on invoice 88231',
    body: 'Our card shows two charges for invoice 88231. Refund one please.',
    createdAt: 5,
  },
  {
    id: 'printer-1',
    subject: 'Label printer offline',
    body: 'The shipping label printer in the warehouse shows offline since Monday.',
    createdAt: 6,
  },
  {
    id: 'printer-2',
    subject: 'Warehouse label printer says offline',
    body: 'Our label printer went offline, shipping is blocked.',
    createdAt: 7,
  },
  {
    id: 'export',
    subject: 'CSV export is missing columns',
    body: 'The monthly CSV export no longer has the cost centre column.',
    createdAt: 8,
  },
  {
    id: 'calendar',
    subject: 'Calendar sync shows wrong time zone',
    body: 'Appointments appear one hour late in the calendar after the clock change.',
    createdAt: 9,
  },
  {
    id: 'sso',
    subject: 'SSO certificate expires next week',
    body: 'Our identity provider rotates its signing certificate next Tuesday.',
    createdAt: 10,
  },
  {
    id: 'webhook',
    subject: 'Webhook deliveries time out',
    body: 'Every webhook delivery to our endpoint times out after 30 seconds.',
    createdAt: 11,
  },
  {
    id: 'avatar',
    subject: 'How do I change my avatar?',
    body: 'I would like to upload a new profile picture.',
    createdAt: 12,
  },
];

function queue(): SimilarityIndex {
  const index = new SimilarityIndex();
  index.upsert(QUEUE);
  return index;
}

const ids = (index: SimilarityIndex, id: string, minScore?: number) =>
  index.similarTo(id, { limit: 5, ...(minScore === undefined ? {} : { minScore }) }).map((match) => match.id);

describe('SimilarityIndex.similarTo', () => {
  it.each([
    ['login-1', ['login-2', 'login-3']],
    ['login-3', ['login-1', 'login-2']],
    ['refund-1', ['refund-2']],
    ['printer-2', ['printer-1']],
    ['export', []],
    ['avatar', []],
  ])('suggests for %s exactly its duplicates', (id, expected) => {
    expect(ids(queue(), id).sort()).toEqual(expected);
  });

  it('scores in 0..1, best first, symmetric, and says which words matched', () => {
    const index = queue();
    const matches = index.similarTo('login-1', { minScore: 0 });
    expect(matches.length).toBeGreaterThan(2);
    for (const { score } of matches) expect(score).toBeGreaterThanOrEqual(0);
    expect(matches.map((match) => match.score)).toEqual([...matches.map((match) => match.score)].sort((a, b) => b - a));
    const [best] = index.similarTo('refund-1', { minScore: 0 });
    expect(best?.id).toBe('refund-2');
    expect(best?.score).toBeLessThanOrEqual(1);
    expect(best?.sharedTerms).toEqual(expect.arrayContaining(['88231', 'charge', 'invoice', 'duplicate']));
    const [byCosine] = index.similarTo('refund-1', { minScore: 0, neighbourhood: false });
    expect(byCosine?.score).toBeCloseTo(index.similarity('refund-2', 'refund-1'), 10);
    // Neighbourhood agreement only lowers a score that the other neighbours do not back.
    expect(best?.score).toBeLessThanOrEqual(byCosine?.score ?? 0);
  });

  it('ranks a paraphrase the neighbours agree with above a near miss sharing one rare word', () => {
    const index = new SimilarityIndex();
    const fault = (n: number, subject: string, body: string) => ({ id: `push-${n}`, subject, body, createdAt: n });
    index.upsert([
      fault(
        1,
        'Android notifications stopped',
        'No notifications on Android since the 4.11 update, drivers miss jobs.',
      ),
      fault(2, 'No push on Android', 'Drivers on Android get no notifications for new jobs since 4.11.'),
      fault(
        3,
        'Job notifications missing',
        'Android drivers stopped getting job notifications after updating to 4.11.',
      ),
      fault(4, 'App stays silent', 'The app no longer alerts our Android drivers about new jobs.'),
      {
        id: 'near-miss',
        subject: 'Silent mode for the app',
        body: 'Can the app stay silent at night? The notification sound wakes me.',
        createdAt: 5,
      },
    ]);
    const matches = index.similarTo('push-4', { minScore: 0 });
    const rank = (id: string) => matches.findIndex((match) => match.id === id);
    expect(rank('push-2')).toBe(0);
    expect(rank('near-miss')).toBeGreaterThan(rank('push-2'));
    // By cosine alone the near miss comes first: it shares "app", "stay" and "silent".
    expect(index.similarTo('push-4', { minScore: 0, neighbourhood: false })[0]?.id).toBe('near-miss');
    // The synonym list reads "alerts" as "notification": the reason says so.
    expect(matches[0]?.sharedTerms).toContain('notification');
  });

  it('shows a shared word in its plainest form read', () => {
    const [best] = queue().similarTo('login-2');
    expect(best?.sharedTerms).toContain('fails');
    expect(best?.sharedTerms).not.toContain('fail');
    expect(best?.sharedTerms).toContain('login');
  });

  it('respects limit and minScore, and knows no unknown ticket', () => {
    const index = queue();
    expect(index.similarTo('login-1', { limit: 1 })).toHaveLength(1);
    expect(index.similarTo('login-1', { limit: 0 })).toEqual([]);
    expect(index.similarTo('login-1', { minScore: 1.01 })).toEqual([]);
    expect(index.similarTo('nope')).toEqual([]);
  });

  it('gives an identical ticket a score of 1', () => {
    const index = queue();
    index.upsert({ ...QUEUE[3]!, id: 'refund-copy' });
    expect(index.similarity('refund-1', 'refund-copy')).toBeCloseTo(1, 10);
  });

  it('has nothing to say for a ticket of stop words only', () => {
    const index = queue();
    index.upsert({ id: 'empty', subject: 'Hi', body: 'Thanks!', createdAt: 20 });
    expect(index.similarTo('empty', { minScore: 0 })).toEqual([]);
  });
});

describe('SimilarityIndex changes', () => {
  it('never suggests an excluded (merged) ticket, and suggests it again when it is no longer excluded', () => {
    const index = queue();
    index.upsert({ ...QUEUE[1]!, excluded: true });
    expect(ids(index, 'login-1')).toEqual(['login-3']);
    // An excluded ticket still gets suggestions of its own (its page shows where it went and why).
    expect(ids(index, 'login-2').sort()).toEqual(['login-1', 'login-3']);
    index.upsert(QUEUE[1]!);
    expect(ids(index, 'login-1').sort()).toEqual(['login-2', 'login-3']);
  });

  it('re-indexes a ticket whose text changed, and forgets removed ones', () => {
    const index = queue();
    index.upsert({ ...QUEUE[7]!, subject: 'Label printer offline again', body: 'The label printer is offline.' });
    expect(ids(index, 'printer-1')).toContain('export');
    index.remove(['printer-2', 'never-indexed']);
    expect(index.size).toBe(QUEUE.length - 1);
    expect(ids(index, 'printer-1')).not.toContain('printer-2');
    expect(index.has('printer-2')).toBe(false);
  });

  it('gives the same answers whatever order tickets came in, and after being rebuilt', () => {
    const forward = queue();
    const backward = new SimilarityIndex();
    backward.upsert([...QUEUE].reverse());
    const churned = queue();
    for (const doc of QUEUE) churned.remove(doc.id);
    churned.upsert(QUEUE);
    for (const { id } of QUEUE) {
      const expected = forward.similarTo(id, { minScore: 0 });
      for (const other of [backward, churned]) {
        const actual = other.similarTo(id, { minScore: 0 });
        expect(actual.map((match) => match.id)).toEqual(expected.map((match) => match.id));
        actual.forEach((match, i) => expect(match.score).toBeCloseTo(expected[i]?.score ?? NaN, 10));
      }
    }
  });

  it('returns exact scores under today’s idf, however stale the stored norms', () => {
    // The first tickets' norms were stored when only they were known; a thousand later tickets change every idf.
    const index = queue();
    const fresh = new SimilarityIndex();
    const filler = Array.from({ length: 1_000 }, (_, i) => ({
      id: `filler-${i}`,
      subject: `Question ${i % 7 === 0 ? 'about login' : 'about billing'} number ${1000 + i}`,
      body: `Some words ${i % 3 === 0 ? 'update' : 'invoice'} and more`,
      createdAt: 100 + i,
    }));
    index.upsert(filler);
    fresh.upsert([...filler, ...QUEUE]);
    for (const id of ['login-1', 'refund-1', 'printer-1']) {
      const expected = fresh.similarTo(id, { minScore: 0.1 });
      const actual = index.similarTo(id, { minScore: 0.1 });
      expect(actual.map((match) => match.id)).toEqual(expected.map((match) => match.id));
      actual.forEach((match, i) => expect(match.score).toBeCloseTo(expected[i]?.score ?? NaN, 10));
    }
  });

  it('ignores a change that leaves the text alone, and clears', () => {
    const index = queue();
    const before = index.similarTo('login-1');
    index.upsert(QUEUE);
    expect(index.similarTo('login-1')).toEqual(before);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.similarTo('login-1')).toEqual([]);
    index.upsert(QUEUE);
    expect(index.similarTo('login-1')).toEqual(before);
  });

  it('still finds a duplicate when every word it shares is very common, among the newest tickets', () => {
    const index = new SimilarityIndex();
    const common = Array.from({ length: MAX_POSTINGS_PER_TERM + 500 }, (_, i) => ({
      id: `common-${i}`,
      subject: i % 2 ? 'Printer jammed' : 'Scanner jammed',
      body: `Tray ${100 + (i % 500)} again`,
      createdAt: i,
    }));
    index.upsert(common);
    index.upsert({ id: 'old-twin', subject: 'Printer jammed', body: 'Paper stuck', createdAt: -1 });
    index.upsert(
      Array.from({ length: MAX_POSTINGS_PER_TERM }, (_, i) => ({
        id: `newer-${i}`,
        subject: 'Scanner offline',
        body: 'Cable loose',
        createdAt: 10_000 + i,
      })),
    );
    index.upsert({ id: 'new-twin', subject: 'Printer jammed', body: 'Paper stuck', createdAt: 20_000 });
    // "paper" and "stuck" are rare: they find the old twin although "printer" has thousands of postings.
    expect(ids(index, 'new-twin', 0.5)).toContain('old-twin');
  });
});

describe('SimilarityIndex.createdBetween', () => {
  it('reads tickets by creation time, whatever order they were added in', () => {
    const index = new SimilarityIndex();
    const times = [50, 10, 40, 20, 30, 60];
    index.upsert(
      times.map((minute) => ({
        id: `t${minute}`,
        subject: `Ticket ${minute}`,
        body: 'text',
        createdAt: minute * MINUTE,
      })),
    );
    expect(index.countCreatedBetween(20 * MINUTE, 50 * MINUTE)).toBe(3);
    expect(index.createdBetween(20 * MINUTE, 50 * MINUTE).map((vector) => vector.id)).toEqual(['t20', 't30', 't40']);
    index.remove('t30');
    index.upsert({ id: 't25', subject: 'Ticket 25', body: 'text', createdAt: 25 * MINUTE });
    expect(index.createdBetween(0, 100 * MINUTE).map((vector) => vector.id)).toEqual([
      't10',
      't20',
      't25',
      't40',
      't50',
      't60',
    ]);
    expect(index.createdBetween(0, 100 * MINUTE, 2).map((vector) => vector.id)).toEqual(['t50', 't60']);
    const [vector] = index.createdBetween(10 * MINUTE, 11 * MINUTE);
    let squares = 0;
    for (const weight of vector?.weights ?? []) squares += weight * weight;
    expect(squares).toBeCloseTo(1, 10);
  });
});

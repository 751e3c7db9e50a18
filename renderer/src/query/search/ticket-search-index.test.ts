import { describe, expect, it } from 'vitest';
import { TicketId } from '#shared/domain/ids';
import { highlightSegments } from '#shared/query/highlight';
import { SeededRandom } from '#shared/util/seeded-random';
import { customerFixture, ticketFixture } from '#shared/testing/fixtures';
import {
  BODY_INDEX_CHARS,
  TicketSearchIndex,
  type TicketSearchDoc,
  bodyForIndex,
  ticketSearchDoc,
} from './ticket-search-index.ts';

const tid = (id: string) => TicketId.parse(id);

function doc(id: string, fields: Partial<Omit<TicketSearchDoc, 'id'>> = {}): TicketSearchDoc {
  return {
    id: tid(id),
    subject: 'Question',
    body: '',
    requester: 'Ana Costa ana@acme.example',
    customer: 'Acme',
    ...fields,
  };
}

function indexOf(...docs: TicketSearchDoc[]): TicketSearchIndex {
  const index = new TicketSearchIndex();
  index.upsert(docs);
  return index;
}

const ids = (index: TicketSearchIndex, text: string, limit = 50) => index.search(text, limit).map((hit) => hit.id);

describe('TicketSearchIndex', () => {
  it('finds words by their start from three letters: "pass" finds "password"', () => {
    const index = indexOf(
      doc('tkt_1', { subject: 'Password reset not arriving' }),
      doc('tkt_2', { subject: 'Passport scan upload' }),
      doc('tkt_3', { subject: 'Checkout is down' }),
      doc('tkt_4', { subject: 'PA system' }),
    );
    expect(ids(index, 'pass').sort()).toEqual(['tkt_1', 'tkt_2']);
    expect(ids(index, 'pas').sort()).toEqual(['tkt_1', 'tkt_2']);
    expect(ids(index, 'passw')).toEqual(['tkt_1']);
    // Two letters match whole words only: as a prefix they would match a large share of all tickets.
    expect(ids(index, 'pa')).toEqual(['tkt_4']);
    // A word is matched from its start only.
    expect(ids(index, 'word')).toEqual([]);
  });

  it('prefix-matches every word typed, not only the last', () => {
    const index = indexOf(
      doc('tkt_1', { subject: 'Password reset not arriving' }),
      doc('tkt_2', { subject: 'Password change' }),
    );
    expect(ids(index, 'pass res')).toEqual(['tkt_1']);
  });

  it('tolerates one typo in words of four letters or more, and not two', () => {
    const index = indexOf(
      doc('tkt_1', { subject: 'Password reset' }),
      doc('tkt_2', { subject: 'Checkout is down' }),
      doc('tkt_3', { subject: 'Tax form' }),
    );
    expect(ids(index, 'pasword')).toEqual(['tkt_1']); // a letter missing
    expect(ids(index, 'passwrod')).toEqual([]); // two letters swapped: two edits
    expect(ids(index, 'chekout')).toEqual(['tkt_2']);
    expect(ids(index, 'checkuot')).toEqual([]);
    expect(ids(index, 'cheskout')).toEqual(['tkt_2']); // a letter added
    // "tex" is three letters: no typo allowed, so it does not reach "tax".
    expect(ids(index, 'tex')).toEqual([]);
    expect(ids(index, 'form')).toEqual(['tkt_3']);
    expect(ids(index, 'firm')).toEqual(['tkt_3']);
  });

  it('ranks a match in the subject above the same match in the body', () => {
    const index = indexOf(
      doc('tkt_body', { subject: 'Question about my account', body: 'The invoice total looks wrong to me.' }),
      doc('tkt_subject', { subject: 'Invoice total wrong', body: 'Please have a look at my account.' }),
    );
    expect(ids(index, 'invoice')).toEqual(['tkt_subject', 'tkt_body']);
    const [first, second] = index.search('invoice', 10);
    expect(first?.score).toBeGreaterThan(second?.score ?? Infinity);
  });

  it('ranks an exact word above a word it is only the start of, and above a typo', () => {
    const index = indexOf(
      doc('tkt_prefix', { subject: 'Logins are slow' }),
      doc('tkt_exact', { subject: 'Login is slow' }),
      doc('tkt_typo', { subject: 'Logon is slow' }),
    );
    expect(ids(index, 'login')).toEqual(['tkt_exact', 'tkt_prefix', 'tkt_typo']);
  });

  it('finds tickets by customer name and by requester name and email', () => {
    const index = indexOf(
      doc('tkt_1', { customer: 'Kestrel Freight', requester: 'Liam Brown liam.brown@kestrel.example' }),
      doc('tkt_2', { customer: 'Orbit Payroll', requester: 'Noah Smith noah@orbit.example' }),
    );
    expect(ids(index, 'kestrel')).toEqual(['tkt_1']);
    expect(ids(index, 'orbit payroll')).toEqual(['tkt_2']);
    expect(ids(index, 'noah')).toEqual(['tkt_2']);
    expect(ids(index, 'brown')).toEqual(['tkt_1']);
    expect(ids(index, 'liam.brown@kestrel.example')).toEqual(['tkt_1']);
  });

  it('requires every word typed', () => {
    const index = indexOf(
      doc('tkt_1', { subject: 'Login fails after update' }),
      doc('tkt_2', { subject: 'Login is slow' }),
      doc('tkt_3', { subject: 'Export fails' }),
    );
    expect(ids(index, 'login fails')).toEqual(['tkt_1']);
  });

  it('ignores case and accents on both sides', () => {
    const index = indexOf(doc('tkt_1', { subject: 'Résumé upload FAILS', customer: 'São Paulo Clínica' }));
    expect(ids(index, 'resume')).toEqual(['tkt_1']);
    expect(ids(index, 'RÉSUMÉ fails')).toEqual(['tkt_1']);
    expect(ids(index, 'sao clinica')).toEqual(['tkt_1']);
  });

  it('returns the best `limit` hits, best first', () => {
    const index = indexOf(
      ...Array.from({ length: 30 }, (_, i) =>
        doc(`tkt_${i}`, { subject: i === 17 ? 'Refund refund refund' : 'Question', body: `refund number ${i}` }),
      ),
    );
    const hits = index.search('refund', 5);
    expect(hits).toHaveLength(5);
    expect(hits[0]?.id).toBe('tkt_17');
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(index.search('refund', 0)).toEqual([]);
  });

  it('reports the document terms that matched, ready for highlighting', () => {
    const index = indexOf(doc('tkt_1', { subject: 'Password reset for Zoë' }));
    const [hit] = index.search('passw res zoe', 10);
    expect(hit?.terms.sort()).toEqual(['password', 'reset', 'zoe']);
    const marked = highlightSegments('Password reset for Zoë', hit?.terms ?? []).filter((segment) => segment.match);
    expect(marked.map((segment) => segment.text)).toEqual(['Password', 'reset', 'Zoë']);
  });

  it('updates incrementally: upsert replaces a ticket’s text, remove drops it', () => {
    const index = indexOf(doc('tkt_1', { subject: 'Printer offline' }), doc('tkt_2', { subject: 'Printer jam' }));
    expect(ids(index, 'printer').sort()).toEqual(['tkt_1', 'tkt_2']);

    index.upsert([doc('tkt_1', { subject: 'Scanner offline' })]);
    expect(index.size).toBe(2);
    expect(ids(index, 'printer')).toEqual(['tkt_2']);
    expect(ids(index, 'scanner')).toEqual(['tkt_1']);
    expect(ids(index, 'offline')).toEqual(['tkt_1']);

    index.upsert([doc('tkt_3', { subject: 'Printer driver' })]);
    index.remove([tid('tkt_2'), tid('tkt_unknown')]);
    expect(index.size).toBe(2);
    expect(index.has(tid('tkt_2'))).toBe(false);
    expect(ids(index, 'printer')).toEqual(['tkt_3']);

    // Removed and back again.
    index.upsert([doc('tkt_2', { subject: 'Printer jam again' })]);
    expect(ids(index, 'jam')).toEqual(['tkt_2']);

    index.clear();
    expect(index.size).toBe(0);
    expect(ids(index, 'printer')).toEqual([]);
  });

  it('forgets what it remembered of earlier searches when tickets change', () => {
    const index = indexOf(doc('tkt_1', { subject: 'Printer offline' }), doc('tkt_2', { subject: 'Printer jam' }));
    // The same first word, searched again after each change.
    expect(ids(index, 'printer jam')).toEqual(['tkt_2']);
    index.remove([tid('tkt_2')]);
    expect(ids(index, 'printer jam')).toEqual([]);
    expect(ids(index, 'printer')).toEqual(['tkt_1']);
    index.upsert([doc('tkt_3', { subject: 'Printer jam' })]);
    expect(ids(index, 'printer jam')).toEqual(['tkt_3']);
    index.clear();
    expect(ids(index, 'printer')).toEqual([]);
  });

  it('treats text as text: markup is split into words, never interpreted', () => {
    const index = indexOf(
      doc('tkt_1', { subject: '<img src=x onerror=alert(1)> Checkout', body: '<b>Urgent</b> &amp; more' }),
      doc('tkt_2', { subject: 'Plain subject' }),
    );
    expect(ids(index, 'onerror')).toEqual(['tkt_1']);
    expect(ids(index, 'urgent')).toEqual(['tkt_1']);
    expect(ids(index, '<b>urgent</b>')).toEqual(['tkt_1']);
    const [hit] = index.search('<img onerror>', 10);
    expect(hit?.id).toBe('tkt_1');
    expect(hit?.terms.sort()).toEqual(['img', 'onerror']);
    // Pattern characters are not patterns.
    expect(ids(index, '.*')).toEqual([]);
    expect(ids(index, '(')).toEqual([]);
    expect(ids(index, '   ')).toEqual([]);
  });

  it('leaves out stop words, except as the start of a word still being typed', () => {
    const index = indexOf(
      doc('tkt_1', { subject: 'Reset the password' }),
      doc('tkt_2', { subject: 'Export format wrong' }),
      doc('tkt_3', { subject: 'Password for the printer' }),
    );
    // "the" and "for" are not indexed and not required...
    expect(ids(index, 'reset the password')).toEqual(['tkt_1']);
    expect(ids(index, 'password for printer')).toEqual(['tkt_3']);
    // ...but a last word may be the start of another ("for" → "format").
    expect(ids(index, 'export for')).toEqual(['tkt_2']);
    expect(ids(index, 'the')).toEqual([]);
  });

  it('keeps the results of the words before a last word too short to match yet', () => {
    const index = indexOf(
      doc('tkt_1', { subject: 'Printer access denied' }),
      doc('tkt_2', { subject: 'Printer jam' }),
      doc('tkt_3', { subject: 'Printer x offline' }),
    );
    // "a" matches nothing yet: the printer tickets stay rather than none.
    expect(ids(index, 'printer a').sort()).toEqual(['tkt_1', 'tkt_2', 'tkt_3']);
    // "x" is a whole word in one of them: it narrows.
    expect(ids(index, 'printer x')).toEqual(['tkt_3']);
    expect(ids(index, 'printer acc')).toEqual(['tkt_1']);
    // A full word that matches nothing is an answer: nothing.
    expect(ids(index, 'printer scanner')).toEqual([]);
  });

  it('matches numbers exactly or by their start, never with a typo', () => {
    const index = indexOf(
      doc('tkt_1', { subject: 'Invoice 48213 charged twice' }),
      doc('tkt_2', { subject: 'Invoice 48218 missing' }),
    );
    expect(ids(index, '48213')).toEqual(['tkt_1']);
    expect(ids(index, '4821').sort()).toEqual(['tkt_1', 'tkt_2']);
  });

  it('ranks and scores exactly as MiniSearch’s own search() does', () => {
    const random = new SeededRandom(7);
    const words = 'login password reset invoice refund export sync stuck update printer offline error'.split(' ');
    const sentence = (length: number) => Array.from({ length }, () => random.pick(words)).join(' ');
    const index = indexOf(
      ...Array.from({ length: 300 }, (_, i) =>
        doc(`tkt_${i}`, {
          subject: sentence(3),
          body: sentence(12),
          customer: random.pick(['Acme', 'Kestrel Freight']),
        }),
      ),
    );
    for (const query of [
      'login',
      'pass',
      'pasword res',
      'sync stuck upd',
      'kestrel refund',
      'printer a',
      'offline the',
    ]) {
      const fast = index.search(query, 1_000);
      const library = index.searchViaLibrary(query, 1_000);
      expect(fast.length, query).toBeGreaterThan(0);
      // Scores are sums in another order: equal to rounding. Equal scores may come in another order.
      const normalized = (hits: typeof fast) =>
        hits
          .map((hit) => ({ id: hit.id, score: hit.score.toFixed(9), terms: [...hit.terms].sort() }))
          .sort((a, b) => Number(b.score) - Number(a.score) || a.id.localeCompare(b.id));
      expect(normalized(fast), query).toEqual(normalized(library));
    }
    // And the top few, as a list, are the same.
    expect(index.search('pasword res', 5).map((hit) => hit.score.toFixed(9))).toEqual(
      index.searchViaLibrary('pasword res', 5).map((hit) => hit.score.toFixed(9)),
    );
  });

  it('caps a pasted paragraph to its first words', () => {
    const index = indexOf(doc('tkt_1', { subject: 'one two three four five six seven eight' }));
    // The ninth word would not match, but only the first eight count.
    expect(ids(index, 'one two three four five six seven eight nine')).toEqual(['tkt_1']);
  });
});

describe('ticketSearchDoc', () => {
  it('takes the subject, the start of the body, the requester and the customer’s name', () => {
    const ticket = ticketFixture({ body: 'Short body' });
    expect(ticketSearchDoc(ticket, customerFixture())).toEqual({
      id: ticket.id,
      subject: 'Checkout page is down',
      body: 'Short body',
      requester: 'Ana Costa ana@acme.example',
      customer: 'Acme Rockets',
    });
    expect(ticketSearchDoc(ticket, undefined).customer).toBe('');
  });

  it('indexes only the start of a long body, cut between words', () => {
    const body = 'lorem '.repeat(20_000) + 'needle';
    const indexed = bodyForIndex(body);
    expect(indexed.length).toBeLessThanOrEqual(BODY_INDEX_CHARS);
    expect(indexed.length).toBeGreaterThan(BODY_INDEX_CHARS - 10);
    expect(indexed.endsWith('lorem')).toBe(true);
    const index = indexOf(doc('tkt_1', { body: indexed }));
    expect(ids(index, 'needle')).toEqual([]);
    expect(ids(index, 'lorem')).toEqual(['tkt_1']);
    // One unbroken 100 kB "word" is cut at the limit.
    expect(bodyForIndex('x'.repeat(100_000))).toHaveLength(BODY_INDEX_CHARS);
    expect(bodyForIndex('short')).toBe('short');
  });
});

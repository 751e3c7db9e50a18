import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CustomerId, TicketId } from '#shared/domain/ids';
import { customerFixture, ticketFixture } from '#shared/testing/fixtures';
import { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { createInProcessSearch } from './in-process-search.ts';
import { SearchClient, type SearchResult } from './search-client.ts';
import type { SearchProgress, SearchResponse } from './search-protocol.ts';
import { SearchWorkerCore, type SearchWorkerCoreOptions } from './search-worker-core.ts';

let db: ShiftdeskDb;
let dbCount = 0;
let clients: SearchClient[] = [];

const tid = (n: number) => TicketId.parse(`tkt_${String(n).padStart(4, '0')}`);
const ACME = CustomerId.parse('cus_acme');
const KESTREL = CustomerId.parse('cus_kestrel');

/** `count` tickets about printers, numbered from 1, of Acme unless said otherwise. */
function tickets(count: number, subject = (n: number) => `Printer ${n} offline`) {
  return Array.from({ length: count }, (_, i) =>
    ticketFixture({ id: tid(i + 1), subject: subject(i + 1), customerId: ACME }),
  );
}

/** A gate the build pauses at: closed, it holds the build between two slices. */
function gate() {
  let opened = false;
  let waiting: (() => void)[] = [];
  return {
    pause: () => (opened ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
    open: () => {
      opened = true;
      for (const resolve of waiting) resolve();
      waiting = [];
    },
    get held() {
      return waiting.length;
    },
  };
}

function client(options: Omit<SearchWorkerCoreOptions, 'db' | 'post'> = {}) {
  const progress: SearchProgress[] = [];
  const errors: Error[] = [];
  const search = new SearchClient(() => createInProcessSearch(db, options));
  search.onProgress((report) => progress.push(report));
  search.onError((error) => errors.push(error));
  clients.push(search);
  return { search, progress, errors };
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Until the build is complete and every message sent so far has been handled. */
async function settled(search: SearchClient): Promise<void> {
  await waitFor(() => search.progress?.complete === true, 'the build to complete');
  // A search is answered after the tasks queued before it had their turn: a round trip flushes them.
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 2));
}

const ids = (result: SearchResult) => result.hits.map((hit) => hit.id).sort();

beforeEach(async () => {
  db = new ShiftdeskDb(`search-test-${++dbCount}`);
  await db
    .rows('customer')
    .bulkPut([
      customerFixture({ id: ACME, name: 'Acme Rockets' }),
      customerFixture({ id: KESTREL, name: 'Kestrel Freight', domain: 'kestrel.example' }),
    ]);
});

afterEach(async () => {
  for (const search of clients) search.dispose();
  clients = [];
  await db.delete();
});

describe('building the index', () => {
  it('reads every ticket in chunks by primary key, reporting progress, then answers completely', async () => {
    await db.rows('ticket').bulkPut(tickets(25));
    const { search, progress } = client({ chunkSize: 10, sliceSize: 4 });
    await settled(search);

    expect(progress).toEqual([
      { indexed: 0, total: 25, complete: false },
      { indexed: 10, total: 25, complete: false },
      { indexed: 20, total: 25, complete: false },
      { indexed: 25, total: 25, complete: true },
    ]);
    const result = await search.search('printer', 100);
    expect(result.complete).toBe(true);
    expect(result.hits).toHaveLength(25);
    expect(ids(await search.search('printer 17'))).toEqual([tid(17)]);
  });

  it('answers before it is done with what is indexed so far, and says so', async () => {
    await db.rows('ticket').bulkPut(tickets(10));
    const held = gate();
    const { search } = client({ chunkSize: 10, sliceSize: 3, pause: held.pause });
    await waitFor(() => held.held > 0, 'the build to pause');

    const early = await search.search('printer', 100);
    expect(early.complete).toBe(false);
    expect(ids(early)).toEqual([tid(1), tid(2), tid(3)]);

    held.open();
    await settled(search);
    const later = await search.search('printer', 100);
    expect(later.complete).toBe(true);
    expect(later.hits).toHaveLength(10);
  });

  it('finds tickets by their customer’s name', async () => {
    await db
      .rows('ticket')
      .bulkPut([
        ticketFixture({ id: tid(1), subject: 'Login fails', customerId: ACME }),
        ticketFixture({ id: tid(2), subject: 'Login fails', customerId: KESTREL }),
      ]);
    const { search } = client();
    await settled(search);
    expect(ids(await search.search('kestrel login'))).toEqual([tid(2)]);
    expect(ids(await search.search('rockets'))).toEqual([tid(1)]);
  });

  it('completes on an empty database', async () => {
    const { search, progress } = client();
    await settled(search);
    expect(progress.at(-1)).toEqual({ indexed: 0, total: 0, complete: true });
    expect(await search.search('anything')).toEqual({ hits: [], complete: true });
  });
});

describe('keeping up with changes', () => {
  it('indexes written tickets again and drops deleted ones', async () => {
    await db.rows('ticket').bulkPut(tickets(3));
    const { search } = client();
    await settled(search);

    await db.rows('ticket').put(ticketFixture({ id: tid(2), subject: 'Scanner jammed', customerId: ACME }));
    await db.rows('ticket').delete(tid(3));
    await db.rows('ticket').put(ticketFixture({ id: tid(4), subject: 'Scanner driver', customerId: ACME }));
    search.notifyChanged([tid(2), tid(3), tid(4)]);

    expect(ids(await search.search('scanner'))).toEqual([tid(2), tid(4)]);
    expect(ids(await search.search('printer'))).toEqual([tid(1)]);
  });

  it('re-indexes a renamed customer’s tickets', async () => {
    await db.rows('ticket').bulkPut(tickets(3));
    const { search } = client();
    await settled(search);
    expect(await search.search('rockets')).toMatchObject({ hits: { length: 3 } });

    await db.rows('customer').update(ACME, { name: 'Zenith Aerospace' });
    search.notifyChanged([], [ACME]);

    expect(ids(await search.search('zenith'))).toEqual([tid(1), tid(2), tid(3)]);
    expect(ids(await search.search('rockets'))).toEqual([]);
  });

  it('looks up a customer it has not seen when one of its tickets arrives', async () => {
    const { search } = client();
    await settled(search);
    const newcomer = CustomerId.parse('cus_newco');
    await db.rows('customer').put(customerFixture({ id: newcomer, name: 'Newco Labs', domain: 'newco.example' }));
    await db.rows('ticket').put(ticketFixture({ id: tid(1), subject: 'Hello', customerId: newcomer }));
    search.notifyChanged([tid(1)]);
    expect(ids(await search.search('newco'))).toEqual([tid(1)]);
  });

  it('never lets a chunk read before a change overwrite the change', async () => {
    await db.rows('ticket').bulkPut(tickets(10));
    const held = gate();
    const { search } = client({ chunkSize: 10, sliceSize: 2, pause: held.pause });
    // The first chunk (all ten, ticket 5 as "Printer 5 offline") is read, and held after its first slice.
    await waitFor(() => held.held > 0, 'the build to pause');

    await db.rows('ticket').put(ticketFixture({ id: tid(5), subject: 'Scanner jammed', customerId: ACME }));
    search.notifyChanged([tid(5)]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    held.open();
    await settled(search);

    expect(ids(await search.search('scanner'))).toEqual([tid(5)]);
    expect(ids(await search.search('printer'))).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10].map(tid));
  });

  it('rebuilds from scratch on reset', async () => {
    await db.rows('ticket').bulkPut(tickets(3));
    const { search, progress } = client();
    await settled(search);

    await db.rows('ticket').clear();
    await db.rows('ticket').bulkPut(tickets(2, (n) => `Refund ${n} pending`));
    search.reset();
    expect(search.progress).toBeNull();
    await settled(search);

    expect(ids(await search.search('printer'))).toEqual([]);
    expect(ids(await search.search('refund'))).toEqual([tid(1), tid(2)]);
    expect(progress.filter((report) => report.complete)).toHaveLength(2);
  });
});

describe('SearchWorkerCore messages', () => {
  function core() {
    const posted: SearchResponse[] = [];
    const worker = new SearchWorkerCore({ db, post: (message) => posted.push(message) });
    return { worker, posted };
  }

  it('answers only the latest of searches that queued up', async () => {
    await db.rows('ticket').bulkPut(tickets(2));
    const { worker, posted } = core();
    worker.handle({ type: 'search', requestId: 1, text: 'printer', limit: 10 });
    worker.handle({ type: 'search', requestId: 2, text: 'printer 2', limit: 10 });
    await waitFor(() => posted.some((message) => message.type === 'results'), 'an answer');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(posted.filter((message) => message.type === 'results').map((message) => message.requestId)).toEqual([2]);
    worker.dispose();
  });

  it('answers a malformed message with an error, with the request id when it has one', () => {
    const { worker, posted } = core();
    worker.handle({ type: 'search', requestId: 7, text: 42, limit: 10 });
    worker.handle({ type: 'search', requestId: 8, text: 'x', limit: 0 });
    worker.handle({ type: 'changed', ids: ['not-a-ticket-id'] });
    worker.handle({ type: 'explode' });
    worker.handle('search');
    expect(posted.map((message) => [message.type, 'requestId' in message ? message.requestId : undefined])).toEqual([
      ['error', 7],
      ['error', 8],
      ['error', undefined],
      ['error', undefined],
      ['error', undefined],
    ]);
    worker.dispose();
  });

  it('reports a build that cannot read the database, and still answers searches', async () => {
    const { worker, posted } = core();
    db.close();
    worker.start();
    await waitFor(() => posted.some((message) => message.type === 'error'), 'an error');
    worker.handle({ type: 'search', requestId: 1, text: 'printer', limit: 10 });
    await waitFor(() => posted.some((message) => message.type === 'results'), 'an answer');
    expect(posted.find((message) => message.type === 'results')).toEqual({
      type: 'results',
      requestId: 1,
      hits: [],
      complete: false,
    });
    worker.dispose();
    await db.open();
  });
});

describe('similar tickets and floods', () => {
  const MINUTE = 60_000;
  const NOW = Date.UTC(2025, 2, 4, 6, 0);

  function loginTicket(n: number, minutesAgo: number) {
    return ticketFixture({
      id: tid(n),
      subject: n % 2 ? 'Login fails after the 4.12 update' : 'Cannot sign in since updating to 4.12',
      body: 'The login page bounces back with E-AUTH-409 after the update.',
      customerId: ACME,
      createdAt: NOW - minutesAgo * MINUTE,
    });
  }

  const ids = (matches: { id: string }[]) => matches.map((match) => match.id).sort();

  it('suggests tickets like the one asked about, with the words they share', async () => {
    await db.rows('ticket').bulkPut([
      loginTicket(1, 60),
      loginTicket(2, 50),
      ticketFixture({
        id: tid(3),
        subject: 'Invoice PDF is blank',
        body: 'Every invoice downloads empty.',
        customerId: ACME,
      }),
    ]);
    const { search } = client({ chunkSize: 2 });
    await settled(search);
    const matches = await search.similarTickets(tid(1));
    expect(ids(matches)).toEqual([tid(2)]);
    expect(matches[0]?.sharedTerms).toEqual(expect.arrayContaining(['login', '4.12']));
    expect(await search.similarTickets(tid(3))).toEqual([]);
    expect(await search.similarTickets(tid(99))).toEqual([]);
  });

  it('keeps up with changes: new tickets, merged ones (never suggested) and deleted ones', async () => {
    await db.rows('ticket').bulkPut([loginTicket(1, 60), loginTicket(2, 50)]);
    const { search } = client();
    await settled(search);

    await db.rows('ticket').bulkPut([loginTicket(3, 40), loginTicket(4, 30)]);
    search.notifyChanged([tid(3), tid(4)]);
    expect(ids(await search.similarTickets(tid(1)))).toEqual([tid(2), tid(3), tid(4)]);

    // A merged ticket carries mergedInto (written by the merge feature): it stays out of suggestions.
    const merged: Record<string, unknown> = { ...loginTicket(3, 40), mergedInto: tid(1) };
    await db.rows('ticket').put(merged as unknown as ReturnType<typeof loginTicket>);
    await db.rows('ticket').delete(tid(4));
    search.notifyChanged([tid(3), tid(4)]);
    expect(ids(await search.similarTickets(tid(1)))).toEqual([tid(2)]);
  });

  it('reports a flood of look-alikes, and nothing in a calm queue', async () => {
    const calm = Array.from({ length: 8 }, (_, i) =>
      ticketFixture({
        id: tid(100 + i),
        subject: ['Printer offline', 'Refund request', 'Add a seat', 'Dark mode'][i % 4] ?? 'Other',
        body: `Something else entirely, reference ${1000 + i}.`,
        customerId: ACME,
        createdAt: NOW - (60 + i * 50) * MINUTE,
      }),
    );
    await db.rows('ticket').bulkPut(calm);
    const { search } = client();
    await settled(search);
    expect(await search.detectFlood(NOW)).toBeNull();

    const flood = Array.from({ length: 12 }, (_, i) => loginTicket(i + 1, i + 1));
    await db.rows('ticket').bulkPut(flood);
    search.notifyChanged(flood.map((ticket) => ticket.id));
    const report = await search.detectFlood(NOW);
    expect(report).toMatchObject({ windowMinutes: 20, count: 12, reason: 'volume' });
    expect(report?.clusters[0]?.ticketIds).toHaveLength(12);
    expect(report?.clusters[0]?.topTerms).toContain('login');
    expect(await search.detectFlood(NOW, 15)).toMatchObject({ windowMinutes: 15, count: 12 });
    // Five in the last five minutes are below the minimum: no flood in that window.
    expect(await search.detectFlood(NOW, 5)).toBeNull();
  });

  it('answers a malformed request with an error for that request', () => {
    const posted: SearchResponse[] = [];
    const worker = new SearchWorkerCore({ db, post: (message) => posted.push(message) });
    worker.handle({ type: 'similar', requestId: 3, ticketId: 'nope', limit: 5 });
    worker.handle({ type: 'flood', requestId: 4, now: -1 });
    worker.handle({ type: 'flood', requestId: 5, now: NOW, windowMinutes: 100_000 });
    expect(posted.map((message) => [message.type, 'requestId' in message ? message.requestId : undefined])).toEqual([
      ['error', 3],
      ['error', 4],
      ['error', 5],
    ]);
    worker.dispose();
  });
});

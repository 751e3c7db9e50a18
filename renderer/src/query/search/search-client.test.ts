import { describe, expect, it } from 'vitest';
import { CustomerId, TicketId } from '#shared/domain/ids';
import { SearchClient, type SearchEndpoint, SearchSuperseded, isSearchSuperseded } from './search-client.ts';
import { MAX_SEARCH_LIMIT, type SearchRequest } from './search-protocol.ts';

/** An endpoint the test speaks for: it sees what the client posts and says what the worker would. */
function fakeWorker() {
  const posted: SearchRequest[] = [];
  let say: (data: unknown) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let terminated = false;
  const endpoint: SearchEndpoint = {
    post: (message) => posted.push(message),
    listen: (onMessage, onFailure) => {
      say = onMessage;
      fail = onFailure;
    },
    terminate: () => {
      terminated = true;
    },
  };
  return {
    client: new SearchClient(() => endpoint),
    posted,
    say: (data: unknown) => say(data),
    fail: (error: Error) => fail(error),
    get terminated() {
      return terminated;
    },
  };
}

const hit = (n: number) => ({ id: `tkt_${n}`, score: 10 - n, terms: ['printer'] });

describe('SearchClient', () => {
  it('sends a search and resolves it with the worker’s answer', async () => {
    const worker = fakeWorker();
    const result = worker.client.search('printer', 20);
    expect(worker.posted).toEqual([{ type: 'search', requestId: 1, text: 'printer', limit: 20 }]);
    worker.say({ type: 'results', requestId: 1, hits: [hit(1), hit(2)], complete: false });
    await expect(result).resolves.toEqual({ hits: [hit(1), hit(2)], complete: false });
  });

  it('lets the latest search win: the previous is rejected at once and its late answer dropped', async () => {
    const worker = fakeWorker();
    const first = worker.client.search('prin');
    const second = worker.client.search('printer');
    await expect(first).rejects.toBeInstanceOf(SearchSuperseded);
    await first.catch((error: unknown) => {
      expect(isSearchSuperseded(error)).toBe(true);
      expect((error as Error).name).toBe('AbortError');
    });

    // The worker answers the old one late, then the new one.
    worker.say({ type: 'results', requestId: 1, hits: [hit(9)], complete: true });
    worker.say({ type: 'results', requestId: 2, hits: [hit(1)], complete: true });
    await expect(second).resolves.toEqual({ hits: [hit(1)], complete: true });
  });

  it('rejects a search the worker failed, and only that one', async () => {
    const worker = fakeWorker();
    const first = worker.client.search('a');
    const second = worker.client.search('b');
    worker.say({ type: 'error', message: 'old failure', requestId: 1 });
    worker.say({ type: 'error', message: 'index exploded', requestId: 2 });
    await expect(first).rejects.toBeInstanceOf(SearchSuperseded);
    await expect(second).rejects.toThrow('index exploded');
  });

  it('reports malformed messages and errors not tied to a search, and keeps waiting for the answer', async () => {
    const worker = fakeWorker();
    const errors: string[] = [];
    worker.client.onError((error) => errors.push(error.message));
    const result = worker.client.search('printer');
    worker.say({ type: 'results', requestId: 1, hits: [{ id: 'not-a-ticket', score: 1, terms: [] }], complete: true });
    worker.say({ type: 'results', requestId: 1, hits: [{ id: 'tkt_1', score: 'high', terms: [] }], complete: true });
    worker.say('<img src=x onerror=alert(1)>');
    worker.say({ type: 'error', message: 'build failed: database closed' });
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/malformed/);
    expect(errors[3]).toBe('build failed: database closed');

    worker.say({ type: 'results', requestId: 1, hits: [hit(1)], complete: true });
    await expect(result).resolves.toMatchObject({ hits: [hit(1)] });
  });

  it('passes progress on, and remembers the latest', () => {
    const worker = fakeWorker();
    const seen: unknown[] = [];
    const unsubscribe = worker.client.onProgress((progress) => seen.push(progress));
    expect(worker.client.progress).toBeNull();
    worker.say({ type: 'progress', indexed: 2_000, total: 5_000, complete: false });
    unsubscribe();
    worker.say({ type: 'progress', indexed: 5_000, total: 5_000, complete: true });
    expect(seen).toEqual([{ indexed: 2_000, total: 5_000, complete: false }]);
    expect(worker.client.progress).toEqual({ indexed: 5_000, total: 5_000, complete: true });
  });

  it('sends changes and resets, and nothing for no change', () => {
    const worker = fakeWorker();
    worker.client.notifyChanged([]);
    worker.client.notifyChanged([TicketId.parse('tkt_1')]);
    worker.client.notifyChanged([], [CustomerId.parse('cus_acme')]);
    worker.client.reset();
    expect(worker.posted).toEqual([
      { type: 'changed', ids: ['tkt_1'] },
      { type: 'changed', ids: [], customerIds: ['cus_acme'] },
      { type: 'reset' },
    ]);
  });

  it('keeps what it sends within the protocol’s bounds', () => {
    const worker = fakeWorker();
    void worker.client.search('x'.repeat(5_000), 1e9).catch(() => undefined);
    void worker.client.search('y', 0).catch(() => undefined);
    void worker.client.search('z', 12.7).catch(() => undefined);
    expect(
      worker.posted.map((message) => (message.type === 'search' ? [message.text.length, message.limit] : null)),
    ).toEqual([
      [1_000, MAX_SEARCH_LIMIT],
      [1, 1],
      [1, 12],
    ]);
  });

  it('fails every search once the worker is gone', async () => {
    const worker = fakeWorker();
    const errors: Error[] = [];
    worker.client.onError((error) => errors.push(error));
    const pending = worker.client.search('printer');
    worker.fail(new Error('search worker failed: it could not be loaded'));
    await expect(pending).rejects.toThrow('could not be loaded');
    await expect(worker.client.search('printer')).rejects.toThrow('could not be loaded');
    expect(errors).toHaveLength(1);
  });

  it('on dispose, cuts the pending search short, stops the worker and ignores what comes after', async () => {
    const worker = fakeWorker();
    const seen: unknown[] = [];
    worker.client.onProgress((progress) => seen.push(progress));
    const pending = worker.client.search('printer');
    worker.client.dispose();
    await expect(pending).rejects.toBeInstanceOf(SearchSuperseded);
    expect(worker.terminated).toBe(true);
    worker.say({ type: 'progress', indexed: 1, total: 1, complete: true });
    expect(seen).toEqual([]);
    await expect(worker.client.search('printer')).rejects.toBeInstanceOf(SearchSuperseded);
    worker.client.notifyChanged([TicketId.parse('tkt_1')]);
    expect(worker.posted).toHaveLength(1);
  });
});

describe('SearchClient similar tickets and floods', () => {
  const match = (n: number) => ({ id: `tkt_${n}`, score: 0.5, sharedTerms: ['login'] });
  const report = {
    windowMinutes: 20,
    count: 38,
    expected: 6,
    baselineHours: 8,
    clustered: 38,
    reason: 'volume',
    clusters: [{ ticketIds: ['tkt_1', 'tkt_2'], centreId: 'tkt_1', label: 'Login fails', topTerms: ['login'] }],
  };

  it('asks for similar tickets and floods, several at once, each answered by its own reply', async () => {
    const worker = fakeWorker();
    const first = worker.client.similarTickets(TicketId.parse('tkt_1'));
    const second = worker.client.similarTickets(TicketId.parse('tkt_2'), 3);
    const flood = worker.client.detectFlood(1_700_000_000_000.7);
    const search = worker.client.search('printer');
    expect(worker.posted).toEqual([
      { type: 'similar', requestId: 1, ticketId: 'tkt_1', limit: 5 },
      { type: 'similar', requestId: 2, ticketId: 'tkt_2', limit: 3 },
      { type: 'flood', requestId: 3, now: 1_700_000_000_000 },
      { type: 'search', requestId: 4, text: 'printer', limit: 50 },
    ]);
    worker.say({ type: 'flood', requestId: 3, report, complete: true });
    worker.say({ type: 'similar', requestId: 2, ticketId: 'tkt_2', matches: [], complete: false });
    worker.say({ type: 'similar', requestId: 1, ticketId: 'tkt_1', matches: [match(3)], complete: true });
    worker.say({ type: 'results', requestId: 4, hits: [], complete: true });
    await expect(first).resolves.toEqual([match(3)]);
    await expect(second).resolves.toEqual([]);
    await expect(flood).resolves.toEqual(report);
    await expect(search).resolves.toEqual({ hits: [], complete: true });
  });

  it('sends a window when asked, and keeps limits within the protocol', () => {
    const worker = fakeWorker();
    void worker.client.detectFlood(5, 30);
    void worker.client.similarTickets(TicketId.parse('tkt_1'), 1e6);
    void worker.client.similarTickets(TicketId.parse('tkt_1'), 0);
    expect(worker.posted).toEqual([
      { type: 'flood', requestId: 1, now: 5, windowMinutes: 30 },
      { type: 'similar', requestId: 2, ticketId: 'tkt_1', limit: 50 },
      { type: 'similar', requestId: 3, ticketId: 'tkt_1', limit: 1 },
    ]);
  });

  it('rejects the request the worker failed, reports malformed answers, and keeps waiting', async () => {
    const worker = fakeWorker();
    const errors: string[] = [];
    worker.client.onError((error) => errors.push(error.message));
    const failed = worker.client.similarTickets(TicketId.parse('tkt_1'));
    const flood = worker.client.detectFlood(1_000);
    worker.say({ type: 'error', message: 'index exploded', requestId: 1 });
    await expect(failed).rejects.toThrow('index exploded');
    worker.say({ type: 'flood', requestId: 2, report: { ...report, reason: 'panic' }, complete: true });
    worker.say({
      type: 'flood',
      requestId: 2,
      report: { ...report, clusters: [{ ...report.clusters[0], ticketIds: ['x'] }] },
      complete: true,
    });
    expect(errors).toHaveLength(2);
    worker.say({ type: 'flood', requestId: 2, report: null, complete: true });
    await expect(flood).resolves.toBeNull();
  });

  it('rejects what is in flight when the worker dies or the client is disposed', async () => {
    const dying = fakeWorker();
    const pending = dying.client.similarTickets(TicketId.parse('tkt_1'));
    dying.fail(new Error('search worker failed: out of memory'));
    await expect(pending).rejects.toThrow('out of memory');
    await expect(dying.client.detectFlood(1)).rejects.toThrow('out of memory');

    const disposed = fakeWorker();
    const flood = disposed.client.detectFlood(1);
    disposed.client.dispose();
    await expect(flood).rejects.toBeInstanceOf(SearchSuperseded);
    await expect(disposed.client.similarTickets(TicketId.parse('tkt_1'))).rejects.toBeInstanceOf(SearchSuperseded);
    expect(disposed.posted).toHaveLength(1);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_VIEWS } from '#shared/query/builtin-views';
import { type SlaPolicy, defaultSlaConfig } from '#shared/domain/sla-config';
import { ticketFixture } from '#shared/testing/fixtures';
import type { Ticket } from '#shared/domain/ticket';
import { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import { LocalQueryLayer } from './local-query-layer.ts';
import { SearchClient, type SearchEndpoint } from './search/search-client.ts';
import type { SearchRequest } from './search/search-protocol.ts';

const ME = 'usr_agent';
const ALL_ACTIVE = BUILTIN_VIEWS.find((view) => view.id === 'builtin:active')!.definition;
let db: ShiftdeskDb;
let layer: LocalQueryLayer;
let posted: SearchRequest[];
let dbCount = 0;

const ticket = (n: number, more: Partial<Ticket> = {}) =>
  ticketFixture({ id: `tkt_${String(n).padStart(6, '0')}` as Ticket['id'], createdAt: 1_000 + n, ...more });

function recordingSearch(): SearchClient {
  return new SearchClient((): SearchEndpoint => ({
    post: (message) => posted.push(message),
    listen: () => undefined,
    terminate: () => undefined,
  }));
}

/** Every ticket loaded, and the search worker (which starts a moment after the load) told of changes from now on. */
async function ready(): Promise<void> {
  await expect.poll(() => layer.status.phase, { timeout: 10_000 }).toBe('ready');
  await expect.poll(() => layer.search, { timeout: 10_000 }).not.toBeNull();
}

beforeEach(async () => {
  db = new ShiftdeskDb(`query-layer-${++dbCount}`);
  posted = [];
  // More than one load chunk (2,000), so the chunked load and the views opened after it are exercised.
  await db
    .rows('ticket')
    .bulkPut(Array.from({ length: 2_500 }, (_, i) => ticket(i, { status: i % 5 === 0 ? 'solved' : 'open' })));
  layer = new LocalQueryLayer(db, ME, recordingSearch);
});

afterEach(async () => {
  layer.stop();
  await db.delete();
});

describe('the local query layer', () => {
  it('loads every ticket, then opens the views asked for while it loaded', async () => {
    layer.start();
    expect(layer.openView('active', ALL_ACTIVE)).toBeUndefined();
    await ready();
    expect(layer.index.size).toBe(2_500);
    expect(layer.index.view('active')?.length).toBe(2_000);
  });

  it('re-reads only the tickets a write touched, and tells the search', async () => {
    layer.start();
    layer.openView('active', ALL_ACTIVE);
    await ready();
    await db.rows('ticket').put(ticket(1, { status: 'solved' }));
    await db.rows('ticket').delete(ticket(2).id);
    await db.rows('ticket').put(ticket(9_999, { status: 'new' }));
    await layer.settled();
    const view = layer.index.view('active');
    expect(view?.length).toBe(2_000 - 1 - 1 + 1);
    expect(view?.indexOf(ticket(1).id)).toBe(-1);
    expect(view?.indexOf(ticket(9_999).id)).not.toBe(-1);
    expect(layer.index.get(ticket(2).id)).toBeUndefined();
    expect(posted.filter((message) => message.type === 'changed').flatMap((message) => message.ids)).toEqual([
      ticket(1).id,
      ticket(2).id,
      ticket(9_999).id,
    ]);
  });

  it('loads everything again when the local copy is replaced wholesale', async () => {
    layer.start();
    layer.openView('active', ALL_ACTIVE);
    await ready();
    await db.rows('ticket').clear();
    await db.rows('ticket').bulkPut([ticket(1, { status: 'new' }), ticket(2, { status: 'pending' })]);
    await ready();
    await layer.settled();
    await expect.poll(() => layer.index.view('active')?.length).toBe(2);
    expect(posted.some((message) => message.type === 'reset')).toBe(true);
  });

  it('gives every record its next SLA deadline, and moves them all when a lead saves new policies', async () => {
    layer.start();
    await ready();
    const open = ticket(3);
    await expect.poll(() => layer.index.get(open.id)?.slaDueAt).not.toBeNull();
    expect(layer.index.get(ticket(5).id)?.slaDueAt).toBeNull(); // solved: no clock runs
    const tight: SlaPolicy = {
      firstResponseMinutes: 1,
      nextResponseMinutes: null,
      resolutionMinutes: 10,
      schedule: 'always',
    };
    const starter = defaultSlaConfig(0);
    let heard = 0;
    layer.onSlaConfig(() => heard++);
    await db.rows('slaConfig').put({
      ...starter,
      policies: { urgent: tight, high: tight, normal: tight, low: tight },
      updatedAt: 5,
    });
    await expect.poll(() => layer.index.get(open.id)?.slaDueAt).toBe(open.createdAt + 60_000);
    expect(layer.slaConfig?.policies.normal).toEqual(tight);
    expect(heard).toBe(1);
  });
});

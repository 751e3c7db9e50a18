import { STARTER_MACROS } from '#shared/macros/starter-macros';
import { afterEach, expect, it } from 'vitest';
import type { PullResponse } from '#shared/sync/protocol';
import { putsOf } from '../testing/patch.ts';
import { type SyncClient, syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';
import { writeRow } from './sync-rows.ts';

const puts = putsOf;

const ids = (pages: PullResponse[], entity: Parameters<typeof putsOf>[1]) =>
  pages.flatMap((page) => puts(page.patch, entity).map((row) => row.id)).sort();

describeEachDatabase('sync pull', (kind) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  let clients = 0;
  /** A fresh server per test: counts and versions never depend on what another test did. */
  const start = async (options: { tickets?: number; archived?: number; pageRows?: number } = {}) => {
    server = await startTestServer(kind, {
      tickets: options.tickets ?? 30,
      archivedTickets: options.archived ?? 5,
      config: { pullPageRows: options.pageRows ?? 5_000 },
    });
    return server;
  };
  const client = async (role = 'agent'): Promise<SyncClient & { userId: string }> => {
    if (!server) throw new Error('no server');
    const { token, user } = await loginAs(server.app, role);
    clients++;
    return {
      ...syncClient(server.app, token, { clientGroupId: `g-${clients}`, clientId: `c-${clients}` }),
      userId: user.id,
    };
  };
  const count = async (sql: string) => Number((await server?.db.query<{ n: number }>(sql))?.[0]?.n);

  it('gives a new client clear and its window: every active ticket, recent finished ones, never the archive', async () => {
    await start();
    const agent = await client();
    const pages = await agent.pullAll(null);
    expect(pages[0]?.patch[0]).toEqual({ op: 'clear' });
    const archived = await count(
      "select count(*)::int8 as n from sync_rows where entity = 'ticket' and (data->>'updatedAt')::int8 < (extract(epoch from now()) * 1000 - 30 * 86400000::int8)",
    );
    expect(archived).toBe(5);
    expect(ids(pages, 'ticket')).toHaveLength(30);
    expect(ids(pages, 'ticket')).not.toContain('tkt_000031');
    expect(ids(pages, 'customer')).toHaveLength(10);
    expect(ids(pages, 'member')).toHaveLength(6);
    expect(ids(pages, 'settings')).toEqual(['settings']);
    expect(pages.at(-1)?.cookie).toMatch(/^wsp_demo:[0-9a-f-]{36}:\d+:w30$/);
  });

  it('sends only what changed since the cookie', async () => {
    await start();
    const agent = await client();
    const [{ cookie } = { cookie: '' }] = await agent.pullAll(null);
    expect((await agent.pull(cookie)).patch).toEqual([]);
    await agent.push([agent.mutation('setPriority', { ticketId: 'tkt_000003', priority: 'urgent' })]);
    const changes = await agent.pull(cookie);
    expect(puts(changes.patch, 'ticket')).toEqual([expect.objectContaining({ id: 'tkt_000003', priority: 'urgent' })]);
    expect(puts(changes.patch, 'ticketEvent')).toHaveLength(1);
    expect(changes.lastMutationIdChanges).toEqual({ [agent.clientId]: 1 });
    expect(changes.progress).toBeNull();
  });

  it('treats a cookie for another workspace, epoch, window, the future or garbage as unknown', async () => {
    await start();
    const agent = await client();
    const [{ cookie } = { cookie: '' }] = await agent.pullAll(null);
    const [, epoch, version] = cookie.split(':');
    expect((await agent.pull(cookie)).patch).toEqual([]);
    for (const unknown of [
      `wsp_other:${epoch}:${version}:w30`,
      `wsp_demo:00000000-0000-0000-0000-000000000000:${version}:w30`, // the database was reset
      `wsp_demo:${epoch}:${version}:w7`, // made for another window
      `wsp_demo:${epoch}:999999999:w30`,
      `wsp_demo:${epoch}:-1:w30`,
      `wsp_demo:${epoch}:${version}`, // the old format
      'garbage',
    ]) {
      expect((await agent.pull(unknown)).patch[0]).toEqual({ op: 'clear' });
    }
  });

  it('starts a new window for everyone when the team changes its sync window', async () => {
    const { db } = await start();
    const agent = await client();
    const [{ cookie } = { cookie: '' }] = await agent.pullAll(null);
    await db.transaction(async (tx) => {
      const [row] = await tx.query<{ version: number }>(
        'update workspaces set version = version + 1 returning version',
      );
      await writeRow(tx, 'wsp_demo', 'settings', { id: 'settings', syncWindowDays: 365 }, row?.version ?? 0);
    });
    const pages = await agent.pullAll(cookie);
    expect(pages[0]?.patch[0]).toEqual({ op: 'clear' });
    expect(ids(pages, 'ticket')).toHaveLength(35); // the archive is within a year
  });

  it('pages a full download with progress, every row once, and resumes from any page', async () => {
    await start({ pageRows: 10 });
    const agent = await client();
    const pages = await agent.pullAll(null);
    const total = 1 + 6 + 10 + STARTER_MACROS.length + 30; // settings, members, customers, starter macros, tickets in the window
    expect(pages.length).toBeGreaterThan(4);
    expect(pages.slice(0, -1).every((page) => page.patch.length <= 11 && page.resume !== null)).toBe(true);
    expect(pages.map((page) => page.progress?.total)).toEqual(pages.map(() => total));
    expect(pages.at(-1)?.progress).toEqual({ loaded: total, total });
    const rows = pages.flatMap((page) =>
      page.patch.filter((op) => op.op === 'put').map((op) => `${op.entity}/${op.value.id}`),
    );
    expect(rows).toHaveLength(total);
    expect(new Set(rows).size).toBe(total);
    // A reload after page 2: the download continues from page 3, with nothing from pages 1–2 again.
    const third = await agent.pull(null, pages[1]?.resume ?? null);
    expect(third.patch).toEqual(pages[2]?.patch);
  });

  it('does not acknowledge a change made while the download was paging until its row is delivered', async () => {
    await start({ pageRows: 10 });
    const agent = await client();
    const first = await agent.pull(null);
    // The agent's change lands on a ticket the remaining pages will deliver, and one they already passed.
    const ticketIds = ['tkt_000001', 'tkt_000030'];
    await agent.push(ticketIds.map((ticketId) => agent.mutation('setPriority', { ticketId, priority: 'urgent' })));
    let page = first;
    const pages = [first];
    while (page.resume) {
      page = await agent.pull(null, page.resume);
      pages.push(page);
    }
    const delivered = pages.flatMap((p) => puts(p.patch, 'ticket')).filter((t) => ticketIds.includes(t.id));
    expect(delivered.every((ticket) => ticket.priority !== 'urgent')).toBe(true);
    expect(page.lastMutationIdChanges[agent.clientId]).toBeUndefined();

    const catchUp = await agent.pull(page.cookie);
    expect(catchUp.lastMutationIdChanges).toEqual({ [agent.clientId]: 2 });
    expect(
      puts(catchUp.patch, 'ticket')
        .map((t) => [t.id, t.priority])
        .sort(),
    ).toEqual(ticketIds.map((id) => [id, 'urgent']));
  });

  it('holds the page size for a forged version-0 cookie', async () => {
    await start({ pageRows: 10 });
    const agent = await client();
    const [{ cookie } = { cookie: '' }] = await agent.pullAll(null);
    const forged = cookie.replace(/:\d+:w30$/, ':0:w30');
    const first = await agent.pull(forged);
    expect(first.patch.length).toBeLessThanOrEqual(10);
    expect(first.resume).not.toBeNull();
  });

  it('pages a long catch-up, acknowledging only on the last page', async () => {
    await start({ pageRows: 10 });
    const agent = await client();
    const [last] = (await agent.pullAll(null)).slice(-1);
    const cookie = last?.cookie ?? '';
    await agent.push(
      Array.from({ length: 12 }, (_, i) =>
        agent.mutation('setPriority', { ticketId: `tkt_0000${String(i + 10)}`, priority: i % 2 ? 'urgent' : 'low' }),
      ),
    );
    const pages = await agent.pullAll(cookie);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(0, -1).every((page) => Object.keys(page.lastMutationIdChanges).length === 0)).toBe(true);
    expect(pages.at(-1)?.lastMutationIdChanges).toEqual({ [agent.clientId]: 12 });
    expect(pages.every((page) => page.progress !== null)).toBe(true);
  });

  it('lists a root that comes back into the window, so the client can fetch its history', async () => {
    const { db } = await start();
    const agent = await client();
    const lead = await client('lead');
    const [{ cookie } = { cookie: '' }] = await agent.pullAll(null);
    // A solved ticket from the archive, which the agent never held; the lead reopens it.
    const [archived] = await db.query<{ id: string }>(
      "select id from sync_rows where entity = 'ticket' and data->>'status' = 'solved' and (data->>'updatedAt')::int8 < $1 order by id limit 1",
      [Date.now() - 31 * 86_400_000],
    );
    if (!archived) throw new Error('the seed has no solved ticket in the archive');
    await lead.push([lead.mutation('setStatus', { ticketId: archived.id, status: 'open' })]);
    const changes = await agent.pull(cookie);
    expect(puts(changes.patch, 'ticket').map((t) => [t.id, t.status])).toEqual([[archived.id, 'open']]);
    expect(changes.revisited).toEqual([{ entity: 'ticket', id: archived.id }]);
  });

  it('fetches an archived ticket with its history on demand, and names what it could not find', async () => {
    const { db } = await start();
    const lead = await client('lead');
    await db.transaction(async (tx) => {
      const [row] = await tx.query<{ version: number }>(
        'update workspaces set version = version + 1 returning version',
      );
      await writeRow(
        tx,
        'wsp_demo',
        'ticketEvent',
        {
          id: 'evt_old_1' as never,
          ticketId: 'tkt_000031' as never,
          actorId: null,
          at: 1,
          change: { kind: 'tag_added', tag: 'old' },
        },
        row?.version ?? 0,
      );
    });
    const fetched = await lead.fetch([
      { entity: 'ticket', id: 'tkt_000031' },
      { entity: 'ticket', id: 'tkt_nope' },
      { entity: 'member', id: 'usr_agent' }, // not a window root: never served this way
    ]);
    expect(fetched.patch.map((op) => `${op.entity}/${op.value.id}`)).toEqual([
      'ticket/tkt_000031',
      'ticketEvent/evt_old_1',
    ]);
    expect(fetched.missing).toEqual([
      { entity: 'ticket', id: 'tkt_nope' },
      { entity: 'member', id: 'usr_agent' },
    ]);
  });

  it('rejects a resume token it did not issue by starting over', async () => {
    await start();
    const agent = await client();
    expect((await agent.pull(null, 'bm90LWEtdG9rZW4')).patch[0]).toEqual({ op: 'clear' });
  });
});

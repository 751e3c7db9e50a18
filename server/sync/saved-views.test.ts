import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_SHARED_VIEWS } from '#shared/domain/saved-view';
import { savedViewFixture } from '#shared/testing/fixtures';
import { putsOf } from '../testing/patch.ts';
import { syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';
import { insertRows, nextWorkspaceVersion } from './sync-rows.ts';

const DEFINITION = {
  filter: { statuses: ['new', 'open'], tags: ['billing'] },
  sort: [{ field: 'priority', direction: 'asc' }],
  groupBy: 'none',
};

/** Saved views through the real push and pull: stored like every entity, held by every device of the team. */
describeEachDatabase('saved views: push and pull', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { tickets: 5, archivedTickets: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  let clients = 0;
  const client = async (role: string) => {
    const { token, user } = await loginAs(server.app, role);
    clients++;
    return {
      ...syncClient(server.app, token, {
        clientGroupId: `views-${kind}-g${clients}`,
        clientId: `views-${kind}-c${clients}`,
      }),
      user,
    };
  };
  const cookieOf = async (device: Awaited<ReturnType<typeof client>>) =>
    (await device.pullAll(null)).at(-1)?.cookie ?? null;
  const create = (id: string, name: string, visibility: 'personal' | 'shared') => ({
    savedViewId: id,
    name,
    definition: DEFINITION,
    visibility,
  });

  it('brings a teammate’s new views to every device, then the rename, then the deletion', async () => {
    const agent = await client('agent');
    const lead = await client('lead');
    const cookie = await cookieOf(lead);
    const pushed = await agent.push([
      agent.mutation('createSavedView', create('viw_sv_mine', 'My billing', 'personal')),
      agent.mutation('createSavedView', create('viw_sv_team', 'Team billing', 'shared')),
    ]);
    expect(pushed.body).toEqual({ lastMutationId: 2, rejections: [] });

    const created = await lead.pull(cookie);
    // Both: the device holds the team's views, and the UI shows the lead only the shared one.
    expect(putsOf(created.patch, 'savedView').map((view) => [view.id, view.ownerId, view.visibility])).toEqual([
      ['viw_sv_mine', agent.user.id, 'personal'],
      ['viw_sv_team', agent.user.id, 'shared'],
    ]);

    await lead.push([lead.mutation('updateSavedView', { savedViewId: 'viw_sv_team', name: 'Billing (team)' })]);
    const renamed = await agent.pull(created.cookie);
    expect(putsOf(renamed.patch, 'savedView')).toEqual([
      expect.objectContaining({ id: 'viw_sv_team', name: 'Billing (team)', ownerId: agent.user.id }),
    ]);

    await agent.push([agent.mutation('deleteSavedView', { savedViewId: 'viw_sv_team' })]);
    expect((await lead.pull(renamed.cookie)).patch).toContainEqual({
      op: 'del',
      entity: 'savedView',
      id: 'viw_sv_team',
    });
    // A new device downloads the views still there, not the tombstone.
    const fresh = await (await client('analyst')).pullAll(null);
    const held = fresh.flatMap((page) => putsOf(page.patch, 'savedView').map((view) => view.id));
    expect(held).toContain('viw_sv_mine');
    expect(held).not.toContain('viw_sv_team');
  });

  it('enforces the owner rule on the server and tells the refused device why', async () => {
    const lead = await client('lead');
    const agent = await client('agent');
    await lead.push([lead.mutation('createSavedView', create('viw_sv_lead', 'Lead only', 'personal'))]);
    const cookie = await cookieOf(agent);
    const pushed = await agent.push([agent.mutation('deleteSavedView', { savedViewId: 'viw_sv_lead' })]);
    expect(pushed.body.rejections).toEqual([
      expect.objectContaining({
        code: 'forbidden',
        message: '“Lead only” is Jordan Okafor’s personal view: only they can delete it.',
        subject: { entity: 'savedView', id: 'viw_sv_lead' },
      }),
    ]);
    const changes = await agent.pull(cookie);
    expect(putsOf(changes.patch, 'rejection')).toEqual([expect.objectContaining({ code: 'forbidden' })]);
    const [row] = await server.db.query<{ deleted: boolean }>(
      "select deleted from sync_rows where entity = 'savedView' and id = 'viw_sv_lead'",
    );
    expect(row).toEqual({ deleted: false });
  });

  it('audits view changes under their own action, not as ticket changes', async () => {
    const analyst = await client('analyst');
    await analyst.push([analyst.mutation('createSavedView', create('viw_sv_audit', 'Audited', 'personal'))]);
    const audit = await server.db.query<{ action: string; name: string }>(
      "select action, detail->>'name' as name from audit_log where detail->>'clientId' = $1",
      [analyst.clientId],
    );
    expect(audit).toEqual([{ action: 'view.changed', name: 'createSavedView' }]);
  });

  it('counts the team’s shared views through the stored index, and refuses one past the limit', async () => {
    const stored = await server.db.query<{ n: number }>(
      "select count(*)::int8 as n from sync_rows where entity = 'savedView' and data->>'visibility' = 'shared' and not deleted",
    );
    const room = MAX_SHARED_VIEWS - Number(stored[0]?.n ?? 0);
    await server.db.transaction(async (tx) => {
      const version = await nextWorkspaceVersion(tx, 'wsp_demo');
      const fillers = Array.from({ length: room }, (_, i) =>
        savedViewFixture({
          id: `viw_fill${i}` as never,
          name: `Filler ${i}`,
          ownerId: 'usr_admin' as never,
          visibility: 'shared',
        }),
      );
      await insertRows(tx, 'wsp_demo', 'savedView', fillers, version);
    });
    const agent = await client('agent');
    const pushed = await agent.push([
      agent.mutation('createSavedView', create('viw_sv_over', 'One too many', 'shared')),
      agent.mutation('createSavedView', create('viw_sv_personal', 'One too many', 'personal')),
    ]);
    expect(pushed.body.lastMutationId).toBe(2);
    expect(pushed.body.rejections.map((r) => [r.mutationId, r.code, r.message])).toEqual([
      [1, 'invalid', expect.stringMatching(/^The team already shares 100 views/)],
    ]);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_ROUTES } from '#shared/api/routes';
import { TeamSettings } from '#shared/api/team-settings';
import { apiAs } from '../testing/api-calls.ts';
import { putsOf } from '../testing/patch.ts';
import { syncClient } from '../testing/sync-client.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';

describeEachDatabase('team settings', (kind) => {
  let server: TestServer;
  let admin: ReturnType<typeof apiAs>;
  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = apiAs(server.app, (await loginAs(server.app, 'admin')).token);
  });
  afterAll(async () => {
    await server.close();
  });

  let clients = 0;
  const agent = async () => {
    clients++;
    const { token } = await loginAs(server.app, 'agent');
    return syncClient(server.app, token, { clientGroupId: `settings-${kind}-g${clients}`, clientId: `c${clients}` });
  };
  const settingsAudit = () =>
    server.db.query<{ detail: { before: unknown; after: unknown } }>(
      "select detail from audit_log where action = 'settings.changed' order by id",
    );
  const version = async () =>
    (await server.db.query<{ version: number }>("select version from workspaces where id = 'wsp_demo'"))[0]?.version;

  it('reads the team name, time zone and sync window', async () => {
    const response = await admin('GET', API_ROUTES.getSettings);
    expect(response.statusCode).toBe(200);
    expect(TeamSettings.parse(response.json())).toEqual({
      name: 'Demo support team',
      timeZone: 'UTC',
      syncWindowDays: 30,
    });
  });

  it('changes name and time zone; every app gets them on its next pull, and the change is audited', async () => {
    const device = await agent();
    const cookie = (await device.pullAll(null)).at(-1)?.cookie ?? null;
    const response = await admin('PATCH', API_ROUTES.updateSettings, {
      name: ' Night crew ',
      timeZone: 'Europe/Berlin',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: 'Night crew', timeZone: 'Europe/Berlin', syncWindowDays: 30 });
    expect((await admin('GET', API_ROUTES.getSettings)).json()).toEqual(response.json());

    const changes = await device.pull(cookie);
    expect(changes.patch[0]).not.toEqual({ op: 'clear' }); // same window: no new download
    expect(putsOf(changes.patch, 'settings')).toEqual([
      { id: 'settings', syncWindowDays: 30, teamName: 'Night crew', timeZone: 'Europe/Berlin' },
    ]);
    expect((await settingsAudit()).at(-1)?.detail).toEqual({
      before: { name: 'Demo support team', timeZone: 'UTC', syncWindowDays: 30 },
      after: { name: 'Night crew', timeZone: 'Europe/Berlin', syncWindowDays: 30 },
    });
  });

  it('changes the sync window, which makes every app download its window again', async () => {
    const device = await agent();
    const cookie = (await device.pullAll(null)).at(-1)?.cookie ?? null;
    expect((await admin('PATCH', API_ROUTES.updateSettings, { syncWindowDays: 90 })).json()).toMatchObject({
      syncWindowDays: 90,
    });
    const pages = await device.pullAll(cookie);
    expect(pages[0]?.patch[0]).toEqual({ op: 'clear' });
    expect(
      putsOf(
        pages.flatMap((page) => page.patch),
        'settings',
      ),
    ).toEqual([expect.objectContaining({ syncWindowDays: 90 })]);
  });

  it('records nothing and bumps nothing when a change changes nothing', async () => {
    const current = TeamSettings.parse((await admin('GET', API_ROUTES.getSettings)).json());
    const audited = (await settingsAudit()).length;
    const before = await version();
    expect((await admin('PATCH', API_ROUTES.updateSettings, { name: current.name })).json()).toEqual(current);
    expect(await version()).toBe(before);
    expect(await settingsAudit()).toHaveLength(audited);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, /time zone/],
    ['a window of no days', { syncWindowDays: 0 }, /syncWindowDays/],
    ['an empty name', { name: '   ' }, /name/],
    ['nothing at all', {}, /at least one/],
  ])('refuses %s with 400 and a reason', async (_label, body, reason) => {
    const response = await admin('PATCH', API_ROUTES.updateSettings, body);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(reason);
  });

  it('keeps settings to admins', async () => {
    for (const role of ['agent', 'analyst', 'lead', 'trainee']) {
      const as = apiAs(server.app, (await loginAs(server.app, role)).token);
      expect((await as('GET', API_ROUTES.getSettings)).statusCode).toBe(403);
      expect((await as('PATCH', API_ROUTES.updateSettings, { name: 'Mine now' })).statusCode).toBe(403);
    }
  });
});

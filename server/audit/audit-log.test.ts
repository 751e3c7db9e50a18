import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditPage } from '#shared/api/audit';
import { API_ROUTES } from '#shared/api/routes';
import { recordAudit } from '../audit.ts';
import { apiAs } from '../testing/api-calls.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';

describeEachDatabase('the audit log', (kind) => {
  let server: TestServer;
  let admin: ReturnType<typeof apiAs>;
  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = apiAs(server.app, (await loginAs(server.app, 'admin')).token);
  });
  afterAll(async () => {
    await server.close();
  });

  const read = async (query: string) => {
    const response = await admin('GET', `${API_ROUTES.auditLog}?${query}`);
    expect(response.statusCode).toBe(200);
    return AuditPage.parse(response.json());
  };
  /** An entry at a chosen time, for a person of its own, so tests never see each other's entries. */
  const insertAt = (at: number, action: string, userId: string, detail: object = {}, workspaceId = 'wsp_demo') =>
    server.db.query(
      'insert into audit_log (workspace_id, user_id, action, detail, at) values ($1, $2, $3, $4, to_timestamp($5 / 1000.0))',
      [workspaceId, userId, action, JSON.stringify(detail), at],
    );

  it.each([
    ['update', 'update audit_log set action = $1', ['login']],
    ['delete', 'delete from audit_log where action <> $1', ['nothing']],
    ['truncate', 'truncate audit_log', []],
  ])('refuses to %s entries, whoever asks', async (_verb, statement, params) => {
    await recordAudit(server.db, { workspaceId: 'wsp_demo', userId: null, action: 'settings.changed', detail: {} });
    const [before] = await server.db.query<{ count: number }>('select count(*)::int8 as count from audit_log');
    await expect(server.db.query(statement, params)).rejects.toThrow(/append-only/);
    const [after] = await server.db.query<{ count: number }>('select count(*)::int8 as count from audit_log');
    expect(after?.count).toBe(before?.count);
  });

  it('records who, from where and with which key', async () => {
    await recordAudit(server.db, {
      workspaceId: 'wsp_demo',
      userId: null,
      apiKeyId: 'key_recorded',
      ip: '192.0.2.7',
      action: 'intake.ticket_created',
      detail: { number: 1001 },
    });
    const page = await read('action=intake.ticket_created');
    expect(page.entries[0]).toMatchObject({
      action: 'intake.ticket_created',
      userId: null,
      apiKeyId: 'key_recorded',
      ip: '192.0.2.7',
      detail: { number: 1001 },
    });
  });

  it('pages newest first by id, with filters by action, person and time', async () => {
    const person = 'usr_audit_pages';
    const base = Date.UTC(2026, 0, 10, 12);
    for (let i = 0; i < 5; i++) await insertAt(base + i * 60_000, 'user.updated', person, { step: i });
    await insertAt(base + 10 * 60_000, 'user.disabled', 'usr_admin', { targetUserId: person });
    await insertAt(base + 11 * 60_000, 'user.updated', 'usr_someone_else');

    const first = await read(`userId=${person}&limit=4`);
    expect(first.entries.map((entry) => [entry.action, entry.detail.step])).toEqual([
      ['user.disabled', undefined], // about them, by someone else
      ['user.updated', 4],
      ['user.updated', 3],
      ['user.updated', 2],
    ]);
    expect(first.nextBefore).toBe(first.entries.at(-1)?.id);
    const second = await read(`userId=${person}&limit=4&before=${first.nextBefore}`);
    expect(second.entries.map((entry) => entry.detail.step)).toEqual([1, 0]);
    expect(second.nextBefore).toBeNull();

    const byAction = await read(`userId=${person}&action=user.disabled`);
    expect(byAction.entries.map((entry) => entry.action)).toEqual(['user.disabled']);
    // `from` and `to` are inclusive, in epoch milliseconds.
    const window = await read(`userId=${person}&from=${base + 60_000}&to=${base + 3 * 60_000}`);
    expect(window.entries.map((entry) => entry.detail.step)).toEqual([3, 2, 1]);
    expect(window.entries.map((entry) => entry.at)).toEqual([base + 3 * 60_000, base + 2 * 60_000, base + 60_000]);
  });

  it('reads ticket changes written before they had one action (append-only: kept as they are)', async () => {
    const person = 'usr_audit_legacy';
    await insertAt(Date.now(), 'mutation.setPriority', person, { clientId: 'c1', mutationId: 1, name: 'setPriority' });
    await insertAt(Date.now(), 'mutation.rejected', person, { clientId: 'c1', mutationId: 2, name: 'claimTicket' });
    await insertAt(Date.now(), 'ticket.changed', person, { name: 'setStatus', outcome: 'applied' });
    await insertAt(Date.now(), 'something.from_a_newer_version', person);
    const page = await read(`userId=${person}&action=ticket.changed`);
    expect(page.entries.map((entry) => [entry.action, entry.detail.name, entry.detail.outcome])).toEqual([
      ['ticket.changed', 'setStatus', 'applied'],
      ['ticket.changed', 'claimTicket', 'refused'],
      ['ticket.changed', 'setPriority', 'applied'],
    ]);
    // An action this version does not know is left out rather than failing the page.
    expect((await read(`userId=${person}`)).entries).toHaveLength(3);
  });

  it('shows a team only its own entries', async () => {
    await insertAt(Date.now(), 'user.created', 'usr_audit_elsewhere', {}, 'wsp_other_team');
    expect((await read('userId=usr_audit_elsewhere')).entries).toEqual([]);
  });

  it.each([['action=made.up'], ['limit=0'], ['limit=501'], ['before=-3'], ['userId=nobody']])(
    'refuses the query %s with 400',
    async (query) => {
      expect((await admin('GET', `${API_ROUTES.auditLog}?${query}`)).statusCode).toBe(400);
    },
  );

  it('keeps the log to admins', async () => {
    for (const role of ['agent', 'analyst', 'lead', 'trainee']) {
      const as = apiAs(server.app, (await loginAs(server.app, role)).token);
      expect((await as('GET', API_ROUTES.auditLog)).statusCode).toBe(403);
    }
  });
});

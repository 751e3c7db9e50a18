import { afterAll, beforeAll, expect, it } from 'vitest';
import { AccountList, AccountSummary, CreatedAccount } from '#shared/api/accounts';
import { API_ROUTES, routePath } from '#shared/api/routes';
import { Member } from '#shared/domain/member';
import { apiAs, loginWith } from '../testing/api-calls.ts';
import { describeEachDatabase } from '../testing/test-databases.ts';
import { type TestServer, loginAs, startTestServer } from '../testing/test-server.ts';

const PASSWORD = 'a long night on the rota';

describeEachDatabase('account administration', (kind) => {
  let server: TestServer;
  let admin: ReturnType<typeof apiAs>;
  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = apiAs(server.app, (await loginAs(server.app, 'admin')).token);
  });
  afterAll(async () => {
    await server.close();
  });

  let created = 0;
  /** A fresh account per test, so tests never share sessions or roles. */
  const newAccount = async (role = 'agent', password = PASSWORD) => {
    created++;
    const response = await admin('POST', API_ROUTES.createUser, {
      email: `person${created}-${kind}@example.com`,
      name: `Person ${created}`,
      role,
      password,
    });
    expect(response.statusCode).toBe(201);
    return CreatedAccount.parse(response.json()).user;
  };
  const me = (token: string) => apiAs(server.app, token)('GET', API_ROUTES.me);
  const userUrl = (id: string) => routePath(API_ROUTES.updateUser, { id });
  const memberRow = async (id: string) => {
    const [row] = await server.db.query<{ data: unknown; version: number }>(
      "select data, version from sync_rows where entity = 'member' and id = $1 and not deleted",
      [id],
    );
    return row ? { member: Member.parse(row.data), version: row.version } : undefined;
  };
  const workspaceVersion = async () =>
    (await server.db.query<{ version: number }>("select version from workspaces where id = 'wsp_demo'"))[0]?.version;
  const auditOf = (targetUserId: string) =>
    server.db.query<{ action: string; user_id: string | null; ip: string | null; detail: Record<string, unknown> }>(
      "select action, user_id, ip, detail from audit_log where detail->>'targetUserId' = $1 order by id",
      [targetUserId],
    );

  it('creates an account that signs in at once, and publishes the teammate to every app', async () => {
    const response = await admin('POST', API_ROUTES.createUser, {
      email: `  Casey.Quinn-${kind}@Example.com `,
      name: ' Casey Quinn ',
      role: 'analyst',
      password: PASSWORD,
    });
    expect(response.statusCode).toBe(201);
    const { user, generatedPassword } = CreatedAccount.parse(response.json());
    expect(user).toMatchObject({
      email: `casey.quinn-${kind}@example.com`,
      name: 'Casey Quinn',
      role: 'analyst',
      disabled: false,
      lastLoginAt: null,
      activeSessions: 0,
    });
    expect(generatedPassword).toBeNull();
    // The member row is written at a fresh workspace version, so every app's next pull (after the poke) has it.
    expect(await memberRow(user.id)).toEqual({
      member: { id: user.id, name: 'Casey Quinn', email: user.email, role: 'analyst' },
      version: await workspaceVersion(),
    });
    const session = await loginWith(server.app, `casey.quinn-${kind}@example.com`, PASSWORD);
    expect(session.user).toMatchObject({ id: user.id, role: 'analyst', workspaceId: 'wsp_demo' });
    expect(await auditOf(user.id)).toEqual([
      expect.objectContaining({ action: 'user.created', user_id: 'usr_admin', ip: expect.any(String) }),
    ]);
  });

  it('generates a password when none is given, and shows it only in that answer', async () => {
    const response = await admin('POST', API_ROUTES.createUser, {
      email: `generated-${kind}@example.com`,
      name: 'Gen Erated',
      role: 'agent',
    });
    const { user, generatedPassword } = CreatedAccount.parse(response.json());
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await loginWith(server.app, user.email, generatedPassword ?? '');
    const list = await admin('GET', API_ROUTES.listUsers);
    expect(list.body).not.toContain(generatedPassword);
    expect(AccountList.parse(list.json()).users.find((u) => u.id === user.id)).toMatchObject({ activeSessions: 1 });
  });

  it('refuses a second account for the same email, whatever its letter case', async () => {
    const first = await newAccount();
    const again = await admin('POST', API_ROUTES.createUser, {
      email: first.email.toUpperCase(),
      name: 'Someone Else',
      role: 'agent',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'email_taken' });
  });

  it.each([
    ['too short', 'short', /at least 8/],
    ['too common', 'baseball1', /most common/],
    ['the email name', 'casey.weak@example.com', /email/],
    ['the product name', 'Shiftdesk rocks!', /shiftdesk/],
  ])('refuses a password that is %s, saying why', async (_label, password, reason) => {
    const response = await admin('POST', API_ROUTES.createUser, {
      email: `casey.weak-${kind}@example.com`,
      name: 'Casey Weak',
      role: 'agent',
      password: password === 'casey.weak@example.com' ? `casey.weak-${kind}` : password,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'weak_password', message: expect.stringMatching(reason) });
  });

  it('changes a role: the member row follows and every session of the account ends', async () => {
    const account = await newAccount('agent');
    const first = await loginWith(server.app, account.email, PASSWORD);
    const second = await loginWith(server.app, account.email, PASSWORD);
    const response = await admin('PATCH', userUrl(account.id), { role: 'lead' });
    expect(response.statusCode).toBe(200);
    expect(AccountSummary.parse(response.json())).toMatchObject({ role: 'lead', activeSessions: 0 });
    expect((await me(first.token)).statusCode).toBe(401);
    expect((await me(second.token)).statusCode).toBe(401);
    expect((await memberRow(account.id))?.member.role).toBe('lead');
    expect((await loginWith(server.app, account.email, PASSWORD)).user.role).toBe('lead');
    expect((await auditOf(account.id)).at(-1)).toMatchObject({
      action: 'user.role_changed',
      detail: { from: 'agent', to: 'lead', endedSessions: 2 },
    });
  });

  it('renames an account without signing it out', async () => {
    const account = await newAccount();
    const session = await loginWith(server.app, account.email, PASSWORD);
    expect((await admin('PATCH', userUrl(account.id), { name: 'Renamed Person' })).json()).toMatchObject({
      name: 'Renamed Person',
    });
    expect((await memberRow(account.id))?.member.name).toBe('Renamed Person');
    expect((await me(session.token)).json()).toMatchObject({ name: 'Renamed Person' });
    expect((await auditOf(account.id)).at(-1)).toMatchObject({ action: 'user.updated' });
  });

  it('disables an account: its sessions end and it cannot sign in, with the wrong-password answer', async () => {
    const account = await newAccount();
    const session = await loginWith(server.app, account.email, PASSWORD);
    expect((await admin('PATCH', userUrl(account.id), { disabled: true })).json()).toMatchObject({ disabled: true });
    expect((await me(session.token)).statusCode).toBe(401);
    const login = (password: string) =>
      server.app.inject({ method: 'POST', url: API_ROUTES.login, payload: { email: account.email, password } });
    const refused = await login(PASSWORD);
    const wrong = await login('not the password at all');
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual(wrong.json());

    expect((await admin('PATCH', userUrl(account.id), { disabled: false })).json()).toMatchObject({ disabled: false });
    expect((await login(PASSWORD)).statusCode).toBe(200);
    expect((await auditOf(account.id)).map((entry) => entry.action)).toEqual([
      'user.created',
      'user.disabled',
      'user.enabled',
    ]);
  });

  it('keeps an admin who can sign in: the last one cannot be demoted or disabled', async () => {
    const demote = await admin('PATCH', userUrl('usr_admin'), { role: 'lead' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({ error: 'last_admin' });
    expect((await admin('PATCH', userUrl('usr_admin'), { disabled: true })).statusCode).toBe(409);
    // With a second admin, either may step down.
    const second = await newAccount('admin');
    expect((await admin('PATCH', userUrl(second.id), { role: 'agent' })).statusCode).toBe(200);
  });

  it('resets a password: every session ends, and the new password works', async () => {
    const account = await newAccount();
    const session = await loginWith(server.app, account.email, PASSWORD);
    const url = routePath(API_ROUTES.resetPassword, { id: account.id });
    const generated = await admin('POST', url, {});
    expect(generated.statusCode).toBe(200);
    const { generatedPassword } = generated.json<{ generatedPassword: string }>();
    expect((await me(session.token)).statusCode).toBe(401);
    await loginWith(server.app, account.email, generatedPassword);

    expect((await admin('POST', url, { password: 'password' })).json()).toMatchObject({ error: 'weak_password' });
    expect((await admin('POST', url, { password: 'a chosen new passphrase' })).json()).toEqual({
      generatedPassword: null,
    });
    await loginWith(server.app, account.email, 'a chosen new passphrase');
    expect((await auditOf(account.id)).filter((entry) => entry.action === 'password.reset')).toHaveLength(2);
  });

  it('signs an account out everywhere on request', async () => {
    const account = await newAccount();
    const sessions = [
      await loginWith(server.app, account.email, PASSWORD),
      await loginWith(server.app, account.email, PASSWORD),
    ];
    const response = await admin('POST', routePath(API_ROUTES.revokeSessions, { id: account.id }));
    expect(response.statusCode).toBe(204);
    for (const session of sessions) expect((await me(session.token)).statusCode).toBe(401);
    expect((await auditOf(account.id)).at(-1)).toMatchObject({
      action: 'user.sessions_revoked',
      detail: { endedSessions: 2 },
    });
  });

  it('answers 404 for an account that does not exist', async () => {
    expect((await admin('PATCH', userUrl('usr_nobody'), { name: 'X' })).statusCode).toBe(404);
    expect((await admin('POST', routePath(API_ROUTES.resetPassword, { id: 'usr_nobody' }), {})).statusCode).toBe(404);
    expect((await admin('POST', routePath(API_ROUTES.revokeSessions, { id: 'usr_nobody' }))).statusCode).toBe(404);
  });

  it('changes your own password: this session stays, the others end, the old password stops working', async () => {
    const account = await newAccount();
    const here = await loginWith(server.app, account.email, PASSWORD);
    const elsewhere = await loginWith(server.app, account.email, PASSWORD);
    const change = (body: object) => apiAs(server.app, here.token)('POST', API_ROUTES.changePassword, body);

    const wrong = await change({ currentPassword: 'not my password', newPassword: 'a new long passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'wrong_password' });
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'letmein1' });
    expect(weak.json()).toMatchObject({ error: 'weak_password' });

    expect((await change({ currentPassword: PASSWORD, newPassword: 'a new long passphrase' })).statusCode).toBe(204);
    expect((await me(here.token)).statusCode).toBe(200);
    expect((await me(elsewhere.token)).statusCode).toBe(401);
    await loginWith(server.app, account.email, 'a new long passphrase');
    const old = await server.app.inject({
      method: 'POST',
      url: API_ROUTES.login,
      payload: { email: account.email, password: PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    const [entry] = await server.db.query<{ detail: Record<string, unknown> }>(
      "select detail from audit_log where action = 'password.changed' and user_id = $1",
      [account.id],
    );
    expect(entry?.detail).toEqual({ endedSessions: 1 });
  });

  it('keeps account administration to admins: leads see the team, not the accounts', async () => {
    for (const role of ['agent', 'trainee', 'analyst', 'lead']) {
      const { token } = await loginAs(server.app, role);
      const list = await apiAs(server.app, token)('GET', API_ROUTES.listUsers);
      expect(list.statusCode).toBe(403);
      const create = await apiAs(server.app, token)('POST', API_ROUTES.createUser, {
        email: `sneaky-${role}@example.com`,
        name: 'Sneaky',
        role: 'admin',
        password: PASSWORD,
      });
      expect(create.statusCode).toBe(403);
      expect((await apiAs(server.app, token)('GET', API_ROUTES.team)).statusCode).toBe(role === 'lead' ? 200 : 403);
    }
  });
});

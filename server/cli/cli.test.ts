import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../db/pglite-database.ts';
import { type TestDatabase, describeEachDatabase, openTestDatabase } from '../testing/test-databases.ts';
import { COMMANDS } from './commands/index.ts';
import { runCli } from './run-cli.ts';

async function cli(env: Record<string, string | undefined>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(COMMANDS, argv, { out: (line) => out.push(line), err: (line) => err.push(line), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('shiftdesk-server command line', () => {
  it('lists every command, and explains each with --help', async () => {
    const help = await cli({}, '--help');
    expect(help.code).toBe(0);
    for (const command of COMMANDS) {
      expect(help.out).toContain(command.words.join(' '));
      const own = await cli({}, ...command.words, '--help');
      expect(own.code, command.words.join(' ')).toBe(0);
      expect(own.out).toContain(command.summary);
    }
  });

  it('refuses unknown commands and options with the help and exit code 2', async () => {
    expect((await cli({}, 'frobnicate')).code).toBe(2);
    const badOption = await cli({}, 'backup', '--outt', 'x');
    expect(badOption.code).toBe(2);
    expect(badOption.err).toMatch(/--outt/);
    expect(badOption.err).toContain('shiftdesk-server backup');
  });

  it('reports a bad environment as a clear error, exit code 1', async () => {
    const result = await cli({ DATABASE_URL: 'mysql://nope' }, 'migrate');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/DATABASE_URL: must be a postgres:\/\/ connection URL/);
  });
});

describeEachDatabase('backup and restore', (kind) => {
  let env: Record<string, string | undefined>;
  let scratch: TestDatabase | null = null;

  beforeAll(async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'shiftdesk-cli-'));
    env = { SHIFTDESK_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    if (kind === 'postgres') {
      scratch = await openTestDatabase('postgres');
      env.DATABASE_URL = scratch.url ?? undefined;
    }
    expect((await cli(env, 'seed', '--demo', '--tickets', '40')).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await scratch?.drop();
  });

  async function query<Row extends object>(text: string): Promise<Row[]> {
    if (scratch) return scratch.db.query<Row>(text);
    const db = await openPgliteDatabase(join(env.SHIFTDESK_DATA_DIR ?? '', 'pglite'));
    try {
      return await db.query<Row>(text);
    } finally {
      await db.close();
    }
  }

  it('restores exactly what was backed up, and starts a new sync epoch', async () => {
    const file = join(env.SHIFTDESK_DATA_DIR ?? '', 'team.backup');
    const [before] = await query<{ tickets: number; epoch: string }>(
      "select (select count(*)::int from sync_rows where entity = 'ticket') as tickets, (select epoch from workspaces) as epoch",
    );
    const backup = await cli(env, 'backup', '--out', file);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.out).toMatch(/Backup written to/);

    await query("update sync_rows set deleted = true where entity = 'ticket'");
    expect((await cli(env, 'restore', '--in', file)).code).toBe(2); // No --yes: nothing replaced.
    const restore = await cli(env, 'restore', '--in', file, '--yes');
    expect(restore.code, restore.err).toBe(0);

    const [after] = await query<{ tickets: number; epoch: string }>(
      "select (select count(*)::int from sync_rows where entity = 'ticket' and not deleted) as tickets, (select epoch from workspaces) as epoch",
    );
    expect(after?.tickets).toBe(before?.tickets);
    expect(after?.epoch).not.toBe(before?.epoch);
  }, 60_000);

  it('refuses a file that is not a backup', async () => {
    const result = await cli(env, 'restore', '--in', join(import.meta.dirname, 'cli.test.ts'), '--yes');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/not a Shiftdesk backup/);
  });

  it('imports an export: progress and a summary, exit code 1 when a bad row stops it', async () => {
    const file = join(env.SHIFTDESK_DATA_DIR ?? '', 'tickets.csv');
    const header = '"external_id","subject","requester_email","status"\n';
    await writeFile(
      file,
      `${header}"a-1","Printer jam","ann@cli.example","open"\n"a-2","Paper out","bob@cli.example","new"\n`,
    );
    const imported = await cli(env, 'import', file);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toMatch(/100% · 2 rows/);
    expect(imported.out).toMatch(/Imported 2 tickets \(#\d+–#\d+\) from .* \(shiftdesk-csv\)/);

    await writeFile(file, `${header}"a-3","No email","","open"\n`);
    const refused = await cli(env, 'import', file);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('row 1: no requester email');
    expect(refused.err).toBe('Nothing was imported.');
  });
});

describeEachDatabase('accounts and API keys from the command line', (kind) => {
  let env: Record<string, string | undefined>;
  let scratch: TestDatabase | null = null;

  beforeAll(async () => {
    env = { SHIFTDESK_DATA_DIR: await mkdtemp(join(tmpdir(), 'shiftdesk-cli-')), LOG_LEVEL: 'silent' };
    if (kind === 'postgres') {
      scratch = await openTestDatabase('postgres');
      env.DATABASE_URL = scratch.url ?? undefined;
    }
    expect((await cli(env, 'seed', '--demo', '--tickets', '5')).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await scratch?.drop();
  });

  async function one<Row extends object>(text: string, params: string[] = []): Promise<Row | undefined> {
    if (scratch) return (await scratch.db.query<Row>(text, params))[0];
    const db = await openPgliteDatabase(join(env.SHIFTDESK_DATA_DIR ?? '', 'pglite'));
    try {
      return (await db.query<Row>(text, params))[0];
    } finally {
      await db.close();
    }
  }

  it('adds, re-roles, disables, enables and resets an account, each audited', async () => {
    const add = await cli(
      env,
      'user',
      'add',
      '--email',
      'Night.Owl@Example.com',
      '--name',
      'Night Owl',
      '--role',
      'agent',
    );
    expect(add.code, add.err).toBe(0);
    const generated = /Generated password \(shown only now; pass it on securely\): (\S+)/.exec(add.out)?.[1];
    expect(generated?.length).toBeGreaterThanOrEqual(16);

    expect((await cli(env, 'user', 'set-role', '--email', 'night.owl@example.com', '--role', 'lead')).code).toBe(0);
    expect((await cli(env, 'user', 'disable', '--email', 'night.owl@example.com')).code).toBe(0);
    let row = await one<{ role: string; disabled: boolean; hash: string }>(
      "select role, disabled_at is not null as disabled, password_hash as hash from users where email = 'night.owl@example.com'",
    );
    expect(row).toMatchObject({ role: 'lead', disabled: true });
    const hashBefore = row?.hash;

    expect((await cli(env, 'user', 'disable', '--email', 'night.owl@example.com', '--enable')).code).toBe(0);
    const reset = await cli(
      env,
      'user',
      'reset-password',
      '--email',
      'night.owl@example.com',
      '--password',
      'tangerine-lantern-77',
    );
    expect(reset.code, reset.err).toBe(0);
    row = await one(
      "select role, disabled_at is not null as disabled, password_hash as hash from users where email = 'night.owl@example.com'",
    );
    expect(row?.disabled).toBe(false);
    expect(row?.hash).not.toBe(hashBefore);

    const audited = await one<{ actions: string[] }>(
      "select array_agg(action order by id) as actions from audit_log where user_id is null and (action like 'user.%' or action like 'password.%')",
    );
    expect(audited?.actions).toEqual(
      expect.arrayContaining(['user.created', 'user.role_changed', 'user.disabled', 'user.enabled', 'password.reset']),
    );
  }, 60_000);

  it('refuses what the product refuses: a weak password, an unknown role, an unknown account', async () => {
    const weak = await cli(
      env,
      'user',
      'add',
      '--email',
      'weak@example.com',
      '--name',
      'W',
      '--role',
      'agent',
      '--password',
      'password1',
    );
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/common|password/i);
    expect((await cli(env, 'user', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'boss')).code).toBe(2);
    const missing = await cli(env, 'user', 'disable', '--email', 'nobody@example.com');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no account for nobody@example.com/);
  });

  it('creates an API key shown once, lists it without the secret, and revokes it', async () => {
    const created = await cli(env, 'apikey', 'create', '--name', 'Web form', '--scope', 'intake', '--rate', '60');
    expect(created.code, created.err).toBe(0);
    const secret = /Secret \(shown only now[^)]*\): (sdk_\S+)/.exec(created.out)?.[1] ?? '';
    const id = /Created API key (key_\S+)/.exec(created.out)?.[1] ?? '';
    expect(secret).toMatch(/^sdk_/);
    const list = await cli(env, 'apikey', 'list');
    expect(list.out).toContain(id);
    expect(list.out).not.toContain(secret);
    expect((await cli(env, 'apikey', 'revoke', '--id', id)).code).toBe(0);
    expect(
      await one<{ revoked: boolean }>('select revoked_at is not null as revoked from api_keys where id = $1', [id]),
    ).toEqual({
      revoked: true,
    });
    expect((await cli(env, 'apikey', 'create', '--name', 'x', '--scope', 'root')).code).toBe(2);
  }, 60_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { API_ROUTES } from '#shared/api/routes';
import { LOCK_FILE_NAME } from './db/data-dir-lock.ts';
import { MIGRATIONS } from './db/migrate.ts';
import { openDatabase } from './db/open-database.ts';

const MAIN = resolve(import.meta.dirname, 'main.ts');

interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(dataDir: string): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      SHIFTDESK_DATA_DIR: dataDir,
      SHIFTDESK_WEB_DIR: join(dataDir, 'web'),
      SHIFTDESK_SEED: 'none',
      PORT: '0',
      LOG_LEVEL: '',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function runningUrl(server: ServerProcess): Promise<string> {
  // Generous: beside a full parallel test run, loading PGlite in a fresh process can take half a minute.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const url = /running at (http:\/\/\S+?)\/ /.exec(server.output())?.[1];
    if (url) return url;
    if (Date.now() > deadline || server.child.exitCode !== null) throw new Error(`no start: ${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the server process', () => {
  const started: ServerProcess[] = [];
  afterAll(() => {
    for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('owns its data directory alone, starts quietly, and on SIGTERM closes sockets and database and frees the directory', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'shiftdesk-main-'));
    const first = startServer(dataDir);
    started.push(first);
    const url = await runningUrl(first);
    // A friendly banner, no JSON log lines or deprecation warnings.
    expect(first.output()).not.toMatch(/"level"|DeprecationWarning|FSTDEP/);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);

    const second = startServer(dataDir);
    started.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(
      `Another Shiftdesk server (pid ${first.child.pid}) is using ${dataDir}. Stop it, or set SHIFTDESK_DATA_DIR to another directory.`,
    );
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace

    const socket = new WebSocket(`${url.replace('http', 'ws')}${API_ROUTES.socket}`);
    await new Promise((done, fail) => {
      socket.once('open', done);
      socket.once('error', fail);
    });
    const socketClosed = new Promise((done) => socket.once('close', done));

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    await socketClosed;
    expect(first.output()).toContain('Shiftdesk server stopped.');
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);

    // The directory is free again, and the database was closed intact (opened here in-process,
    // which is lighter than a third server process beside a parallel test run).
    const reopened = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      const [row] = await reopened.query<{ count: number }>('select count(*)::int as count from schema_migrations');
      expect(row?.count).toBe(MIGRATIONS.length);
    } finally {
      await reopened.close();
    }
  }, 180_000);
});

import { spawn } from 'node:child_process';
import { open, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Sql } from '../db/database.ts';

/** What kind of backup a file holds, from its first bytes. */
export type BackupKind = 'pg_dump' | 'pglite';

export class BackupError extends Error {
  override name = 'BackupError';
}

export async function backupKindOf(file: string): Promise<BackupKind> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  } finally {
    await handle.close();
  }
  throw new BackupError(`${file} is not a Shiftdesk backup (neither a pg_dump custom-format file nor a PGlite copy).`);
}

function run(command: string, args: readonly string[], print: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${command} is not installed. Install the PostgreSQL client tools (Debian: postgresql-client).`,
            )
          : error,
      ),
    );
    child.on('close', (code) => {
      for (const line of stderr.split('\n').filter(Boolean)) print(`  ${command}: ${line}`);
      if (code === 0) resolve();
      else reject(new BackupError(`${command} failed (exit code ${code ?? 'none'}).`));
    });
  });
}

/** A pg_dump custom-format file: restorable with pg_restore by anyone who runs Postgres. */
export async function backupPostgres(url: string, file: string, print: (line: string) => void): Promise<void> {
  await run('pg_dump', ['--format=custom', '--no-owner', '--file', file, url], print);
}

/** Replaces the database's contents with the backup's; run with every server instance stopped. */
export async function restorePostgres(url: string, file: string, print: (line: string) => void): Promise<void> {
  await run(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', url, file],
    print,
  );
}

/**
 * A consistent copy of an embedded database: taken through PGlite itself (not
 * by copying files under a running server), so it is a snapshot of committed data.
 */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  const pg = new PGlite(dataDir);
  try {
    await pg.waitReady;
    await pg.query('checkpoint');
    const dump = await pg.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pg.close();
  }
}

/**
 * Restores an embedded database into `dataDir`. A directory that already holds
 * data is kept beside it (`<dir>.before-restore-<time>`), never deleted.
 */
export async function restorePglite(file: string, dataDir: string): Promise<string | null> {
  const existing = await readdir(dataDir).catch(() => [] as string[]);
  let keptAt: string | null = null;
  if (existing.length > 0) {
    keptAt = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(dataDir, keptAt);
  }
  const blob = new Blob([await readFile(file)]);
  const pg = new PGlite(dataDir, { loadDataDir: blob });
  await pg.waitReady;
  await pg.close();
  return keptAt;
}

/**
 * A restored database starts a new life: clients holding data from after the
 * backup must not trust their cookies, so every team's epoch changes and every
 * device downloads its window again.
 */
export async function bumpEpochs(sql: Sql): Promise<number> {
  const rows = await sql.query<{ id: string }>('update workspaces set epoch = gen_random_uuid()::text returning id');
  return rows.length;
}

export function pgliteDirectory(dataDir: string): string {
  return join(dataDir, 'pglite');
}

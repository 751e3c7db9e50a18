import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE_NAME, acquireDataDirLock } from './data-dir-lock.ts';
import { openDatabase } from './open-database.ts';

const scratch = () => mkdtemp(join(tmpdir(), 'shiftdesk-lock-'));

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  return Number(
    execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }),
  );
}

describe('the data directory lock', () => {
  it('lets one holder in, refuses the next with a clear message, and frees the directory on release', async () => {
    const dir = await scratch();
    const first = await acquireDataDirLock(dir);
    expect(first.replaced).toBeNull();
    const owner = JSON.parse(await readFile(join(dir, LOCK_FILE_NAME), 'utf8')) as { pid: number; hostname: string };
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname() });

    const second = acquireDataDirLock(dir);
    await expect(second).rejects.toThrow(DataDirLockedError);
    await expect(second).rejects.toThrow(
      `Another Shiftdesk server (pid ${process.pid}) is using ${dir}. Stop it, or set SHIFTDESK_DATA_DIR to another directory.`,
    );

    await first.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    const third = await acquireDataDirLock(dir);
    await third.release();
  });

  it('refuses a directory that a live process on this host holds', async () => {
    const dir = await scratch();
    const parent = process.ppid; // Alive for as long as this test runs.
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: parent, hostname: hostname(), startedAt: 'x' }));
    await expect(acquireDataDirLock(dir)).rejects.toThrow(`(pid ${parent})`);
  });

  it('takes over a stale lock left by a process that is gone, and says whose it was', async () => {
    const dir = await scratch();
    const gone = { pid: deadPid(), hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' };
    await writeFile(join(dir, LOCK_FILE_NAME), JSON.stringify(gone));
    const lock = await acquireDataDirLock(dir);
    expect(lock.replaced).toEqual(gone);
    await lock.release();
  });

  it('takes over a garbled lock file (a crash while writing it)', async () => {
    const dir = await scratch();
    await writeFile(join(dir, LOCK_FILE_NAME), '{"pid":');
    const lock = await acquireDataDirLock(dir);
    await lock.release();
  });

  it('refuses a lock from another host, which it cannot check, and says how to clear it', async () => {
    const dir = await scratch();
    await writeFile(
      join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid: 4242, hostname: 'elsewhere.example', startedAt: 'x' }),
    );
    await expect(acquireDataDirLock(dir)).rejects.toThrow(/pid 4242 on host elsewhere\.example[\s\S]*delete/);
  });

  it('guards an embedded database: a second open of the same directory fails, and closing frees it', async () => {
    const dataDir = await scratch();
    const notices: string[] = [];
    const db = await openDatabase({ databaseUrl: undefined, dataDir }, { onNotice: (m) => notices.push(m) });
    await expect(openDatabase({ databaseUrl: undefined, dataDir })).rejects.toThrow(DataDirLockedError);
    await db.close();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    const again = await openDatabase({ databaseUrl: undefined, dataDir });
    await again.close();
    expect(notices).toEqual([]);
  }, 90_000); // Two embedded opens, each migrating a fresh PGlite: past 30 s on a busy 2-core machine.
});

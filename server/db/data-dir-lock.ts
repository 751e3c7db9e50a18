import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE_NAME = 'shiftdesk.lock';

const LockOwner = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.string(),
});
export type LockOwner = z.infer<typeof LockOwner>;

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  /** The owner of a stale lock this one replaced (a server that crashed or was killed), if any. */
  replaced: LockOwner | null;
  release: () => Promise<void>;
}

/** Lock files this process holds: a second acquisition in the same process is refused too. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // Signal 0 only asks whether the process exists.
    return true;
  } catch (error) {
    // EPERM: it exists, it just belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    return LockOwner.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return null; // Gone, or garbled by a crash: nobody holds it.
  }
}

function sameOwner(a: LockOwner | null, b: LockOwner | null): boolean {
  return a?.pid === b?.pid && a?.hostname === b?.hostname && a?.startedAt === b?.startedAt;
}

function lockedMessage(dir: string, path: string, owner: LockOwner, thisHost: string): string {
  const where = owner.hostname === thisHost ? `pid ${owner.pid}` : `pid ${owner.pid} on host ${owner.hostname}`;
  const lines = [
    `Another Shiftdesk server (${where}) is using ${dir}. Stop it, or set SHIFTDESK_DATA_DIR to another directory.`,
  ];
  if (owner.hostname !== thisHost) lines.push(`If no server runs there any more, delete ${path}.`);
  return lines.join('\n');
}

/**
 * Makes this process the only one using an embedded database's directory: two
 * PGlite instances writing one directory corrupt it. The lock file says who
 * holds it (pid, host, start time). A lock left by a process that is gone from
 * this host is stale and taken over; one held by a live process, or by another
 * host (which cannot be checked from here), is refused.
 */
export async function acquireDataDirLock(dir: string): Promise<DataDirLock> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE_NAME);
  const me: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  // Written whole under a private name, then linked into place: link() fails if the lock exists,
  // and a reader never sees a half-written file.
  const draft = `${path}.${process.pid}.${Date.now()}`;
  await writeFile(draft, JSON.stringify(me));
  let replaced: LockOwner | null = null;
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(draft, path);
        held.add(path);
        return { replaced, release: () => releaseLock(path, me) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await readOwner(path);
      if (owner) {
        // The same pid as ours but not held by us: a previous run that had our pid (a container restart).
        const live = held.has(path) || (owner.pid !== process.pid && isAlive(owner.pid));
        if (owner.hostname !== me.hostname || live) {
          throw new DataDirLockedError(lockedMessage(dir, path, owner, me.hostname));
        }
      }
      // Stale: remove it unless someone replaced it meanwhile, and try again.
      if (sameOwner(await readOwner(path), owner)) {
        await unlink(path).catch(() => undefined);
        replaced = owner ?? replaced;
      }
    }
    throw new DataDirLockedError(`Could not take the lock on ${dir}: another server keeps taking it. Is one starting?`);
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

async function releaseLock(path: string, me: LockOwner): Promise<void> {
  held.delete(path);
  // Only our own lock: never one a later server took over after ours was judged stale.
  if (sameOwner(await readOwner(path), me)) await unlink(path).catch(() => undefined);
}

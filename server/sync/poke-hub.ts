import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { POKE_CHANNEL } from './sync-rows.ts';

export interface PokeTarget {
  poke: (version: number) => void;
}

const PokePayload = z.object({ workspaceId: z.string(), version: z.number().int().nonnegative() });

/**
 * Fans pokes out to this instance's connected sockets. Pokes arrive through
 * Postgres NOTIFY, so a commit on any server instance reaches sockets on all of them.
 */
export class PokeHub {
  private readonly targets = new Map<string, Set<PokeTarget>>();
  private unlisten: (() => Promise<void>) | undefined;

  async start(db: Database): Promise<void> {
    this.unlisten = await db.listen(POKE_CHANNEL, (payload) => {
      try {
        const parsed = PokePayload.safeParse(JSON.parse(payload));
        if (parsed.success) this.deliver(parsed.data.workspaceId, parsed.data.version);
      } catch {
        // Not ours or malformed; nothing to deliver.
      }
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.targets.clear();
  }

  add(workspaceId: string, target: PokeTarget): () => void {
    let set = this.targets.get(workspaceId);
    if (!set) {
      set = new Set();
      this.targets.set(workspaceId, set);
    }
    set.add(target);
    return () => {
      set.delete(target);
      if (set.size === 0) this.targets.delete(workspaceId);
    };
  }

  private deliver(workspaceId: string, version: number): void {
    for (const target of this.targets.get(workspaceId) ?? []) target.poke(version);
  }
}

import { ACTIVE_STATUSES, type Ticket } from '#shared/domain/ticket';
import type { SnapshotInput } from '#shared/handover/snapshot';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { readSlaConfig } from '../../db/read-sla-config.ts';

/** Tickets read per step: big enough to be quick, small enough to show progress at 100k. */
const CHUNK = 5_000;

export interface ReadProgress {
  read: number;
  total: number;
}

/**
 * What the snapshot is computed from, as this device holds it: the active
 * tickets (read through the status index, in chunks, so a 100k queue shows
 * progress rather than a frozen dialog), every escalation, the customers and
 * the SLA config. One read-only transaction: a sync landing between two
 * chunks would otherwise shift the offsets and skip or repeat tickets.
 */
export function readSnapshotInput(
  db: ShiftdeskDb,
  onProgress: (progress: ReadProgress) => void,
): Promise<SnapshotInput> {
  const tables = (['ticket', 'escalation', 'customer', 'slaConfig', 'settings'] as const).map((entity) =>
    db.rows(entity),
  );
  return db.transaction('r', tables, () => readAll(db, onProgress));
}

async function readAll(db: ShiftdeskDb, onProgress: (progress: ReadProgress) => void): Promise<SnapshotInput> {
  const statuses = [...ACTIVE_STATUSES];
  const counts = await Promise.all(statuses.map((status) => db.rows('ticket').where('status').equals(status).count()));
  const total = counts.reduce((sum, count) => sum + count, 0);
  const tickets: Ticket[] = [];
  onProgress({ read: 0, total });
  for (const status of statuses) {
    for (let offset = 0; ; offset += CHUNK) {
      const chunk = await db.rows('ticket').where('status').equals(status).offset(offset).limit(CHUNK).toArray();
      tickets.push(...chunk);
      onProgress({ read: tickets.length, total: Math.max(total, tickets.length) });
      if (chunk.length < CHUNK) break;
    }
  }
  const [escalations, customers, slaConfig] = await Promise.all([
    db.rows('escalation').toArray(),
    db.rows('customer').toArray(),
    readSlaConfig(db),
  ]);
  return { tickets, escalations, customers: new Map(customers.map((c) => [c.id, c])), slaConfig };
}

import type { z } from 'zod';
import type { Customer } from '../domain/customer.ts';
import type { Escalation } from '../domain/escalation.ts';
import type { HandoverSnapshot, HandoverSnapshotLine, HandoverSnapshotSection } from '../domain/handover.ts';
import type { SlaConfig } from '../domain/sla-config.ts';
import type { Ticket } from '../domain/ticket.ts';

/**
 * What a handover snapshot is computed from: the records of the queue at
 * submission, as the submitting device holds them. Later features (incidents)
 * add a collection here and a section to SNAPSHOT_SECTIONS; the snapshot
 * function itself never changes.
 */
export interface SnapshotInput {
  /** Active tickets (merged duplicates are skipped by the sections). */
  tickets: readonly Ticket[];
  escalations: readonly Escalation[];
  customers: ReadonlyMap<string, Customer>;
  slaConfig: SlaConfig;
}

/** The stored shapes (shared/domain/handover.ts), so what a section computes is what a handover keeps. */
export type SnapshotLine = z.infer<typeof HandoverSnapshotLine>;
export type SnapshotSectionResult = z.infer<typeof HandoverSnapshotSection>;
export type { HandoverSnapshot };

export interface SnapshotSection {
  id: string;
  title: string;
  compute: (input: SnapshotInput, now: number) => { count: number; lines: SnapshotLine[] };
}

export function defineSnapshotSection(section: SnapshotSection): SnapshotSection {
  return section;
}

/** The snapshot at `now`: every registered section, in order. Pure: the same records give the same snapshot. */
export function handoverSnapshot(
  input: SnapshotInput,
  now: number,
  sections: readonly SnapshotSection[],
): HandoverSnapshot {
  return {
    at: now,
    sections: sections.map((section) => ({ id: section.id, title: section.title, ...section.compute(input, now) })),
  };
}

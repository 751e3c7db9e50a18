import { z } from 'zod';
import { EpochMs, HandoverId, ShiftId, UserId } from './ids.ts';

/**
 * A shift handover, I-PASS style: built item by item during the shift,
 * submitted with a snapshot of the queue, and complete only when the
 * receiver has acknowledged every item (an unstable one with a read-back in
 * their own words). Items left open carry over into the next handover.
 */

/** I-PASS "illness severity", in help-desk terms: how likely this is to bite the next shift. */
export const HANDOVER_SEVERITIES = ['stable', 'watch', 'unstable'] as const;
export const HandoverSeverity = z.enum(HANDOVER_SEVERITIES);
export type HandoverSeverity = z.infer<typeof HandoverSeverity>;
export const HANDOVER_SEVERITY_LABELS: Readonly<Record<HandoverSeverity, string>> = {
  stable: 'Stable',
  watch: 'Watch',
  unstable: 'Unstable',
};

/** What an item is about: any record an agent can point at. */
export const HandoverSubject = z.object({
  kind: z.enum(['ticket', 'escalation', 'problem', 'customer']),
  id: z.string().regex(/^[a-z]{3}_[A-Za-z0-9_-]{1,80}$/, 'must be a record id'),
  /** How it read when added ("#1042 Checkout is down"), so the handover makes sense on any device. */
  label: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((label) => !/[\r\n]/.test(label), 'must be one line'),
});
export type HandoverSubject = z.infer<typeof HandoverSubject>;

const ItemKey = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a short key');

export const HandoverAction = z.object({
  id: ItemKey,
  text: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  dueAt: EpochMs.optional(),
  doneAt: EpochMs.optional(),
});
export type HandoverAction = z.infer<typeof HandoverAction>;

export const HandoverAcknowledgement = z.object({
  by: UserId,
  at: EpochMs,
  /** The receiver's read-back, in their own words: required for an unstable item. */
  readBack: z.string().trim().max(1_000).optional(),
});
export type HandoverAcknowledgement = z.infer<typeof HandoverAcknowledgement>;

export const HandoverItem = z.object({
  id: ItemKey,
  subject: HandoverSubject,
  severity: HandoverSeverity,
  /** One line: what the next shift must know. */
  summary: z.string().trim().min(1, 'must not be empty').max(200, 'must be one line (at most 200 characters)'),
  actions: z.array(HandoverAction).max(20),
  /** Situation awareness: what is going on around it. */
  awareness: z.string().max(2_000),
  /** "If X then Y": what to do when it goes wrong. */
  contingency: z.string().max(1_000),
  addedAt: EpochMs,
  addedBy: UserId,
  /** Set on an item carried over from an earlier handover it was left open in. */
  carried: z.object({ fromHandoverId: HandoverId, times: z.number().int().positive() }).optional(),
  acknowledged: HandoverAcknowledgement.optional(),
  /** Done with: not carried into the next handover. */
  closedAt: EpochMs.optional(),
});
export type HandoverItem = z.infer<typeof HandoverItem>;
export const HANDOVER_ITEMS_MAX = 100;

export const HANDOVER_STATUSES = ['building', 'submitted', 'complete'] as const;
export const HandoverStatus = z.enum(HANDOVER_STATUSES);
export type HandoverStatus = z.infer<typeof HandoverStatus>;

/** A record a snapshot line points at, so the view can open it. */
export const HandoverSnapshotRef = z.object({
  kind: z.enum(['ticket', 'escalation', 'customer']),
  id: z.string().min(1).max(200),
});

export const HandoverSnapshotLine = z.object({
  // Room for a ticket's whole subject (500) and what the section says about it.
  text: z.string().max(1_000),
  ref: HandoverSnapshotRef.optional(),
});

export const HandoverSnapshotSection = z.object({
  id: z.string().min(1).max(60),
  title: z.string().min(1).max(200),
  /** The headline figure (tickets, packets, customers); the lines may list only the first of them. */
  count: z.number().int().nonnegative(),
  lines: z.array(HandoverSnapshotLine).max(50),
});

/**
 * The queue as it stood at submission, computed on the submitting device
 * (shared/handover/snapshot.ts) and stored as data: later features add
 * sections without changing this shape.
 */
export const HandoverSnapshot = z.object({
  at: EpochMs,
  sections: z.array(HandoverSnapshotSection).max(20),
});
export type HandoverSnapshot = z.infer<typeof HandoverSnapshot>;

export const Handover = z.object({
  id: HandoverId,
  fromUserId: UserId,
  /** Who receives it: chosen at submission; null while building. */
  toUserId: UserId.nullable(),
  shiftId: ShiftId.optional(),
  status: HandoverStatus,
  items: z.array(HandoverItem).max(HANDOVER_ITEMS_MAX),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  submittedAt: EpochMs.optional(),
  completedAt: EpochMs.optional(),
  /** The queue as it stood at submission (see shared/handover/snapshot.ts). */
  snapshot: HandoverSnapshot.optional(),
});
export type Handover = z.infer<typeof Handover>;

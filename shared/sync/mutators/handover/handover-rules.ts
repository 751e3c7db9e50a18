import { z } from 'zod';
import {
  type Handover,
  HandoverAction,
  HandoverItem,
  type HandoverSeverity,
  type HandoverSubject,
} from '../../../domain/handover.ts';
import type { SeededRandom } from '../../../util/seeded-random.ts';
import type { MutationContext, MutatorTx, SampleWorld } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';

/**
 * An item as its author writes it: the I-PASS fields. When it was added, by
 * whom, whether it was carried, acknowledged or closed is the mutators' to set.
 * An action's done time is set by ticking it (setHandoverActionDone), never by an edit.
 */
export const HandoverItemInput = HandoverItem.pick({
  id: true,
  subject: true,
  severity: true,
  summary: true,
}).extend({
  actions: z
    .array(HandoverAction.omit({ doneAt: true }))
    .max(20)
    .default([]),
  awareness: HandoverItem.shape.awareness.default(''),
  contingency: HandoverItem.shape.contingency.default(''),
});

/** What an edit may change: the author's fields, never the subject (that is a different item). */
export const HandoverItemChanges = z.object({
  severity: HandoverItemInput.shape.severity.optional(),
  summary: HandoverItemInput.shape.summary.optional(),
  actions: z
    .array(HandoverAction.omit({ doneAt: true }))
    .max(20)
    .optional(),
  awareness: HandoverItem.shape.awareness.optional(),
  contingency: HandoverItem.shape.contingency.optional(),
});

const subjectOf = (handoverId: string) => ({ subject: { entity: 'handover', id: handoverId } });

/** The handover a change is about, or a rejection that names it. */
export async function handoverOrReject(tx: MutatorTx, handoverId: string): Promise<Handover> {
  const handover = await tx.get('handover', handoverId);
  if (!handover) throw new MutationRejected('not_found', 'That handover no longer exists.', subjectOf(handoverId));
  return handover;
}

/**
 * The handover a change to one item is about. When two devices each started a
 * handover offline, every item went into the author's oldest one (see
 * buildingHandoverOf), so the other device's id never came to exist: a later
 * change aimed at it applies to the actor's building handover if that holds the item.
 */
export async function handoverOfItemOrReject(
  tx: MutatorTx,
  handoverId: string,
  itemId: string,
  ctx: MutationContext,
): Promise<Handover> {
  const handover = await tx.get('handover', handoverId);
  if (handover) return handover;
  const building = await buildingHandoverOf(tx, ctx.actor.id);
  if (building?.items.some((item) => item.id === itemId)) return building;
  return handoverOrReject(tx, handoverId);
}

/** The item of a handover a change is about, or a rejection saying it is gone. */
export function itemOrReject(handover: Handover, itemId: string): HandoverItem {
  const item = handover.items.find((candidate) => candidate.id === itemId);
  if (!item) {
    throw new MutationRejected('not_found', 'That item is no longer in the handover.', subjectOf(handover.id));
  }
  return item;
}

/** Items are the author's to write, and only until the handover is submitted. */
export function requireAuthorWhileBuilding(handover: Handover, ctx: MutationContext, doing: string): void {
  if (handover.fromUserId !== ctx.actor.id) {
    throw new MutationRejected('forbidden', `Only the person handing over can ${doing}.`, subjectOf(handover.id));
  }
  if (handover.status !== 'building') {
    throw new MutationRejected(
      'conflict',
      `This handover was submitted, so you can no longer ${doing}.`,
      subjectOf(handover.id),
    );
  }
}

/**
 * Who holds the handover's follow-up (ticking actions, closing items): the
 * author while building it, the receiver while it waits for acknowledgement.
 * Once complete, its open items were carried into the receiver's next
 * handover: follow-up happens on those copies, so this one stays as it was handed over.
 */
export function requireHolder(handover: Handover, ctx: MutationContext, doing: string): void {
  const building = handover.status === 'building';
  if ((building ? handover.fromUserId : handover.toUserId) !== ctx.actor.id) {
    throw new MutationRejected(
      'forbidden',
      building
        ? `Only the person handing over can ${doing} while the handover is being built.`
        : `Only the person this handover was handed to can ${doing}.`,
      subjectOf(handover.id),
    );
  }
  if (handover.status === 'complete') {
    throw new MutationRejected(
      'conflict',
      `This handover is complete, so you can no longer ${doing} here: its open items were carried into your next handover, do it there.`,
      subjectOf(handover.id),
    );
  }
}

/** Refuses a change whose handover id is taken by another record. */
export function rejectTakenId(handoverId: string, nothingDone: string): never {
  throw new MutationRejected(
    'conflict',
    `Another handover already has this id; ${nothingDone}.`,
    subjectOf(handoverId),
  );
}

/** The handover someone is building now: one per person, the oldest if two devices each started one offline. */
export async function buildingHandoverOf(tx: MutatorTx, userId: string): Promise<Handover | undefined> {
  const building = (await tx.list('handover', 'fromUserId', userId)).filter(
    (handover) => handover.status === 'building',
  );
  return building.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}

/** An empty handover, started by the person who will hand it over. */
export function newHandover(id: Handover['id'], ctx: MutationContext): Handover {
  return {
    id,
    fromUserId: ctx.actor.id,
    toUserId: null,
    status: 'building',
    items: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}

/** Two items are about the same thing when their subjects name the same record. */
export function sameSubject(a: HandoverSubject, b: HandoverSubject): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** The handover with one item replaced (by id). */
export function withItem(handover: Handover, item: HandoverItem, now: number): Handover {
  return {
    ...handover,
    items: handover.items.map((candidate) => (candidate.id === item.id ? item : candidate)),
    updatedAt: now,
  };
}

// Samples: a small pool of item ids, so adds, edits and acknowledgements in the simulation meet the same items.
export const SAMPLE_ITEM_IDS = ['i1', 'i2', 'i3', 'i4'] as const;

/** Mostly handovers that exist; now and then one that does not. */
export function sampleHandoverId(random: SeededRandom, world: SampleWorld): string {
  return world.handoverIds.length === 0 || random.chance(0.1) ? 'hov_missing' : random.pick(world.handoverIds);
}

export function sampleItemId(random: SeededRandom): string {
  return random.chance(0.05) ? 'i_missing' : random.pick(SAMPLE_ITEM_IDS);
}

export function newSampleHandoverId(random: SeededRandom): string {
  return `hov_${random.int(2 ** 31).toString(36)}`;
}

export function sampleSeverity(random: SeededRandom): HandoverSeverity {
  return random.pick(['stable', 'watch', 'watch', 'unstable'] as const);
}

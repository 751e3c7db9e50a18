import { HANDOVER_ITEMS_MAX, type Handover } from '../../../domain/handover.ts';
import type { HandoverId } from '../../../domain/ids.ts';
import { carriedItems } from '../../../handover/carry-over.ts';
import type { MutationContext, MutatorTx } from '../../mutator.ts';
import { buildingHandoverOf, newHandover, rejectTakenId, sameSubject } from './handover-rules.ts';

/** An item id not yet used in the handover: carried items keep theirs unless it is taken. */
function freeItemId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 1; taken.has(id); n += 1) id = `${id.slice(0, 34)}-c${n}`;
  return id;
}

/**
 * Carries the open (not closed) items of a completed handover into the
 * receiver's building one, marked as carried, starting it with
 * `nextHandoverId` when they have none. A subject already in it is not
 * repeated; a full handover takes what fits (the rest stays readable in the
 * completed one).
 */
export async function carryOpenItems(
  tx: MutatorTx,
  completed: Handover,
  nextHandoverId: HandoverId,
  ctx: MutationContext,
): Promise<void> {
  const carried = carriedItems(completed);
  if (carried.length === 0) return;
  let target = await buildingHandoverOf(tx, ctx.actor.id);
  if (!target) {
    if (await tx.get('handover', nextHandoverId)) rejectTakenId(nextHandoverId, 'nothing was acknowledged');
    target = newHandover(nextHandoverId, ctx);
  }
  const items = [...target.items];
  const ids = new Set(items.map((item) => item.id));
  for (const item of carried) {
    if (items.length >= HANDOVER_ITEMS_MAX) break;
    if (items.some((existing) => sameSubject(existing.subject, item.subject))) continue;
    const id = freeItemId(item.id, ids);
    ids.add(id);
    items.push({ ...item, id });
  }
  if (items.length === target.items.length) return;
  await tx.put('handover', { ...target, items, updatedAt: ctx.now });
}

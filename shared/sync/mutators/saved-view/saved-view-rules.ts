import { can } from '../../../domain/permissions.ts';
import { BUILTIN_VIEWS } from '../../../query/builtin-views.ts';
import type { ViewDefinition } from '../../../query/view-definition.ts';
import type { Role } from '../../../domain/roles.ts';
import {
  MAX_PERSONAL_VIEWS,
  MAX_SHARED_VIEWS,
  type SavedView,
  type SavedViewVisibility,
} from '../../../domain/saved-view.ts';
import type { MutationContext, MutatorTx, SampleWorld } from '../../mutator.ts';
import { MutationRejected, type RejectionSubject } from '../../rejection.ts';
import { countAgainstLimit, nameClash } from '../owned-records.ts';
import type { SeededRandom } from '../../../util/seeded-random.ts';

function subjectOf(id: string): { subject: RejectionSubject } {
  return { subject: { entity: 'savedView', id } };
}

/**
 * Whether `actor` may rename, redefine, share, unshare or delete `view`: its
 * owner always (while their role may save views at all); a teammate only when
 * the view is shared and the table lets their role manage shared views.
 * Personal views stay their owner's alone. The UI reads this to offer the edit.
 */
export function mayChangeSavedView(
  view: { ownerId: string; visibility: SavedViewVisibility },
  actor: { id: string; role: Role },
): boolean {
  if (!can(actor.role, 'views.save')) return false;
  return view.ownerId === actor.id || (view.visibility === 'shared' && can(actor.role, 'views.manageShared'));
}

/** The view a change is about, or a rejection that says it is gone. */
export async function savedViewOrReject(tx: MutatorTx, id: string): Promise<SavedView> {
  const view = await tx.get('savedView', id);
  if (!view) throw new MutationRejected('not_found', 'This saved view no longer exists.', subjectOf(id));
  return view;
}

async function ownerName(tx: MutatorTx, ownerId: string): Promise<string> {
  return (await tx.get('member', ownerId))?.name ?? 'a former teammate';
}

export async function refuseUnlessMayChange(
  tx: MutatorTx,
  view: SavedView,
  ctx: MutationContext,
  verb: 'change' | 'delete',
): Promise<void> {
  if (mayChangeSavedView(view, ctx.actor)) return;
  const owner = await ownerName(tx, view.ownerId);
  const message =
    view.visibility === 'personal'
      ? `“${view.name}” is ${owner}’s personal view: only they can ${verb} it.`
      : `“${view.name}” was shared by ${owner}: only they, a lead or an admin can ${verb} it.`;
  throw new MutationRejected('forbidden', message, subjectOf(view.id));
}

/**
 * Refuses a view that would go past its limit: the owner's personal views, or
 * the team's shared ones. `excludingId` is the view being changed, which does not count against itself.
 */
export async function refuseIfNoRoom(
  tx: MutatorTx,
  target: { ownerId: string; visibility: SavedViewVisibility; excludingId?: string },
  ctx: MutationContext,
): Promise<void> {
  const shared = target.visibility === 'shared';
  const taken = await countAgainstLimit(tx, 'savedView', target);
  if (taken < (shared ? MAX_SHARED_VIEWS : MAX_PERSONAL_VIEWS)) return;
  const subject = target.excludingId ? subjectOf(target.excludingId) : {};
  if (shared) {
    throw new MutationRejected(
      'invalid',
      `The team already shares ${MAX_SHARED_VIEWS} views, the most a team can. Delete a shared view nobody uses, or keep this one personal.`,
      subject,
    );
  }
  const limit = `${MAX_PERSONAL_VIEWS} personal views, the most one person can keep`;
  const message =
    target.ownerId === ctx.actor.id
      ? `You already have ${limit}. Delete one you no longer use, or share this one with the team.`
      : `${await ownerName(tx, target.ownerId)} already has ${limit}, so this view stays shared.`;
  throw new MutationRejected('invalid', message, subject);
}

/**
 * Two views with one name in the switcher cannot be told apart: a name must
 * differ from every view its owner sees (their own and the team's shared
 * ones), ignoring case. Teammates' personal views are theirs to name.
 */
export async function refuseIfNameTaken(
  tx: MutatorTx,
  name: string,
  target: { ownerId: string; excludingId?: string },
): Promise<void> {
  const clash = await nameClash(tx, 'savedView', name, target);
  if (!clash) return;
  throw new MutationRejected(
    'conflict',
    `There is already a ${clash.visibility} view named “${clash.name}”. Pick another name.`,
    subjectOf(clash.id),
  );
}

/** Mostly views the device holds; now and then one that is gone (deleted meanwhile on another device). */
export function sampleSavedViewId(random: SeededRandom, world: SampleWorld): string {
  return world.savedViewIds.length === 0 || random.chance(0.05) ? 'viw_missing' : random.pick(world.savedViewIds);
}

/** Names agents would pick; samples reuse them now and then, so names clash as they would in a team. */
export const SAMPLE_VIEW_NAMES = ['Billing', 'billing ', 'Login trouble', 'VIP waiting', 'Night shift', 'Outage 4.12'];
const INVALID_VIEW_NAMES = ['   ', 'x'.repeat(81)];

export function sampleViewName(random: SeededRandom): string {
  if (random.chance(0.05)) return random.pick(INVALID_VIEW_NAMES);
  const name = random.pick(SAMPLE_VIEW_NAMES);
  return random.chance(0.3) ? name : `${name.trim()} ${random.int(1_000)}`;
}

/** Definitions as the filter bar makes them: the built-in views' (a saved view often starts as one). */
export function sampleDefinition(random: SeededRandom): ViewDefinition {
  return random.pick(BUILTIN_VIEWS).definition;
}

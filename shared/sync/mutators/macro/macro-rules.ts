import { can } from '../../../domain/permissions.ts';
import type { Role } from '../../../domain/roles.ts';
import {
  MAX_PERSONAL_MACROS,
  MAX_SHARED_MACROS,
  type Macro,
  type MacroActions,
  type MacroVisibility,
} from '../../../domain/macro.ts';
import type { MutatorTx, SampleWorld } from '../../mutator.ts';
import { MutationRejected, type RejectionSubject } from '../../rejection.ts';
import { countAgainstLimit, nameClash } from '../owned-records.ts';
import type { SeededRandom } from '../../../util/seeded-random.ts';

function subjectOf(id: string): { subject: RejectionSubject } {
  return { subject: { entity: 'macro', id } };
}

/**
 * Whether `actor` may create, change or delete a macro of this owner and
 * visibility: their own personal macros always (while they may save macros);
 * team macros only with `macros.manageShared`, because they speak to every
 * customer in the team's name. The UI reads this to offer the edit.
 */
export function mayChangeMacro(
  macro: { ownerId: string; visibility: MacroVisibility },
  actor: { id: string; role: Role },
): boolean {
  if (!can(actor.role, 'macros.save')) return false;
  if (macro.visibility === 'shared') return can(actor.role, 'macros.manageShared');
  return macro.ownerId === actor.id;
}

export function refuseUnlessMayChange(
  macro: { id: string; name: string; ownerId: string; visibility: MacroVisibility },
  actor: { id: string; role: Role },
): void {
  if (mayChangeMacro(macro, actor)) return;
  const message =
    macro.visibility === 'shared'
      ? `“${macro.name}” is a team macro: only a lead or an admin can change it.`
      : `“${macro.name}” is someone else’s personal macro.`;
  throw new MutationRejected('forbidden', message, subjectOf(macro.id));
}

export async function macroOrReject(tx: MutatorTx, id: string): Promise<Macro> {
  const macro = await tx.get('macro', id);
  if (!macro) throw new MutationRejected('not_found', 'This macro no longer exists.', subjectOf(id));
  return macro;
}

/** Refuses a macro past its limit (the owner's personal ones, or the team's). `excludingId` does not count against itself. */
export async function refuseIfNoRoom(
  tx: MutatorTx,
  target: { ownerId: string; visibility: MacroVisibility; excludingId?: string },
): Promise<void> {
  const shared = target.visibility === 'shared';
  if ((await countAgainstLimit(tx, 'macro', target)) < (shared ? MAX_SHARED_MACROS : MAX_PERSONAL_MACROS)) return;
  throw new MutationRejected(
    'invalid',
    shared
      ? `The team already has ${MAX_SHARED_MACROS} macros, the most it can. Delete one nobody uses first.`
      : `There are already ${MAX_PERSONAL_MACROS} personal macros, the most one person can keep. Delete one first.`,
    target.excludingId ? subjectOf(target.excludingId) : {},
  );
}

/** Two macros with one name in the picker cannot be told apart: names differ among what the owner sees, ignoring case. */
export async function refuseIfNameTaken(
  tx: MutatorTx,
  name: string,
  target: { ownerId: string; excludingId?: string },
): Promise<void> {
  const clash = await nameClash(tx, 'macro', name, target);
  if (!clash) return;
  throw new MutationRejected(
    'conflict',
    `There is already a ${clash.visibility === 'shared' ? 'team' : 'personal'} macro named “${clash.name}”. Pick another name.`,
    subjectOf(clash.id),
  );
}

/** A teammate named as the macro's assignee must exist. */
export async function refuseUnknownAssignee(tx: MutatorTx, actions: MacroActions): Promise<void> {
  const assignee = actions.assignee;
  if (assignee === undefined || assignee === 'me' || assignee === 'nobody') return;
  if (await tx.get('member', assignee)) return;
  throw new MutationRejected('invalid', 'The macro assigns tickets to someone who is not on the team.', {});
}

const SAMPLE_NAMES = ['Outage apology', 'outage apology ', 'Ask for logs', 'Close out', 'Follow-up after fix'];

export function sampleMacroName(random: SeededRandom): string {
  if (random.chance(0.04)) return '  ';
  const name = random.pick(SAMPLE_NAMES);
  return random.chance(0.3) ? name : `${name.trim()} ${random.int(1_000)}`;
}

export function sampleMacroActions(random: SeededRandom, world: SampleWorld): MacroActions {
  return {
    ...(random.chance(0.5) ? { status: random.pick(['open', 'pending', 'solved'] as const) } : {}),
    ...(random.chance(0.3) ? { priority: random.pick(['urgent', 'high', 'normal', 'low'] as const) } : {}),
    ...(random.chance(0.3) && world.tags.length > 0 ? { addTags: [random.pick(world.tags)] } : {}),
    ...(random.chance(0.2)
      ? {
          assignee: random.chance(0.5) || world.memberIds.length === 0 ? 'me' : (random.pick(world.memberIds) as never),
        }
      : {}),
  };
}

export function sampleMacroId(random: SeededRandom, world: SampleWorld): string {
  return world.macroIds.length === 0 || random.chance(0.05) ? 'mac_missing' : random.pick(world.macroIds);
}

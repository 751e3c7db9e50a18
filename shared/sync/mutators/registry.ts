import type { z } from 'zod';
import type { MutationDef } from '../mutator.ts';
import { escalationMutators } from './escalation/index.ts';
import { handoverMutators } from './handover/index.ts';
import { macroMutators } from './macro/index.ts';
import { mergeMutators } from './merge/index.ts';
import { messageMutators } from './message/index.ts';
import { problemMutators } from './problem/index.ts';
import { savedViewMutators } from './saved-view/index.ts';
import { shiftMutators } from './shift/index.ts';
import { slaMutators } from './sla/index.ts';
import { ticketMutators } from './ticket/index.ts';

/** The mutations of each entity, as the server's audit log and the tests group them. */
export const MUTATION_GROUPS = {
  ticket: ticketMutators,
  message: messageMutators,
  merge: mergeMutators,
  problem: problemMutators,
  escalation: escalationMutators,
  shift: shiftMutators,
  handover: handoverMutators,
  savedView: savedViewMutators,
  macro: macroMutators,
  sla: slaMutators,
} as const;
export type MutationGroup = keyof typeof MUTATION_GROUPS;

/**
 * Every mutation the protocol knows, grouped by entity. Adding a mutation means
 * adding it to its entity's group; client, server, the permission check, the
 * conformance suite and the sync simulation all pick it up.
 */
export const mutations = {
  ...ticketMutators,
  ...messageMutators,
  ...mergeMutators,
  ...problemMutators,
  ...escalationMutators,
  ...shiftMutators,
  ...handoverMutators,
  ...savedViewMutators,
  ...macroMutators,
  ...slaMutators,
} as const satisfies Record<string, MutationDef<z.ZodType>>;

export type MutationName = keyof typeof mutations;
export type MutationArgs<N extends MutationName> = z.input<(typeof mutations)[N]['args']>;

export const MUTATION_NAMES = Object.keys(mutations) as MutationName[];

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutations, name);
}

/** The entity group a mutation belongs to. */
export function groupOf(name: MutationName): MutationGroup {
  const groups = Object.keys(MUTATION_GROUPS) as MutationGroup[];
  const group = groups.find((candidate) => Object.hasOwn(MUTATION_GROUPS[candidate], name));
  if (!group) throw new Error(`${name} is in no mutation group (shared/sync/mutators/registry.ts).`);
  return group;
}

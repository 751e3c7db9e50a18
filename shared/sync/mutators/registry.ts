import type { z } from 'zod';
import type { MutationDef } from '../mutator.ts';
import { ticketMutators } from './ticket/index.ts';

/**
 * Every mutation the protocol knows, grouped by entity. Adding a mutation means
 * adding it to its entity's group; client, server, the permission check, the
 * conformance suite and the sync simulation all pick it up.
 */
export const mutations = { ...ticketMutators } as const satisfies Record<string, MutationDef<z.ZodType>>;

export type MutationName = keyof typeof mutations;
export type MutationArgs<N extends MutationName> = z.input<(typeof mutations)[N]['args']>;

export const MUTATION_NAMES = Object.keys(mutations) as MutationName[];

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutations, name);
}

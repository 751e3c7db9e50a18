import type { z } from 'zod';
import type { Mutator } from '../mutator.ts';
import { SetPriorityArgs, setPriority } from './set-priority.ts';

/**
 * Every mutation the protocol knows: its argument schema and its mutator. Adding
 * a mutation means adding one entry here; both client and server pick it up.
 */
export const mutations = {
  setPriority: { args: SetPriorityArgs, run: setPriority },
} as const satisfies Record<string, { args: z.ZodType; run: Mutator<never> }>;

export type MutationName = keyof typeof mutations;
export type MutationArgs<N extends MutationName> = z.infer<(typeof mutations)[N]['args']>;

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutations, name);
}

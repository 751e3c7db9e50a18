import { z } from 'zod';
import type { MutationContext, MutatorTx } from './mutator.ts';
import { isMutationName, mutations } from './mutations/registry.ts';
import { MutationRejected } from './rejection.ts';

/**
 * Runs a mutation whose name and arguments came from storage or the network.
 * An unknown name or bad arguments can never succeed on retry, so they are
 * rejections, not errors.
 */
export async function runMutation(tx: MutatorTx, name: string, rawArgs: unknown, ctx: MutationContext): Promise<void> {
  if (!isMutationName(name)) {
    throw new MutationRejected('unknown_mutation', `This server does not know the change "${name}".`);
  }
  const entry = mutations[name];
  const parsed = entry.args.safeParse(rawArgs);
  if (!parsed.success) {
    throw new MutationRejected('invalid', `The change "${name}" was malformed: ${z.prettifyError(parsed.error)}`);
  }
  await entry.run(tx, parsed.data, ctx);
}

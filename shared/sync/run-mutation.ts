import { z } from 'zod';
import { can, refusalMessage } from '../domain/permissions.ts';
import type { MutationDef, MutationContext, MutatorTx } from './mutator.ts';
import { isMutationName, mutations } from './mutators/registry.ts';
import { MutationRejected } from './rejection.ts';

/**
 * Runs a mutation whose name and arguments came from storage or the network:
 * the permission from the role × action table first, then the mutator. An
 * unknown name or bad arguments can never succeed on retry, so they are
 * rejections, not errors.
 */
export async function runMutation(tx: MutatorTx, name: string, rawArgs: unknown, ctx: MutationContext): Promise<void> {
  if (!isMutationName(name)) {
    throw new MutationRejected('unknown_mutation', `This server does not know the change "${name}".`);
  }
  const def = mutations[name] as MutationDef<z.ZodType>;
  if (!can(ctx.actor.role, def.permission)) {
    throw new MutationRejected('forbidden', refusalMessage(ctx.actor.role, def.permission));
  }
  const parsed = def.args.safeParse(rawArgs);
  if (!parsed.success) {
    throw new MutationRejected('invalid', `The change "${name}" was malformed: ${z.prettifyError(parsed.error)}`);
  }
  await def.run(tx, parsed.data, ctx);
}

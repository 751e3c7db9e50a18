import type { ServerMutationHooks } from './server-mutations.ts';

/** Runs several after-commit side effects in order; one failing does not stop the others. */
export function afterCommitHooks(
  hooks: readonly ServerMutationHooks['afterCommit'][],
): ServerMutationHooks['afterCommit'] {
  return (committed, log) => {
    for (const hook of hooks) {
      try {
        hook(committed, log);
      } catch (error) {
        log.warn({ err: error }, 'an after-commit hook failed');
      }
    }
  };
}

import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The server and sync test files that take longest (measured with
 * `vitest run --project server --reporter=json`), longest first. Vitest runs
 * files longest-first only from its local cache of earlier runs; a clean clone
 * (CI) has none and starts larger files first, which can leave a two-minute
 * file for last while the other core sits idle. Starting these first keeps
 * both cores busy to the end. A file missing here only runs later.
 */
const SLOWEST_FIRST = [
  'tooling/sync-sim/',
  'server/http/hostile-payloads-',
  'server/sync/pull.test.ts',
  'server/mail/outbound-crash.test.ts',
  'server/sync/mutator-conformance.test.ts',
  'server/cli/cli.test.ts',
  'server/ops/metrics.test.ts',
  'server/intake/intake-crash.test.ts',
  'server/mail/mail-hostile.test.ts',
  'server/sync/push.test.ts',
  'server/main.test.ts',
  'server/import/run-import.test.ts',
];

function rank(spec: TestSpecification): number {
  const index = SLOWEST_FIRST.findIndex((path) => spec.moduleId.includes(path));
  return index === -1 ? SLOWEST_FIRST.length : index;
}

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array.prototype.sort is stable: files of equal rank keep the base order (cached durations, or size).
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}

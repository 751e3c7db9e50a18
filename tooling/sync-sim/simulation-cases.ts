import { expect, it } from 'vitest';
import { type SimulationOptions, replayCommand, runSimulation } from './simulation.ts';

/**
 * The CI matrix: 10 seeds × {40, 300, 1000} operations on PGlite, 4 on Postgres; `npm run test:sync:long`
 * runs 30,000+ per seed. One run: SIM_SEED=7 SIM_OPS=1000 SIM_BACKEND=pglite npx vitest run --project sync
 */
/** Whether SIM_BACKEND leaves this backend out of the run. */
export function backendExcluded(backend: SimulationOptions['backend']): boolean {
  const only = process.env.SIM_BACKEND;
  return Boolean(only && only !== backend);
}

/** The CI sizes. Each PGlite size runs in its own test file, so the two workers share the slow embedded runs. */
export const CI_SIZES = [40, 300, 1_000] as const;

/**
 * Seeds per size in CI: the 10 of the matrix on the embedded server; 4 on
 * Postgres, whose runs check the same invariants across two instances and a
 * real database (more with SIM_SEEDS, or `npm run test:sync:long`).
 */
const CI_SEEDS: Readonly<Record<SimulationOptions['backend'], number>> = { pglite: 10, postgres: 4 };

export function simulationCases(backend: SimulationOptions['backend'], ciSizes: readonly number[] = CI_SIZES): void {
  const seeds = process.env.SIM_SEED
    ? [Number(process.env.SIM_SEED)]
    : Array.from(
        { length: Number(process.env.SIM_SEEDS ?? CI_SEEDS[backend]) },
        (_, i) => Number(process.env.SIM_FIRST_SEED ?? 1) + i,
      );
  // SIM_OPS picks one size (simulation-pglite-long.test.ts then stands aside, so it runs once per backend).
  const sizes = process.env.SIM_OPS ? [Number(process.env.SIM_OPS)] : ciSizes;
  for (const operations of sizes) {
    for (const seed of seeds) {
      const options: SimulationOptions = { seed, operations, backend };
      it(`seed ${seed}, ${operations} operations (replay: ${replayCommand(options)})`, async () => {
        const report = await runSimulation(options);
        // The run did what it claims: in the longer runs every kind of trouble happened.
        if (operations >= 1_000) {
          for (const step of ['mutate', 'push', 'pull', 'connectivity', 'crash', 'fetch', 'network', 'carry']) {
            expect({ step, ran: (report.steps[step] ?? 0) > 0 }).toEqual({ step, ran: true });
          }
          expect(report.rejections).toBeGreaterThan(0);
        }
      });
    }
  }
}

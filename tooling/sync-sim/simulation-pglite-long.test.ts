import { describe } from 'vitest';
import { backendExcluded, simulationCases } from './simulation-cases.ts';

// The 1,000-operation runs, apart from the shorter ones (simulation-pglite.test.ts) so the two files run
// side by side. With SIM_OPS set, simulation-pglite.test.ts runs that one size and this file stands aside.
const reason = 'SIM_OPS is set, so simulation-pglite.test.ts runs that size instead';
if (process.env.SIM_OPS && !backendExcluded('pglite')) console.warn(`Long PGlite sync simulation skipped: ${reason}`);

describe.skipIf(backendExcluded('pglite') || Boolean(process.env.SIM_OPS))(
  `sync simulation [pglite: the embedded server, restarted on its data], 1,000 operations${process.env.SIM_OPS ? ` — skipped: ${reason}` : ''}`,
  () => {
    simulationCases('pglite', [1_000]);
  },
);

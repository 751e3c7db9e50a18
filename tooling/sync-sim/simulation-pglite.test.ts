import { describe } from 'vitest';
import { backendExcluded, simulationCases } from './simulation-cases.ts';

// 40 and 300 operations here; 1,000 in simulation-pglite-long.test.ts, so the two run side by side.
describe.skipIf(backendExcluded('pglite'))(
  'sync simulation [pglite: the embedded server, restarted on its data]',
  () => {
    simulationCases('pglite', [40, 300]);
  },
);

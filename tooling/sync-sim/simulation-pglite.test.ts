import { describe } from 'vitest';
import { backendExcluded, simulationCases } from './simulation-cases.ts';

describe.skipIf(backendExcluded('pglite'))(
  'sync simulation [pglite: the embedded server, restarted on its data]',
  () => {
    simulationCases('pglite');
  },
);

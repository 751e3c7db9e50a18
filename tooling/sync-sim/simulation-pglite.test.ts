import { describe } from 'vitest';
import { simulationCases } from './simulation-cases.ts';

describe('sync simulation [pglite: the embedded server, restarted on its data]', () => {
  simulationCases('pglite');
});

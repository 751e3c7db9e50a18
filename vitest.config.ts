import { defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './tooling/vitest/slow-first-sequencer.ts';

/**
 * Two projects: `unit` (pure logic, the Electron shell's modules without
 * Electron, the renderer's sync layer on fake-indexeddb, tooling) and `server`
 * (the team backend against PGlite, and Postgres when TEST_DATABASE_URL is set).
 */
export default defineConfig({
  test: {
    // A root option (projects cannot set their own): see tooling/vitest/slow-first-sequencer.ts.
    sequence: { sequencer: SlowestFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/**/*.test.ts',
            'tooling/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          exclude: ['tooling/sync-sim/**'],
          environment: 'node',
          // Both cores: the default leaves one idle on a 2-core machine, and these files share nothing.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'sync',
          include: ['tooling/sync-sim/**/*.test.ts'],
          environment: 'node',
          // Each run owns a database and five IndexedDB stores; two at a time suits 2 cores.
          maxWorkers: 2,
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          // Each file opens its own databases; two at a time suits a 2-core machine.
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

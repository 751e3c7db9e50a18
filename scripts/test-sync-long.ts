import { spawnSync } from 'node:child_process';

/**
 * `npm run test:sync:long`: the sync simulation at length, 30,000 operations per
 * seed by default (SIM_OPS, SIM_SEEDS, SIM_FIRST_SEED and SIM_BACKEND narrow or
 * widen it). Runs against Postgres too when TEST_DATABASE_URL is set.
 */
const env: Record<string, string | undefined> = {
  ...process.env,
  SIM_OPS: process.env.SIM_OPS ?? '30000',
  SIM_SEEDS: process.env.SIM_SEEDS ?? '3',
};
console.log(
  `Sync simulation: ${env.SIM_SEEDS} seed(s) × ${env.SIM_OPS} operations${env.SIM_BACKEND ? ` on ${env.SIM_BACKEND}` : ''}`,
);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'sync', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);

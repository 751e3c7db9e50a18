import { spawnSync } from 'node:child_process';

/**
 * Each layer has its own tsconfig (its own globals: no DOM in shared/ or
 * server/, no Node in the renderer), so each is checked on its own.
 */
const PROJECTS = [
  'shared',
  'server',
  'electron',
  'renderer',
  'renderer/service-worker',
  'tooling',
  'e2e',
  'bench',
  '.',
];

let failed = 0;
for (const project of PROJECTS) {
  const started = performance.now();
  const result = spawnSync('npx', ['tsc', '-p', project], { stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${result.status === 0 ? 'ok  ' : 'FAIL'} tsc -p ${project} (${seconds}s)`);
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);

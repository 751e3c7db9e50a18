import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Each layer has its own tsconfig (its own globals: no DOM in shared/ or
 * server/, no Node in the renderer), so each is checked on its own, as many
 * at a time as there are cores (each tsc is single-threaded). The biggest go
 * first so the last to finish is a small one.
 */
const PROJECTS = [
  'renderer',
  'server',
  'shared',
  'tooling',
  'e2e',
  'bench',
  'electron',
  'renderer/service-worker',
  '.',
];

function check(project: string): Promise<{ project: string; ok: boolean; seconds: string; output: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsc', '-p', project], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) =>
      resolve({ project, ok: code === 0, seconds: ((performance.now() - started) / 1000).toFixed(1), output }),
    );
  });
}

const queue = [...PROJECTS];
let failed = 0;
async function worker(): Promise<void> {
  for (let project = queue.shift(); project !== undefined; project = queue.shift()) {
    const result = await check(project);
    // Printed whole, after the project finished, so two projects' errors never interleave.
    if (result.output) process.stdout.write(result.output);
    console.log(`${result.ok ? 'ok  ' : 'FAIL'} tsc -p ${result.project} (${result.seconds}s)`);
    if (!result.ok) failed++;
  }
}
await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), 4)) }, () => worker()));
process.exit(failed === 0 ? 0 : 1);

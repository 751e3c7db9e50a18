import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { bootstrap } from './benchmarks/bootstrap.ts';
import { catchUp } from './benchmarks/catch-up.ts';
import { intake } from './benchmarks/intake.ts';
import { propagation } from './benchmarks/propagation.ts';
import { queueInteractions } from './benchmarks/queue-interactions.ts';
import { similarTickets } from './benchmarks/similar-tickets.ts';
import { ticketOpen } from './benchmarks/ticket-open.ts';
import { slaTimers } from './benchmarks/sla-timers.ts';
import { formatTable, writeResults } from './harness/report.ts';
import type { Benchmark, BenchmarkResult } from './harness/types.ts';

/** Every benchmark; later issues add theirs here. `npm run bench -- <name>` runs only matching ones. */
const BENCHMARKS: readonly Benchmark[] = [
  queueInteractions,
  ticketOpen,
  slaTimers,
  bootstrap,
  propagation,
  catchUp,
  intake,
  similarTickets,
];

/** Which code was measured: the commit, and files changed in the working tree since (benchmarks run uncommitted work too). */
function codeUnderTest(): { commit: string; changedFiles: string[] } | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: import.meta.dirname, encoding: 'utf8' }).trim();
    const changed = git('status', '--porcelain', '--', 'renderer', 'server', 'shared');
    return { commit: git('rev-parse', 'HEAD'), changedFiles: changed ? changed.split('\n') : [] };
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  // Read first: `npm run bench` built the web app just before, from this working tree.
  const code = codeUnderTest();
  const filter = process.argv.slice(2);
  const selected = BENCHMARKS.filter((b) => filter.length === 0 || filter.some((f) => b.name.includes(f)));
  if (selected.length === 0)
    throw new Error(`No benchmark matches ${filter.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);

  const results: BenchmarkResult[] = [];
  for (const benchmark of selected) {
    console.log(`▶ ${benchmark.name}: ${benchmark.description}`);
    const loadBefore = loadavg()[0] ?? 0;
    // Other work on the machine skews every figure (baselines taken in the same run soften it, not remove it).
    if (loadBefore > cpus().length)
      console.warn(`  ⚠ load average ${loadBefore.toFixed(1)} on ${cpus().length} cores: figures will be noisy`);
    const started = performance.now();
    const output = await benchmark.run();
    const { metrics, details } = Array.isArray(output) ? { metrics: output, details: undefined } : output;
    results.push({
      benchmark: benchmark.name,
      description: benchmark.description,
      metrics,
      details: { ...details, loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 } },
    });
    console.log(
      `  done in ${((performance.now() - started) / 1000).toFixed(1)} s (load average ${loadavg()[0]?.toFixed(1)})`,
    );
  }
  console.log(`\n${formatTable(results)}\n`);
  const file = await writeResults(resolve(import.meta.dirname, 'results'), results, { code });
  console.log(`Results written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

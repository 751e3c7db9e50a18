import { resolve } from 'node:path';
import { queueFirstPaint } from './benchmarks/queue-first-paint.ts';
import { formatTable, writeResults } from './harness/report.ts';
import type { Benchmark, BenchmarkResult } from './harness/types.ts';

/** Every benchmark; later issues add theirs here. `npm run bench -- <name>` runs only matching ones. */
const BENCHMARKS: readonly Benchmark[] = [queueFirstPaint];

async function main(): Promise<void> {
  const filter = process.argv.slice(2);
  const selected = BENCHMARKS.filter((b) => filter.length === 0 || filter.some((f) => b.name.includes(f)));
  if (selected.length === 0)
    throw new Error(`No benchmark matches ${filter.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);

  const results: BenchmarkResult[] = [];
  for (const benchmark of selected) {
    console.log(`▶ ${benchmark.name}: ${benchmark.description}`);
    const started = performance.now();
    results.push({ benchmark: benchmark.name, description: benchmark.description, metrics: await benchmark.run() });
    console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${formatTable(results)}\n`);
  const file = await writeResults(resolve(import.meta.dirname, 'results'), results, {});
  console.log(`Results written to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchmarkResult } from './types.ts';

export function formatTable(results: readonly BenchmarkResult[]): string {
  const rows = results.flatMap((result) =>
    result.metrics.map((metric) => [
      result.benchmark,
      metric.name,
      `${metric.value} ${metric.unit}`,
      metric.note ?? '',
    ]),
  );
  const header = ['benchmark', 'metric', 'value', 'note'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** Writes `bench/results/<timestamp>.json` and `latest.json`; returns the timestamped path. */
export async function writeResults(
  dir: string,
  results: readonly BenchmarkResult[],
  extra: Record<string, unknown>,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const at = new Date().toISOString();
  const document = {
    at,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, ...extra },
    results,
  };
  const file = join(dir, `${at.replaceAll(':', '-')}.json`);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  await writeFile(file, text);
  await writeFile(join(dir, 'latest.json'), text);
  return file;
}

/** Benchmark settings from the environment; an empty value counts as unset (as everywhere in Shiftdesk). */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not "${raw}"`);
  return value;
}

/** A comma-separated list of numbers, e.g. `BENCH_BOOTSTRAP_SIZES=10000,100000`. */
export function envNumbers(name: string, fallback: readonly number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return [...fallback];
  const values = raw.split(',').map((part) => Number(part.trim().replaceAll('_', '')));
  if (values.some((value) => !Number.isInteger(value) || value <= 0))
    throw new Error(`${name} must be a comma-separated list of positive whole numbers, not "${raw}"`);
  return values;
}

/** `10k`, `100k`, `2.5k`: sizes in metric names. */
export function shortCount(count: number): string {
  return count >= 1_000 ? `${count / 1_000}k` : String(count);
}

/** One measured figure. `lowerIsBetter` tells readers (and later, regression checks) which way is good. */
export interface Metric {
  name: string;
  value: number;
  unit: 'ms' | 'x' | 'rows' | 'rows/s' | 'requests/s' | 'tickets/s' | 'changes' | 'changes/s' | 'count' | 'MB';
  lowerIsBetter?: boolean;
  /** What the figure is compared with, when it is a ratio. */
  note?: string;
}

export interface BenchmarkResult {
  benchmark: string;
  description: string;
  metrics: Metric[];
  /** Raw samples and breakdowns behind the metrics, kept in the JSON only. */
  details?: Record<string, unknown>;
}

/** What a benchmark returns: its metrics, and optionally the raw material behind them. */
export interface BenchmarkOutput {
  metrics: Metric[];
  details?: Record<string, unknown>;
}

/**
 * A benchmark measures the product next to a baseline taken in the same run
 * (the same machine, the same moment), so its ratios mean something on any box.
 */
export interface Benchmark {
  name: string;
  description: string;
  run: () => Promise<Metric[] | BenchmarkOutput>;
}

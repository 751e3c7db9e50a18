/** Deterministic, so runs compare: a small linear congruential generator. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

/** One of `weighted`'s values, each as likely as its weight. */
export function pick<T>(next: () => number, weighted: readonly (readonly [T, number])[]): T {
  let roll = next() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of weighted) if ((roll -= weight) < 0) return value;
  return weighted[weighted.length - 1]![0];
}

/**
 * The last `limit` of a history in order (oldest first), and how many earlier
 * entries were left out. A limit of Infinity shows everything.
 */
export function recentHistory<T>(events: readonly T[], limit: number): { shown: readonly T[]; hidden: number } {
  const hidden = Math.max(0, events.length - limit);
  return { shown: hidden === 0 ? events : events.slice(hidden), hidden };
}

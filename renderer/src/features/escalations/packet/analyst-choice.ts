import type { AnalystLoad } from '#shared/escalation/pacing';

/** Who takes packets: analysts, and leads who cover for them. */
export const TAKES_PACKETS: ReadonlySet<string> = new Set(['analyst', 'lead']);

export interface AnalystOption {
  /** '' is "any analyst" (analystId null). */
  value: string;
  label: string;
}

/** "Priya Shah · 2 open (1 waiting on an agent)", least loaded first, "Any analyst" last. */
export function analystOptions(loads: readonly AnalystLoad[], nameOf: (id: string) => string): AnalystOption[] {
  const load = (entry: AnalystLoad | undefined) => {
    if (!entry) return '0 open';
    const waiting = entry.waitingOnAgent > 0 ? ` (${entry.waitingOnAgent} waiting on an agent)` : '';
    return `${entry.open} open${waiting}`;
  };
  const named = loads
    .filter((entry) => entry.analystId !== null)
    .map((entry) => ({ value: entry.analystId!, label: `${nameOf(entry.analystId!)} · ${load(entry)}` }));
  const anyone = loads.find((entry) => entry.analystId === null);
  return [...named, { value: '', label: `Any analyst · ${load(anyone)} unassigned` }];
}

/** The least-loaded analyst (loads come least loaded first), else anyone. */
export function defaultAnalyst(loads: readonly AnalystLoad[]): string | null {
  return loads.find((entry) => entry.analystId !== null)?.analystId ?? null;
}

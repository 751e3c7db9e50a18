import { can } from '#shared/domain/permissions';
import type { Role } from '#shared/domain/roles';
import type { AnalystLoad } from '#shared/escalation/pacing';

/** Who takes packets: whoever the role table lets work escalations (analysts, and leads and admins covering). */
export function takesPackets(role: Role): boolean {
  return can(role, 'escalations.work');
}

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

/**
 * The analyst to suggest: the least loaded of those on shift now (loads come
 * least loaded first). When the team is on shift but no analyst is, "any
 * analyst" (not someone at home with an empty queue); when nobody is on shift
 * at all (a team that does not use shifts), the least loaded of all.
 */
export function defaultAnalyst(loads: readonly AnalystLoad[], onShift: ReadonlySet<string>): string | null {
  const named = loads.filter((entry) => entry.analystId !== null);
  const present = named.find((entry) => onShift.has(entry.analystId!));
  if (present) return present.analystId;
  return onShift.size > 0 ? null : (named[0]?.analystId ?? null);
}

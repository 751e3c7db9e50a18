import type { Escalation, EscalationRegression } from '#shared/domain/escalation';
import { type SimilarMatch, similarRegression } from '#shared/escalation/regression-watch';
import type { Ticket } from '#shared/domain/ticket';

/** Only tickets this recent are compared: a device catches up on a day, not on every ticket since the fix. */
export const WATCH_LOOKBACK_MS = 24 * 60 * 60 * 1000;

type Watchable = Pick<Escalation, 'id' | 'status' | 'resolution' | 'ticketIds' | 'regressions'>;

export interface Watched {
  escalation: Watchable;
  /** Tickets created from here on are compared with it: after the fix, and within the last 24 h. */
  from: number;
}

/** The fixed escalations under watch, each with the moment new tickets count from. */
export function watchedEscalations(escalations: readonly Watchable[], now: number): Watched[] {
  return escalations.flatMap((escalation) =>
    escalation.status === 'fixed' && escalation.resolution?.outcome === 'fixed'
      ? [{ escalation, from: Math.max(escalation.resolution.at, now - WATCH_LOOKBACK_MS) }]
      : [],
  );
}

/** The earliest moment any watch starts (where a scan of recent tickets begins); null: nothing watched. */
export function earliestWatch(watched: readonly Watched[]): number | null {
  return watched.length === 0 ? null : Math.min(...watched.map((entry) => entry.from));
}

/** A ticket worth asking the similarity index about: new since some watched fix, and not asked about yet. */
export function worthChecking(
  ticket: Pick<Ticket, 'id' | 'createdAt' | 'mergedInto'>,
  watched: readonly Watched[],
  checked: ReadonlySet<string>,
): boolean {
  if (checked.has(ticket.id) || ticket.mergedInto) return false;
  return watched.some((entry) => ticket.createdAt >= entry.from);
}

/** The flags a ticket raises: one per watched escalation its best match belongs to (similarRegression decides). */
export function regressionFlags(
  ticket: Pick<Ticket, 'id' | 'createdAt'>,
  matches: readonly SimilarMatch[],
  watched: readonly Watched[],
  at: number,
): { escalationId: string; regression: EscalationRegression }[] {
  return watched.flatMap(({ escalation, from }) => {
    if (ticket.createdAt < from) return [];
    const regression = similarRegression(escalation, ticket, matches, at);
    return regression ? [{ escalationId: escalation.id, regression }] : [];
  });
}

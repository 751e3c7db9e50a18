/** The prefix of the local dismissals that remember which look-alike tickets a "not now" covered. */
export const FLOOD_SEEN_PREFIX = 'flood-seen:';

/** New look-alikes that bring a dismissed flood back: at least this many… */
const RETURN_AFTER_NEW = 10;
/** …and at least this share of those already dismissed (a flood of 200 comes back after 100 more). */
const RETURN_AFTER_SHARE = 0.5;

/**
 * Whether a flood the agent said "not now" to stays hidden: until enough new
 * look-alike tickets arrive to make it a different situation. A flood that
 * keeps trickling in does not nag; one that doubles does come back. A cluster
 * nobody dismissed is shown.
 */
export function floodStaysHidden(clusterIds: readonly string[], seen: ReadonlySet<string>): boolean {
  const dismissed = clusterIds.filter((id) => seen.has(id)).length;
  if (dismissed === 0) return false;
  const fresh = clusterIds.length - dismissed;
  return fresh < Math.max(RETURN_AFTER_NEW, dismissed * RETURN_AFTER_SHARE);
}

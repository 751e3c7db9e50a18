const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "12m", "5h", "3d": how long something has waited, at a glance. */
export function formatAge(since: number, now: number): string {
  const elapsed = Math.max(0, now - since);
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)}m`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)}h`;
  return `${Math.floor(elapsed / DAY)}d`;
}

/** "just now" or "12m ago": when something last happened. */
export function formatSince(at: number, now: number): string {
  const age = formatAge(at, now);
  return age === 'just now' ? age : `${age} ago`;
}

// One formatter for the app: building one per call cost a second on a ticket with a long history.
const TIMESTAMP = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatTimestamp(at: number): string {
  return TIMESTAMP.format(at);
}

const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "1:59 PM": when today's snapshot was taken. */
export function formatTime(at: number): string {
  return TIME.format(at);
}

export { CHANNEL_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '#shared/domain/labels';

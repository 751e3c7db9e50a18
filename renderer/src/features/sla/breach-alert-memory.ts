import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';

const ALERT_PREFIX = 'sla-alert:';
/** Alerts older than this are forgotten: their deadline is long past, so they cannot fire again anyway. */
const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
/** The agent said "Not now" to turning alerts on: the prompt stays away on this device. */
export const ALERTS_PROMPT_DISMISSAL = 'sla-alerts-prompt';

/**
 * Which breach alerts this device has shown, kept in the local `dismissals`
 * table so a reload does not repeat them; old ones are dropped on the way.
 */
export async function loadAlerted(db: ShiftdeskDb, now: number): Promise<Set<string>> {
  const rows = await db.local.dismissals.where(':id').startsWith(ALERT_PREFIX).toArray();
  const stale = rows.filter((row) => now - row.dismissedAt > KEEP_MS).map((row) => row.id);
  if (stale.length > 0) await db.local.dismissals.bulkDelete(stale);
  return new Set(rows.filter((row) => now - row.dismissedAt <= KEEP_MS).map((row) => row.id));
}

export async function rememberAlerted(db: ShiftdeskDb, keys: readonly string[], now: number): Promise<void> {
  await db.local.dismissals.bulkPut(keys.map((id) => ({ id, dismissedAt: now })));
}

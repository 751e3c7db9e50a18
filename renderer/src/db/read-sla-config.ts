import { DEFAULT_TIME_ZONE } from '#shared/domain/time-zone';
import { SLA_CONFIG_ID, type SlaConfig, defaultSlaConfig } from '#shared/domain/sla-config';
import type { ShiftdeskDb } from './shiftdesk-db.ts';

/**
 * The team's SLA config: the synced row once a lead has saved one, until then
 * the starter policies on the team's time zone. Same answer on every device.
 * Apart from the hook so the query layer can read it without React.
 */
export async function readSlaConfig(db: ShiftdeskDb): Promise<SlaConfig> {
  const saved = await db.rows('slaConfig').get(SLA_CONFIG_ID);
  if (saved) return saved;
  const settings = await db.rows('settings').get('settings');
  return defaultSlaConfig(0, settings?.timeZone ?? DEFAULT_TIME_ZONE);
}

/** Whether the team still runs on the starter policies (nobody has saved any). */
export async function usesStarterSla(db: ShiftdeskDb): Promise<boolean> {
  return (await db.rows('slaConfig').get(SLA_CONFIG_ID)) === undefined;
}

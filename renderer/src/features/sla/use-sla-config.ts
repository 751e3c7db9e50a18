import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_TIME_ZONE } from '#shared/domain/time-zone';
import { SLA_CONFIG_ID, type SlaConfig, defaultSlaConfig } from '#shared/domain/sla-config';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { useWorkspace } from '../../app/workspace-context.tsx';

/**
 * The team's SLA config: the synced row once a lead has saved one, until then
 * the starter policies on the team's time zone. Same answer on every device.
 */
export async function readSlaConfig(db: ShiftdeskDb): Promise<SlaConfig> {
  const saved = await db.rows('slaConfig').get(SLA_CONFIG_ID);
  if (saved) return saved;
  const settings = await db.rows('settings').get('settings');
  return defaultSlaConfig(0, settings?.timeZone ?? DEFAULT_TIME_ZONE);
}

/** Live; undefined while it loads. */
export function useSlaConfig(): SlaConfig | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => readSlaConfig(db), [db]);
}

import { SLA_CONFIG_ID, type SlaConfig, defaultSlaConfig } from '../../../domain/sla-config.ts';
import { DEFAULT_TIME_ZONE } from '../../../domain/time-zone.ts';
import { WORKSPACE_SETTINGS_ID } from '../../../domain/workspace-settings.ts';
import type { MutatorTx } from '../../mutator.ts';

/**
 * The team's SLA config as a mutator reads it: the saved row, or until a lead
 * saves one the starter policies on the team's time zone, the same answer the
 * devices' screens give (renderer/src/db/read-sla-config.ts).
 */
export async function teamSlaConfig(tx: MutatorTx): Promise<SlaConfig> {
  const saved = await tx.get('slaConfig', SLA_CONFIG_ID);
  if (saved) return saved;
  const settings = await tx.get('settings', WORKSPACE_SETTINGS_ID);
  return defaultSlaConfig(0, settings?.timeZone ?? DEFAULT_TIME_ZONE);
}

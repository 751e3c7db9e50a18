import { updateSlaConfig } from './update-sla-config.ts';

/** The team's SLA policies and business calendar. */
export const slaMutators = { updateSlaConfig };

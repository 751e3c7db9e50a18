import type { AuditActor } from '../audit.ts';

/** The command line acts as nobody in particular: its audit entries have no user, key or address. */
export const CLI_ACTOR: AuditActor = { userId: null, apiKeyId: null, ip: null };

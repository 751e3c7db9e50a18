import { z } from 'zod';
import { ApiKeyId, EpochMs, UserId } from '../domain/ids.ts';

/**
 * What an API key may do. Keys are for systems (a web form, monitoring, the
 * email gateway), so scopes name integrations, not roles.
 */
export const API_KEY_SCOPES = ['intake', 'audit.read'] as const;
export const ApiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  intake: 'Create tickets and add customer messages (intake API)',
  'audit.read': 'Read the audit log',
};

export const ApiKeySummary = z.object({
  id: ApiKeyId,
  name: z.string(),
  scopes: z.array(ApiKeyScope),
  /** The first characters of the secret, so people can tell keys apart without seeing them. */
  prefix: z.string(),
  createdAt: EpochMs,
  createdBy: UserId.nullable(),
  lastUsedAt: EpochMs.nullable(),
  revokedAt: EpochMs.nullable(),
  /** Requests per minute this key may make to the intake API. */
  ratePerMinute: z.number().int().positive(),
});
export type ApiKeySummary = z.infer<typeof ApiKeySummary>;

export const ApiKeyList = z.object({ keys: z.array(ApiKeySummary) });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

export const CreateApiKeyRequest = z.object({
  name: z.string().trim().min(1, 'give the key a name').max(100),
  scopes: z.array(ApiKeyScope).min(1, 'choose at least one scope').max(API_KEY_SCOPES.length),
  ratePerMinute: z.number().int().min(1).max(10_000).optional(),
});
export type CreateApiKeyRequest = z.input<typeof CreateApiKeyRequest>;

/** The secret appears in this answer only; the server keeps a hash. */
export const CreatedApiKey = z.object({ key: ApiKeySummary, secret: z.string().min(32).max(200) });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const ApiKeyParams = z.object({ id: ApiKeyId });

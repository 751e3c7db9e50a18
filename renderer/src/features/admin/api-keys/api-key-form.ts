import type { ApiKeyScope, CreateApiKeyRequest } from '#shared/api/api-keys';
import type { FieldProblems } from '../../../ui/field-problems.ts';

export interface ApiKeyDraft {
  name: string;
  scopes: readonly ApiKeyScope[];
  /** As typed; empty means the server's default rate. */
  ratePerMinute: string;
}

export type ApiKeyField = 'name' | 'scopes' | 'ratePerMinute';

export const MAX_RATE_PER_MINUTE = 10_000;

/** The request for "Create API key", or what to fix, field by field. */
export function apiKeyRequest(
  draft: ApiKeyDraft,
): { ok: true; request: CreateApiKeyRequest } | { ok: false; problems: FieldProblems<ApiKeyField> } {
  const problems: FieldProblems<ApiKeyField> = {};
  const name = draft.name.trim();
  if (name.length === 0) problems.name = 'Give the key a name that says where it is used, such as “Website form”.';
  if (name.length > 100) problems.name = 'Use at most 100 characters.';
  if (draft.scopes.length === 0) problems.scopes = 'Choose at least one thing the key may do.';
  const rateText = draft.ratePerMinute.trim();
  const rate = rateText === '' ? undefined : Number(rateText);
  if (rate !== undefined && (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_PER_MINUTE)) {
    problems.ratePerMinute = `Enter a whole number from 1 to ${MAX_RATE_PER_MINUTE.toLocaleString('en')}, or leave it empty.`;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    request: { name, scopes: [...draft.scopes], ...(rate === undefined ? {} : { ratePerMinute: rate }) },
  };
}

import { describe, expect, it } from 'vitest';
import { type ApiKeyDraft, apiKeyRequest } from './api-key-form.ts';

describe('new API key form', () => {
  const draft: ApiKeyDraft = { name: ' Website form ', scopes: ['intake'], ratePerMinute: '' };

  it.each([
    [draft, { name: 'Website form', scopes: ['intake'] }],
    [
      { ...draft, ratePerMinute: ' 120 ' },
      { name: 'Website form', scopes: ['intake'], ratePerMinute: 120 },
    ],
    [
      { ...draft, scopes: ['intake', 'audit.read'] },
      { name: 'Website form', scopes: ['intake', 'audit.read'] },
    ],
  ] as const)('accepts %j', (given, request) => {
    expect(apiKeyRequest(given)).toEqual({ ok: true, request });
  });

  it.each([
    [{ name: '  ' }, ['name']],
    [{ name: 'x'.repeat(101) }, ['name']],
    [{ scopes: [] }, ['scopes']],
    [{ ratePerMinute: '0' }, ['ratePerMinute']],
    [{ ratePerMinute: '1.5' }, ['ratePerMinute']],
    [{ ratePerMinute: '10001' }, ['ratePerMinute']],
    [{ ratePerMinute: 'fast' }, ['ratePerMinute']],
    [{ name: '', scopes: [], ratePerMinute: '-1' }, ['name', 'scopes', 'ratePerMinute']],
  ] as const)('refuses %j', (change, fields) => {
    const result = apiKeyRequest({ ...draft, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toEqual(fields);
  });
});

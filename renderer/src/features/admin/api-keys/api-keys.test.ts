import { describe, expect, it } from 'vitest';
import { type ApiKeyDraft, apiKeyRequest } from './api-key-form.ts';
import { intakeCurlExample } from './intake-example.ts';

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

describe('intake curl example', () => {
  it('posts to the intake route of this server with the key as a bearer token', () => {
    const example = intakeCurlExample('http://127.0.0.1:4000/', 'sdk_secret');
    expect(example).toContain(`curl -X POST 'http://127.0.0.1:4000/api/v1/intake/tickets'`);
    expect(example).toContain(`-H 'Authorization: Bearer sdk_secret'`);
    expect(example).toContain('Idempotency-Key');
    expect(example.split(' \\\n')).toHaveLength(5);
  });

  it('quotes anything for the shell', () => {
    expect(intakeCurlExample("http://it's.example", 'k')).toContain(`'http://it'\\''s.example/api/v1/intake/tickets'`);
  });

  it('sends a body the intake route accepts', () => {
    const body = /-d '(.*)'$/.exec(intakeCurlExample('http://x', 'k'))?.[1];
    expect(JSON.parse(body ?? '')).toMatchObject({
      subject: expect.any(String),
      requester: { email: expect.any(String) },
    });
  });
});

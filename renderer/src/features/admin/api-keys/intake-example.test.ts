import { describe, expect, it } from 'vitest';
import { IntakeTicketRequest } from '#shared/api/intake';
import { intakeCurlExample } from './intake-example.ts';

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
    expect(IntakeTicketRequest.safeParse(JSON.parse(body ?? '')).success).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { OWASP_SCRYPT, hashPassword, verifyPassword } from './passwords.ts';

describe('password storage', () => {
  it('uses the OWASP scrypt parameters by default, with a random salt', async () => {
    const first = await hashPassword('correct horse');
    const second = await hashPassword('correct horse');
    expect(OWASP_SCRYPT).toEqual({ N: 131_072, r: 8, p: 1 });
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(first).not.toBe(second);
  });

  it('verifies the right password and refuses others', async () => {
    const stored = await hashPassword('night owl rota', { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword('night owl rota', stored)).toBe(true);
    expect(await verifyPassword('night owl rotA', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it.each([['plain-text'], ['scrypt$1$2'], ['bcrypt$x$y$z$a$b'], ['']])(
    'refuses a malformed stored hash %j',
    async (stored) => {
      expect(await verifyPassword('anything', stored)).toBe(false);
    },
  );
});

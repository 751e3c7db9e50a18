import { randomBytes } from 'node:crypto';
import { newPasswordProblem } from '../auth/new-password-policy.ts';
import { OWASP_SCRYPT, type ScryptParams, hashPassword } from '../auth/passwords.ts';
import { AccountError } from './account-errors.ts';

/** 144 random bits, URL-safe: shown once to an admin, who passes it on to the person. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The stored hash of a password someone chose (checked against the policy) or
 * of a generated one when they chose none; `generated` is returned once, never stored.
 */
export async function hashNewPassword(
  chosen: string | undefined,
  email: string,
  params: ScryptParams = OWASP_SCRYPT,
): Promise<{ hash: string; generated: string | null }> {
  if (chosen !== undefined) {
    const problem = newPasswordProblem(chosen, { email });
    if (problem) throw new AccountError('weak_password', problem);
  }
  const password = chosen ?? generatePassword();
  return { hash: await hashPassword(password, params), generated: chosen === undefined ? password : null };
}

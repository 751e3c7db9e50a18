import { z } from 'zod';
import type { CreateAccountRequest } from '#shared/api/accounts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordShapeProblem } from '#shared/domain/password-policy';
import type { Role } from '#shared/domain/roles';
import type { Failure } from '../../../http/failure.ts';

/** The password rules in words, shown beside every password field (the server checks the same ones). */
export const PASSWORD_RULES = `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; any characters, spaces and emoji included; no other rules. Common passwords are refused.`;

export type PasswordMode = 'generate' | 'set';

export interface NewAccountDraft {
  email: string;
  name: string;
  role: Role;
  passwordMode: PasswordMode;
  password: string;
}

export type AccountField = 'email' | 'name' | 'password';
export type FieldProblems<F extends string> = Partial<Record<F, string>>;

const Email = z.email();

/** The password part of a request: omitted to have the server generate one. */
export function passwordChoice(
  mode: PasswordMode,
  password: string,
): { ok: true; password: string | undefined } | { ok: false; problem: string } {
  if (mode === 'generate') return { ok: true, password: undefined };
  const problem = passwordShapeProblem(password);
  return problem ? { ok: false, problem } : { ok: true, password };
}

/** The request for "Add user", or what to fix first, field by field. */
export function newAccountRequest(
  draft: NewAccountDraft,
): { ok: true; request: CreateAccountRequest } | { ok: false; problems: FieldProblems<AccountField> } {
  const problems: FieldProblems<AccountField> = {};
  const email = draft.email.trim();
  const name = draft.name.trim();
  if (!Email.safeParse(email).success) problems.email = 'Enter an email address, such as riley@example.com.';
  if (name.length === 0) problems.name = 'Enter the name teammates will see.';
  const password = passwordChoice(draft.passwordMode, draft.password);
  if (!password.ok) problems.password = password.problem;
  if (Object.keys(problems).length > 0 || !password.ok) return { ok: false, problems };
  return {
    ok: true,
    request: {
      email,
      name,
      role: draft.role,
      ...(password.password === undefined ? {} : { password: password.password }),
    },
  };
}

/**
 * Which field a refusal belongs next to: a weak or common password, or an
 * email another account already has. Anything else is about the whole form.
 */
export function fieldOfFailure(failure: Failure): AccountField | null {
  if (failure.code === 'weak_password' || failure.code === 'common_password') return 'password';
  if (failure.status === 409 || failure.code === 'email_taken' || failure.code === 'duplicate_email') return 'email';
  return null;
}

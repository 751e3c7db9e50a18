import type { CreateAccountRequest } from '#shared/api/accounts';
import { EmailAddress } from '#shared/domain/email';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordShapeProblem } from '#shared/domain/password-policy';
import type { Role } from '#shared/domain/roles';
import type { Failure } from '../../../http/failure.ts';
import type { FieldProblems } from '../../../ui/field-problems.ts';

/** The password rules in words, shown beside every password field (the server checks the same ones). */
export const PASSWORD_RULES = `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, any characters (spaces and emoji too), no other composition rules. The server refuses the most common passwords and ones built from the email's name or the word “shiftdesk”.`;

export type PasswordMode = 'generate' | 'set';

export interface NewAccountDraft {
  email: string;
  name: string;
  role: Role;
  passwordMode: PasswordMode;
  password: string;
}

export type AccountField = 'email' | 'name' | 'password';

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
  const email = EmailAddress.safeParse(draft.email);
  const name = draft.name.trim();
  if (!email.success) problems.email = 'Enter an email address, such as riley@example.com.';
  if (name.length === 0) problems.name = 'Enter the name teammates will see.';
  const password = passwordChoice(draft.passwordMode, draft.password);
  if (!password.ok) problems.password = password.problem;
  if (Object.keys(problems).length > 0 || !password.ok || !email.success) return { ok: false, problems };
  return {
    ok: true,
    request: {
      email: email.data,
      name,
      role: draft.role,
      ...(password.password === undefined ? {} : { password: password.password }),
    },
  };
}

/**
 * Which field a refusal belongs next to (codes from server/accounts/account-errors.ts):
 * a weak or common password, or an email another account already has. Anything
 * else (the last admin, a server error) is about the whole form.
 */
export function fieldOfFailure(failure: Failure): AccountField | null {
  if (failure.code === 'weak_password') return 'password';
  if (failure.code === 'email_taken') return 'email';
  return null;
}

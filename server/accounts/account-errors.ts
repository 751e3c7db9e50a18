import { HttpError } from '../http/errors.ts';

/** Why an account or key operation was refused; the HTTP status is chosen by the route layer. */
export const ACCOUNT_ERROR_STATUS = {
  weak_password: 400,
  wrong_password: 400,
  not_found: 404,
  email_taken: 409,
  last_admin: 409,
} as const;
export type AccountErrorCode = keyof typeof ACCOUNT_ERROR_STATUS;

/**
 * A refusal from the account operations (createAccount, updateAccount, …).
 * They are plain functions over the database, called by HTTP handlers and the
 * server's command line alike, so they say what went wrong, not how to answer.
 */
export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    readonly code: AccountErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Rethrows an AccountError as the HTTP answer it stands for; anything else as it is. */
export function accountErrorToHttp(error: unknown): never {
  if (error instanceof AccountError) throw new HttpError(ACCOUNT_ERROR_STATUS[error.code], error.code, error.message);
  throw error;
}

import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../domain/password-policy.ts';
import { EmailAddress } from '../domain/email.ts';
import { EpochMs, UserId } from '../domain/ids.ts';
import { Role } from '../domain/roles.ts';

/** Passwords are checked for shape and commonness by the server; the wire only bounds them. */
const NewPassword = z
  .string()
  .min(1)
  .max(PASSWORD_MAX_LENGTH * 4);

/** A team member as the admin screen sees them. */
export const AccountSummary = z.object({
  id: UserId,
  email: z.email(),
  name: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: EpochMs,
  lastLoginAt: EpochMs.nullable(),
  /** Open sessions (devices signed in). */
  activeSessions: z.number().int().nonnegative(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AccountList = z.object({ users: z.array(AccountSummary) });
export type AccountList = z.infer<typeof AccountList>;

export const CreateAccountRequest = z.object({
  email: EmailAddress,
  name: z.string().trim().min(1, 'enter a name').max(200),
  role: Role,
  /** Omitted: the server generates one and returns it once. */
  password: NewPassword.optional(),
});
export type CreateAccountRequest = z.input<typeof CreateAccountRequest>;

/** The initial password is returned only when the server generated it. */
export const CreatedAccount = z.object({ user: AccountSummary, generatedPassword: z.string().nullable() });
export type CreatedAccount = z.infer<typeof CreatedAccount>;

export const UpdateAccountRequest = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: Role.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), 'change at least one field');
export type UpdateAccountRequest = z.input<typeof UpdateAccountRequest>;

export const ResetPasswordRequest = z.object({ password: NewPassword.optional() });
export const ResetPasswordResponse = z.object({ generatedPassword: z.string().nullable() });

export const ChangePasswordRequest = z.object({
  currentPassword: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
  newPassword: NewPassword,
});
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequest>;

export const AccountParams = z.object({ id: UserId });

/** Leads see the team and who is on shift right now (connected). */
export const TeamMember = z.object({
  id: UserId,
  name: z.string(),
  email: z.email(),
  role: Role,
  disabled: z.boolean(),
  onShift: z.boolean(),
});
export const TeamResponse = z.object({ members: z.array(TeamMember) });
export type TeamResponse = z.infer<typeof TeamResponse>;

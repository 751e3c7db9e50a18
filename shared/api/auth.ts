import { z } from 'zod';
import { EmailAddress } from '../domain/email.ts';
import { EpochMs, UserId, WorkspaceId } from '../domain/ids.ts';
import { Role } from '../domain/roles.ts';

export const LoginRequest = z.object({
  email: EmailAddress,
  password: z.string().min(1).max(1000),
});
export type LoginRequest = z.input<typeof LoginRequest>;

export const SessionUser = z.object({
  id: UserId,
  workspaceId: WorkspaceId,
  email: z.email(),
  name: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({
  token: z.string().min(32).max(200),
  expiresAt: EpochMs,
  user: SessionUser,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

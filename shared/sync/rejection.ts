import { z } from 'zod';
import { ClientId, EpochMs } from '../domain/ids.ts';

export const REJECTION_CODES = ['not_found', 'forbidden', 'invalid', 'unknown_mutation', 'conflict'] as const;
export const RejectionCode = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof RejectionCode>;

/** The record a refused change was about, so the agent can see what it looks like now. */
export const RejectionSubject = z.object({
  entity: z.string().max(60),
  id: z.string().min(1).max(200),
});
export type RejectionSubject = z.infer<typeof RejectionSubject>;

/** A one-click way forward: another change the agent may make instead. */
export const Resolution = z.object({
  label: z.string().min(1).max(80),
  mutation: z.object({ name: z.string().min(1).max(100), args: z.unknown() }),
});
export type Resolution = z.infer<typeof Resolution>;

/**
 * A mutation the server refused for good. It still advanced the client's
 * lastMutationId (so the outbox moves on), and this record tells the agent why
 * their change was undone, what it was about, and what they can do instead.
 */
export const MutationRejection = z.object({
  id: z.string().min(1).max(200),
  clientId: ClientId,
  mutationId: z.number().int().positive(),
  name: z.string().max(100),
  code: RejectionCode,
  message: z.string().max(1000),
  at: EpochMs,
  subject: RejectionSubject.nullable(),
  resolutions: z.array(Resolution).max(3),
});
export type MutationRejection = z.infer<typeof MutationRejection>;

export function rejectionId(clientId: string, mutationId: number): string {
  return `${clientId}:${mutationId}`;
}

/** Thrown by a mutator when the change must not happen; never retried. */
export class MutationRejected extends Error {
  readonly subject: RejectionSubject | null;
  readonly resolutions: Resolution[];

  constructor(
    readonly code: RejectionCode,
    message: string,
    details: { subject?: RejectionSubject; resolutions?: Resolution[] } = {},
  ) {
    super(message);
    this.name = 'MutationRejected';
    this.subject = details.subject ?? null;
    this.resolutions = details.resolutions ?? [];
  }
}

import { z } from 'zod';
import { ClientId, EpochMs } from '../domain/ids.ts';

export const REJECTION_CODES = ['not_found', 'forbidden', 'invalid', 'unknown_mutation'] as const;
export const RejectionCode = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof RejectionCode>;

/**
 * A mutation the server refused for good. It still advanced the client's
 * lastMutationId (so the outbox moves on), and this record tells the agent why
 * their change was undone.
 */
export const MutationRejection = z.object({
  id: z.string().min(1).max(200),
  clientId: ClientId,
  mutationId: z.number().int().positive(),
  name: z.string().max(100),
  code: RejectionCode,
  message: z.string().max(1000),
  at: EpochMs,
});
export type MutationRejection = z.infer<typeof MutationRejection>;

export function rejectionId(clientId: string, mutationId: number): string {
  return `${clientId}:${mutationId}`;
}

/** Thrown by a mutator when the change must not happen; never retried. */
export class MutationRejected extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'MutationRejected';
  }
}

import type { MutationRejection } from '#shared/sync/rejection';
import { rejectionId } from '#shared/sync/rejection';

/** A stored refusal, as the database returns it. */
export interface RejectionRecord {
  client_id: string;
  mutation_id: number;
  name: string;
  code: string;
  message: string;
  rejected_at: number;
  subject: unknown;
  resolutions: unknown;
}

export const REJECTION_COLUMNS = 'client_id, mutation_id, name, code, message, rejected_at, subject, resolutions';

/** The refusal as the protocol carries it (validated on the receiving side). */
export function rejectionFromRecord(record: RejectionRecord): MutationRejection {
  return {
    id: rejectionId(record.client_id, record.mutation_id),
    clientId: record.client_id,
    mutationId: record.mutation_id,
    name: record.name,
    code: record.code,
    message: record.message,
    at: record.rejected_at,
    subject: record.subject ?? null,
    resolutions: record.resolutions ?? [],
  } as MutationRejection;
}

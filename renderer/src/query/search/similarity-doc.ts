import type { TicketId } from '#shared/domain/ids';
import type { Ticket } from '#shared/domain/ticket';
import type { SimilarityDoc } from '#shared/similarity/similarity-index';

/**
 * The similarity index's view of a ticket row. A ticket merged into another
 * is never suggested; rows carry that as `mergedInto` once merging exists, so
 * it is read without depending on the field's type (absent, null or '' means
 * not merged).
 */
export function similarityDoc(row: Pick<Ticket, 'id' | 'subject' | 'body' | 'createdAt'>): SimilarityDoc<TicketId> {
  return {
    id: row.id,
    subject: row.subject,
    body: row.body,
    createdAt: row.createdAt,
    excluded: 'mergedInto' in row && Boolean(row.mergedInto),
  };
}

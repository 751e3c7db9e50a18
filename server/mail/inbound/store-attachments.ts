import { AttachmentId } from '#shared/domain/ids';
import type { MessageAttachment } from '#shared/domain/message';
import type { Sql } from '../../db/database.ts';
import { newId } from '../../db/new-id.ts';
import type { InboundAttachment } from './inbound-mail.ts';

/**
 * Keeps a mail's files (those within the size limit) and returns their
 * descriptions for the message. Files over the limit are described with
 * `stored: false`: the agent sees they exist, and the original stays in the mailbox.
 */
export async function storeAttachments(
  tx: Sql,
  workspaceId: string,
  owner: { ticketId: string; messageId: string | null },
  files: readonly InboundAttachment[],
  now: number,
): Promise<MessageAttachment[]> {
  const described: MessageAttachment[] = [];
  for (const file of files) {
    const id = AttachmentId.parse(newId('att_'));
    await tx.query(
      `insert into attachments (workspace_id, id, ticket_id, message_id, filename, content_type, size, data, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [workspaceId, id, owner.ticketId, owner.messageId, file.filename, file.contentType, file.size, file.content, now],
    );
    described.push({
      id,
      filename: file.filename,
      contentType: file.contentType,
      size: file.size,
      stored: file.content !== null,
    });
  }
  return described;
}

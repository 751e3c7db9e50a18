import type { FastifyReply } from 'fastify';
import type { Database } from '../db/database.ts';
import { HttpError } from '../http/errors.ts';

/** RFC 5987: a UTF-8 file name any browser reads, and an ASCII fallback for old ones. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * A customer's file, only ever as a download: served as opaque bytes with
 * `nosniff`, and a CSP sandbox in case anything opens it in a tab anyway,
 * so an HTML or SVG attachment can never run in the app's origin.
 */
export async function downloadAttachment(
  db: Database,
  workspaceId: string,
  id: string,
): Promise<{ send: (reply: FastifyReply) => FastifyReply } | null> {
  const [row] = await db.query<{ filename: string; size: number; data: Uint8Array | null }>(
    'select filename, size, data from attachments where workspace_id = $1 and id = $2',
    [workspaceId, id],
  );
  if (!row) return null;
  const data = row.data;
  if (!data) {
    throw new HttpError(
      410,
      'not_stored',
      `"${row.filename}" was over the size limit, so it was not kept; the original is in the team mailbox.`,
    );
  }
  return {
    send: (reply) =>
      reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', contentDisposition(row.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(data)),
  };
}

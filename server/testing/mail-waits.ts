import type { Database } from '../db/database.ts';

/** Polls `read` until it returns something (or the deadline passes): mail moves on its own time. */
export async function eventually<T>(read: () => Promise<T | null | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The mail_inbound record of a mail, by its Message-ID. */
export async function inboundRecord(db: Database, messageId: string) {
  const [row] = await db.query<{ outcome: string; reason: string | null; ticket_id: string | null }>(
    'select outcome, reason, ticket_id from mail_inbound where rfc_message_id = $1',
    [messageId],
  );
  return row ?? null;
}

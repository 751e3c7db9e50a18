export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** null: over the size limit, not kept. */
  content: Buffer | null;
}

export interface InboundMail {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: { email: string; name?: string } | null;
  replyTo: { email: string; name?: string } | null;
  subject: string;
  text: string;
  date: number | null;
  attachments: InboundAttachment[];
  automatic: string | null;
  bounce: { originalMessageId: string | null; recipient: string | null; reason: string } | null;
  problems: string[];
}

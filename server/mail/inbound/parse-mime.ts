import { type AttachmentStream, type HeaderLines, MailParser, type MailParserOptions } from 'mailparser';
import { Readable } from 'node:stream';
import { MESSAGE_ATTACHMENTS_MAX } from '#shared/domain/message';
import { cleanContentType, cleanFilename } from './clean-text.ts';
import type { InboundAttachment } from './inbound-mail.ts';

/** The parts a delivery report is read from (RFC 3464, RFC 6533). */
const REPORT_PART_TYPES = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'text/rfc822-headers',
  'message/rfc822',
  'message/global',
  'message/global-headers',
]);
/** A report part's fields and the original's headers are near its start. */
const REPORT_PART_KEEP_BYTES = 64 * 1024;

export interface ReportPart {
  contentType: string;
  /** The start of the part, decoded as UTF-8. */
  text: string;
}

/** What the MIME parser found in a mail, before it is cleaned into an InboundMail. */
export interface MimeReading {
  headerLines: HeaderLines;
  /** The decoded Subject ('' when none). */
  subject: string;
  /** The text/plain parts, joined. */
  text: string;
  /** The text/html parts, joined ('' when there are none). */
  html: string;
  attachments: InboundAttachment[];
  /** Attachments past MESSAGE_ATTACHMENTS_MAX: drained, not listed. */
  attachmentsNotListed: number;
  reportParts: ReportPart[];
}

const SLICE_BYTES = 64 * 1024;

function* slices(raw: Buffer): Generator<Buffer> {
  for (let start = 0; start < raw.length; start += SLICE_BYTES) yield raw.subarray(start, start + SLICE_BYTES);
}

/**
 * The parser's own limits are set, and every conversion we do ourselves is
 * off: the HTML is turned into text by html-to-plain-text.ts, text is never
 * turned into HTML, cid: images are not inlined as data: URLs, embedded mails
 * stay attachments (a nested message is not parsed, so it cannot nest again).
 */
const OPTIONS: MailParserOptions = {
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  keepDeliveryStatus: true,
  ignoreEmbedded: true,
  checksumAlgo: false,
  maxHeadSize: 1024 * 1024,
  maxChildNodes: 1_000,
};

/**
 * Streams a raw mail through mailparser's MailParser (what simpleParser
 * does, but attachments are counted as they stream and only kept up to
 * `attachmentMaxBytes`, so a 25 MB file the team cannot store is never held
 * in memory whole). Rejects when the parser fails or takes longer than
 * `timeoutMs`; the caller then falls back to the raw text.
 */
export function parseMime(
  raw: Buffer,
  limits: { attachmentMaxBytes: number; timeoutMs: number },
): Promise<MimeReading> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser(OPTIONS);
    const source = Readable.from(slices(raw));
    const reading: MimeReading = {
      headerLines: [],
      subject: '',
      text: '',
      html: '',
      attachments: [],
      attachmentsNotListed: 0,
      reportParts: [],
    };
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      source.unpipe(parser);
      source.destroy();
      parser.destroy();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const timer = setTimeout(
      () => fail(new Error(`parsing took longer than ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );

    const takeAttachment = (attachment: AttachmentStream, done: () => void) => {
      const position = reading.attachments.length + reading.attachmentsNotListed + 1;
      const listed = reading.attachments.length < MESSAGE_ATTACHMENTS_MAX;
      const contentType = cleanContentType(attachment.contentType);
      const isReportPart = REPORT_PART_TYPES.has(contentType);
      const chunks: Buffer[] = [];
      let size = 0;
      let kept = listed;
      const reportChunks: Buffer[] = [];
      let reportBytes = 0;
      attachment.content.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (kept && size <= limits.attachmentMaxBytes) chunks.push(chunk);
        else if (kept) {
          kept = false;
          chunks.length = 0;
        }
        if (isReportPart && reportBytes < REPORT_PART_KEEP_BYTES) {
          reportChunks.push(chunk.subarray(0, REPORT_PART_KEEP_BYTES - reportBytes));
          reportBytes += Math.min(chunk.length, REPORT_PART_KEEP_BYTES - reportBytes);
        }
      });
      attachment.content.on('error', fail);
      attachment.content.once('end', () => {
        if (isReportPart) reading.reportParts.push({ contentType, text: Buffer.concat(reportChunks).toString('utf8') });
        if (listed) {
          reading.attachments.push({
            filename: cleanFilename(attachment.filename, position),
            contentType,
            size,
            content: kept ? Buffer.concat(chunks, size) : null,
          });
        } else {
          reading.attachmentsNotListed += 1;
        }
        attachment.release?.();
        done();
      });
    };

    let draining = false;
    const readAll = () => {
      draining = true;
      for (;;) {
        if (settled) return;
        const data = parser.read();
        if (data === null) break;
        if (data.type === 'attachment') {
          takeAttachment(data, readAll);
          return;
        }
        reading.text = data.text ?? '';
        reading.html = data.html ?? '';
      }
      draining = false;
    };

    parser.on('readable', () => {
      if (!draining) readAll();
    });
    parser.on('error', fail);
    parser.once('end', () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reading.headerLines = parser.headerLines || [];
      reading.subject = typeof parser.subject === 'string' ? parser.subject : '';
      resolve(reading);
    });
    // Fed in slices: handed the whole buffer at once, the splitter keeps a copy of it while it works.
    source.pipe(parser);
  });
}

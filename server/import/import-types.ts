import type { TicketChannel, TicketPriority, TicketStatus } from '#shared/domain/ticket';

export const IMPORT_FORMATS = ['zendesk-csv', 'freshdesk-csv', 'shiftdesk-csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where a row came from, for its provenance tag (`zendesk-1234`). */
export type ImportOrigin = 'zendesk' | 'freshdesk' | 'import';

/** One source row, mapped to our terms but not yet a ticket (no id, number or customer). */
export interface ImportedTicket {
  origin: ImportOrigin;
  /** The source system's ticket id; becomes the tag `<origin>-<id>`, which also stops a second import of it. */
  externalId: string | null;
  subject: string;
  body: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  requesterEmail: string;
  requesterName: string | null;
  organization: string | null;
  tags: string[];
  createdAt: number | null;
  updatedAt: number | null;
  /** When an agent first replied, if the source says (a time, or Zendesk's minutes after creation). */
  firstReplyAt: number | null;
  /** When it was solved, if the source says; read only for a ticket that is solved or closed. */
  solvedAt: number | null;
}

/** A row that cannot be imported, and why, in words a person can fix the file with. */
export interface RowRejection {
  /** 1-based data row (the header is row 0); for JSON, the element or line number. */
  row: number;
  reason: string;
}

export type MappedRow = { ok: true; ticket: ImportedTicket } | { ok: false; reason: string };

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface ImportSummary {
  format: ImportFormat;
  /** True when rows were written (committed); false when the import was rolled back. */
  committed: boolean;
  rowsRead: number;
  imported: number;
  /** Rows whose source id was imported before (the `zendesk-1234` tag exists): not imported twice. */
  alreadyImported: number;
  rejected: number;
  /** The first rejections (at most 1,000), in file order. */
  rejections: RowRejection[];
  customersCreated: number;
  customersMatched: number;
  /** SLA targets the imported history missed, put on the customers' trust ledgers. */
  failuresRecorded: number;
  firstNumber: number | null;
  lastNumber: number | null;
  durationMs: number;
}

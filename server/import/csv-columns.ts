import type { FieldBag } from './map-row.ts';
import type { ImportFormat, ImportOrigin } from './import-types.ts';

export type CsvFormat = Exclude<ImportFormat, 'json'>;

/** One CSV layout: which header names (lowercased) feed which field. README.md has the same table. */
export interface CsvLayout {
  origin: ImportOrigin;
  columns: { [F in keyof FieldBag]-?: readonly string[] };
  tagSeparator: RegExp;
}

export const CSV_LAYOUTS: Readonly<Record<CsvFormat, CsvLayout>> = {
  // Zendesk's ticket CSV export (Admin Center → Account → Tools → Reports → Export). It
  // carries no description; a "Description" column added by hand is read. Tags are space-separated.
  'zendesk-csv': {
    origin: 'zendesk',
    columns: {
      externalId: ['id'],
      subject: ['subject'],
      body: ['description'],
      status: ['status'],
      priority: ['priority'],
      channel: ['via'],
      requesterEmail: ['requester email'],
      requesterName: ['requester'],
      organization: ['organization'],
      tags: ['tags'],
      createdAt: ['created at'],
      updatedAt: ['updated at'],
      firstReplyAt: [],
      firstReplyMinutes: ['first reply time in minutes'],
      solvedAt: ['solved at'],
    },
    tagSeparator: /\s+/,
  },
  // Freshdesk's ticket export (Tickets → Export, CSV), with the contact's email chosen among the fields.
  'freshdesk-csv': {
    origin: 'freshdesk',
    columns: {
      externalId: ['ticket id'],
      subject: ['subject'],
      body: ['description'],
      status: ['status'],
      priority: ['priority'],
      channel: ['source'],
      requesterEmail: ['requester email', 'email', 'contact email'],
      requesterName: ['requester name', 'full name', 'contact name', 'contact'],
      organization: ['company name', 'company'],
      tags: ['tags'],
      createdAt: ['created time'],
      updatedAt: ['last updated time', 'last update time'],
      firstReplyAt: ['initial response time'],
      firstReplyMinutes: [],
      solvedAt: ['resolved time'],
    },
    tagSeparator: /,/,
  },
  // Our own layout, for spreadsheets and scripts.
  'shiftdesk-csv': {
    origin: 'import',
    columns: {
      externalId: ['external_id'],
      subject: ['subject'],
      body: ['body'],
      status: ['status'],
      priority: ['priority'],
      channel: ['channel'],
      requesterEmail: ['requester_email'],
      requesterName: ['requester_name'],
      organization: ['organization'],
      tags: ['tags'],
      createdAt: ['created_at'],
      updatedAt: ['updated_at'],
      firstReplyAt: ['first_reply_at'],
      firstReplyMinutes: [],
      solvedAt: ['solved_at'],
    },
    tagSeparator: /,/,
  },
};

/** "\uFEFFRequester  Email " → "requester email". */
export function normalizeHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** The layout a header row is written in, or null when it is none we know. */
export function detectCsvFormat(header: readonly string[]): CsvFormat | null {
  const names = new Set(header.map(normalizeHeader));
  if (names.has('ticket id')) return 'freshdesk-csv';
  if (names.has('requester email') && (names.has('id') || names.has('created at'))) return 'zendesk-csv';
  if (names.has('requester_email')) return 'shiftdesk-csv';
  return null;
}

/** Reads a record (cells in header order) into fields; builds the column lookup once per file. */
export function csvReader(format: CsvFormat, header: readonly string[]): (cells: readonly string[]) => FieldBag {
  const layout = CSV_LAYOUTS[format];
  const names = header.map(normalizeHeader);
  const positions = Object.entries(layout.columns).map(
    ([field, aliases]) => [field, aliases.map((alias) => names.indexOf(alias)).find((at) => at >= 0) ?? -1] as const,
  );
  const missing = (['subject', 'requesterEmail'] as const).filter(
    (field) => positions.find(([name]) => name === field)?.[1] === -1,
  );
  if (missing.length > 0) {
    const wanted = missing.map((field) => `"${layout.columns[field].join('" or "')}"`).join(', ');
    throw new Error(`The header has no column for ${wanted} (read as ${format}).`);
  }
  return (cells) => {
    const bag: Record<string, unknown> = {};
    for (const [field, at] of positions) if (at >= 0) bag[field] = cells[at];
    return bag;
  };
}

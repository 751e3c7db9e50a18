import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** RFC 4180 quoting, as Zendesk's and Freshdesk's exports write it. */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map((cell) => `"${String(cell).replaceAll('"', '""')}"`).join(',')}\r\n`;
}

/** Writes lines to a file through a stream (a test's 30 MB file is never built in memory either). */
export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

export const ZENDESK_CSV_HEADER = [
  'Id',
  'Requester',
  'Requester id',
  'Requester email',
  'Subject',
  'Status',
  'Priority',
  'Tags',
  'Via',
  'Ticket type',
  'Created at',
  'Updated at',
  'Assignee',
  'Organization',
];

const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const PRIORITIES = ['urgent', 'high', 'normal', 'low', '-'];
const VIAS = ['Mail', 'Web form', 'Chat', 'Phone call (inbound)', 'API', 'Twitter', 'Web Widget'];

/** Row `index` of a made-up Zendesk ticket export: every status, priority and channel, 60 companies and some gmail users. */
export function zendeskCsvRow(index: number, overrides: Readonly<Record<string, string>> = {}): string {
  const company = index % 60;
  const email = index % 9 === 0 ? `person${index % 400}@gmail.com` : `user${index % 97}@company${company}.example`;
  const created = new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString().replace('T', ' ').slice(0, 19);
  const cells: Record<string, string | number> = {
    Id: 50_000 + index,
    Requester: `Requester ${index % 97}`,
    'Requester id': 900_000 + (index % 97),
    'Requester email': email,
    Subject: `Export test ${index}: "quoted", with, commas`,
    Status: STATUSES[index % STATUSES.length] ?? 'open',
    Priority: PRIORITIES[index % PRIORITIES.length] ?? 'normal',
    Tags: index % 4 === 0 ? 'billing vip' : 'login',
    Via: VIAS[index % VIAS.length] ?? 'Mail',
    'Ticket type': 'question',
    'Created at': created,
    'Updated at': created,
    Assignee: 'Agent Smith',
    Organization: `Company ${company}`,
    ...overrides,
  };
  return csvLine(ZENDESK_CSV_HEADER.map((column) => cells[column] ?? ''));
}

/**
 * A Zendesk CSV export of `rows` tickets (ids from 50,000 + `firstIndex`);
 * `overrides` changes cells of some rows (1-based row number → column → value).
 */
export async function writeZendeskCsv(
  path: string,
  rows: number,
  options: { firstIndex?: number; overrides?: ReadonlyMap<number, Readonly<Record<string, string>>> } = {},
): Promise<void> {
  const first = options.firstIndex ?? 0;
  function* lines() {
    yield csvLine(ZENDESK_CSV_HEADER);
    for (let row = 1; row <= rows; row++) yield zendeskCsvRow(first + row - 1, options.overrides?.get(row));
  }
  await writeLines(path, lines());
}

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type CsvFormat, CSV_LAYOUTS, csvReader, detectCsvFormat, normalizeHeader } from './csv-columns.ts';
import type { ImportFormat, ImportOrigin } from './import-types.ts';
import { jsonFields } from './json-fields.ts';
import { jsonArrayElements, utf8Chunks } from './json-stream.ts';
import type { FieldBag } from './map-row.ts';

/** One row of the source: its fields, or why it could not even be read (broken JSON). */
export type SourceRow = { row: number } & (
  { ok: true; bag: FieldBag; origin: ImportOrigin; tagSeparator: RegExp } | { ok: false; reason: string }
);

export interface OpenedSource {
  format: ImportFormat;
  rows: AsyncGenerator<SourceRow>;
}

/** The file can't be read as the format asked for (or as any we know): nothing is imported. */
export class ImportFormatError extends Error {
  override name = 'ImportFormatError';
}

/** The file's bytes, counted as they are read (for progress), in chunks of 64 KiB. */
async function* countedBytes(path: string, onBytes: (bytes: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    const buffer = chunk as Buffer;
    onBytes(buffer.length);
    yield buffer;
  }
}

/** `[` starts a JSON array, `{` an object per line (NDJSON); anything else is CSV. */
async function firstCharacter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    return (
      buffer
        .subarray(0, bytesRead)
        .toString('utf8')
        .replace(/^[\uFEFF\s]+/, '')
        .charAt(0) || ''
    );
  } finally {
    await handle.close();
  }
}

const JSON_SEPARATOR = /,/;

function fromJson(text: string, row: number): SourceRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { row, ok: false, reason: `not valid JSON (${(error as Error).message.slice(0, 100)})` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { row, ok: false, reason: 'not a JSON object' };
  }
  const { bag, origin } = jsonFields(value);
  return { row, ok: true, bag, origin, tagSeparator: JSON_SEPARATOR };
}

async function* jsonArrayRows(path: string, onBytes: (bytes: number) => void): AsyncGenerator<SourceRow> {
  let row = 0;
  for await (const element of jsonArrayElements(utf8Chunks(countedBytes(path, onBytes))))
    yield fromJson(element, ++row);
}

async function* ndjsonRows(path: string, onBytes: (bytes: number) => void): AsyncGenerator<SourceRow> {
  const lines = createInterface({ input: Readable.from(countedBytes(path, onBytes)), crlfDelay: Infinity });
  let row = 0;
  for await (const line of lines) {
    row++;
    if (line.trim() !== '') yield fromJson(line.replace(/^\uFEFF/, ''), row);
  }
}

async function openCsv(
  path: string,
  asked: CsvFormat | undefined,
  onBytes: (bytes: number) => void,
): Promise<OpenedSource> {
  // Lenient about ragged rows and stray quotes (spreadsheets write both); a quote left open still fails the file.
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  const source = Readable.from(countedBytes(path, onBytes));
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await records.next();
  const header = first.done ? [] : first.value;
  const format = asked ?? detectCsvFormat(header);
  if (!format) {
    parser.destroy();
    const shown = header.slice(0, 8).map(normalizeHeader).join(', ');
    throw new ImportFormatError(
      `The header (${shown || 'empty'}) is not one of Zendesk's, Freshdesk's or ours; pass --format to choose.`,
    );
  }
  let read: (cells: readonly string[]) => FieldBag;
  try {
    read = csvReader(format, header);
  } catch (error) {
    parser.destroy();
    throw new ImportFormatError((error as Error).message);
  }
  const { origin, tagSeparator } = CSV_LAYOUTS[format];
  async function* rows(): AsyncGenerator<SourceRow> {
    let row = 0;
    for (let next = await records.next(); !next.done; next = await records.next()) {
      yield { row: ++row, ok: true, bag: read(next.value), origin, tagSeparator };
    }
  }
  return { format, rows: rows() };
}

/**
 * Opens an export for reading row by row: the format as asked, or detected
 * from the first character (JSON) and the header row (which CSV layout).
 */
export async function openSource(
  path: string,
  format: ImportFormat | undefined,
  onBytes: (bytes: number) => void,
): Promise<OpenedSource> {
  const first = await firstCharacter(path);
  if (format !== 'json' && (format !== undefined || (first !== '[' && first !== '{'))) {
    return openCsv(path, format, onBytes);
  }
  return { format: 'json', rows: first === '[' ? jsonArrayRows(path, onBytes) : ndjsonRows(path, onBytes) };
}

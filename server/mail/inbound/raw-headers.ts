/**
 * Header values by lowercase name, in the order the mail gave them, unfolded,
 * with encoded words left as they are. Enough to classify a mail; built the
 * same way from the MIME parser's header lines and from the fallback's own
 * scan, so the classification does not depend on which one read the mail.
 */
export type RawHeaders = ReadonlyMap<string, readonly string[]>;

/** A longer value is cut: no header we read needs more, and regular expressions stay cheap. */
const VALUE_MAX = 100_000;
/** A field name is printable ASCII without the colon (RFC 5322 §3.6.8). */
const FIELD_NAME = /^[!-9;-~]+$/;

function add(headers: Map<string, string[]>, name: string, value: string): void {
  const key = name.toLowerCase();
  const unfolded = value
    .replace(/\r?\n(?=[ \t])/g, '')
    .slice(0, VALUE_MAX)
    .trim();
  const values = headers.get(key);
  if (values) values.push(unfolded);
  else headers.set(key, [unfolded]);
}

/** Splits one raw `Name: value` line; null when it is not a header field. */
function field(line: string): { name: string; value: string } | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return null;
  const name = line.slice(0, colon).trimEnd();
  return FIELD_NAME.test(name) ? { name, value: line.slice(colon + 1) } : null;
}

/** From the header lines mailparser reports (`{ key, line }`, folding included). */
export function headersFromLines(lines: ReadonlyArray<{ key: string; line: string }>): RawHeaders {
  const headers = new Map<string, string[]>();
  for (const { line } of lines) {
    const parsed = field(line);
    if (parsed) add(headers, parsed.name, parsed.value);
  }
  return headers;
}

/**
 * Reads the header block of a raw mail without a MIME parser: header lines
 * up to the first empty line, or up to the first line that is not a header
 * (a damaged mail may have no empty line at all). Only the first `maxBytes`
 * are looked at. `bodyStart` is the byte offset where the body begins.
 */
export function scanHeaderBlock(raw: Buffer, maxBytes: number): { headers: RawHeaders; bodyStart: number } {
  // latin1 maps each byte to one character, so string offsets are byte offsets.
  const block = raw.subarray(0, Math.min(raw.length, maxBytes)).toString('latin1');
  const fields: { name: string; value: string }[] = [];
  const result = (bodyStart: number) => {
    const headers = new Map<string, string[]>();
    for (const { name, value } of fields) add(headers, name, Buffer.from(value, 'latin1').toString('utf8'));
    return { headers, bodyStart };
  };
  let offset = 0;
  while (offset < block.length) {
    const newline = block.indexOf('\n', offset);
    const end = newline < 0 ? block.length : newline + 1;
    const line = block.slice(offset, end).replace(/\r?\n$/, '');
    if (line === '') return result(end);
    const last = fields.at(-1);
    if (/^[ \t]/.test(line) && last) {
      last.value += '\n' + line;
    } else {
      const parsed = field(line);
      if (!parsed) break;
      fields.push(parsed);
    }
    offset = end;
  }
  return result(offset);
}

/** The first value of a header, if the mail has it. */
export function firstHeader(headers: RawHeaders, name: string): string | undefined {
  return headers.get(name)?.[0];
}

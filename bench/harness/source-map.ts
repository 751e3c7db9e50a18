/**
 * Just enough of the source map format (v3) to say which original file and
 * name a position in the built bundle comes from, so CPU profiles of the
 * minified web app can be read by source file. No dependency: the format is
 * small and stable.
 */

interface RawSourceMap {
  version: number;
  sources: string[];
  names?: string[];
  mappings: string;
}

export interface OriginalPosition {
  source: string;
  /** One-based, as editors show it. */
  line: number;
  column: number;
  name: string | null;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes one segment's base64 VLQ fields. */
function decodeSegment(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** [generated column, source index, original line, original column, name index or -1], per generated line, by column. */
type Segment = [number, number, number, number, number];

export class SourceMap {
  private readonly lines: Segment[][] = [];

  constructor(private readonly raw: RawSourceMap) {
    if (raw.version !== 3) throw new Error(`source map version ${raw.version} is not supported`);
    let source = 0;
    let originalLine = 0;
    let originalColumn = 0;
    let name = 0;
    for (const line of raw.mappings.split(';')) {
      const segments: Segment[] = [];
      let column = 0;
      for (const text of line.split(',')) {
        if (text === '') continue;
        const fields = decodeSegment(text);
        column += fields[0] ?? 0;
        if (fields.length < 4) continue;
        source += fields[1] ?? 0;
        originalLine += fields[2] ?? 0;
        originalColumn += fields[3] ?? 0;
        let nameIndex = -1;
        if (fields.length >= 5) {
          name += fields[4] ?? 0;
          nameIndex = name;
        }
        segments.push([column, source, originalLine, originalColumn, nameIndex]);
      }
      this.lines.push(segments);
    }
  }

  static parse(json: string): SourceMap {
    return new SourceMap(JSON.parse(json) as RawSourceMap);
  }

  /** The original position of a generated one (both zero-based), or null where nothing maps. */
  lookup(line: number, column: number): OriginalPosition | null {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return null;
    let low = 0;
    let high = segments.length - 1;
    let found: Segment | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const segment = segments[middle] as Segment;
      if (segment[0] <= column) {
        found = segment;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    found ??= segments[0];
    if (!found) return null;
    return {
      source: this.raw.sources[found[1]] ?? '?',
      line: found[2] + 1,
      column: found[3],
      name: found[4] >= 0 ? (this.raw.names?.[found[4]] ?? null) : null,
    };
  }
}

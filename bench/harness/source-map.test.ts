import { describe, expect, it } from 'vitest';
import { SourceMap } from './source-map.ts';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 VLQ, as source maps write it (test helper: the decoder is what is under test). */
function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let text = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    text += BASE64[digit];
  } while (rest > 0);
  return text;
}

/** Absolute segments per generated line → the relative `mappings` string. */
function mappings(lines: number[][][]): string {
  const previous = [0, 0, 0, 0];
  return lines
    .map((segments) => {
      let column = 0;
      return segments
        .map((segment) => {
          const [generated = 0, ...rest] = segment;
          const fields = [generated - column];
          column = generated;
          rest.forEach((value, index) => {
            fields.push(value - (previous[index] ?? 0));
            previous[index] = value;
          });
          return fields.map(vlq).join('');
        })
        .join(',');
    })
    .join(';');
}

describe('source map lookup', () => {
  const map = new SourceMap({
    version: 3,
    sources: ['../../shared/a.ts', '../../node_modules/dexie/dist/dexie.js'],
    names: ['applyPull', 'mutate'],
    mappings: mappings([
      [
        [0, 0, 0, 0],
        [10, 1, 4, 2, 1],
      ],
      [],
      [
        [5, 0, 9, 0, 0],
        [300, 1, 3356, 10],
      ],
    ]),
  });

  it.each([
    [0, 0, { source: '../../shared/a.ts', line: 1, column: 0, name: null }],
    [0, 9, { source: '../../shared/a.ts', line: 1, column: 0, name: null }],
    [0, 12, { source: '../../node_modules/dexie/dist/dexie.js', line: 5, column: 2, name: 'mutate' }],
    [2, 5, { source: '../../shared/a.ts', line: 10, column: 0, name: 'applyPull' }],
    [2, 4000, { source: '../../node_modules/dexie/dist/dexie.js', line: 3357, column: 10, name: null }],
  ])('line %i, column %i maps to %j', (line, column, expected) => {
    expect(map.lookup(line, column)).toEqual(expected);
  });

  it('maps nothing on a line without segments, or past the last line', () => {
    expect(map.lookup(1, 0)).toBeNull();
    expect(map.lookup(7, 0)).toBeNull();
  });

  it('refuses other versions', () => {
    expect(() => new SourceMap({ version: 2, sources: [], mappings: '' })).toThrow();
  });
});

import fc from 'fast-check';
import { z } from 'zod';

/** A request body as a hostile or broken client might send it: raw bytes and the content type it claims. */
export interface HostileBody {
  what: string;
  payload: string | Buffer;
  contentType: string | null;
}

const FRAGMENTS = [
  "' OR '1'='1",
  "'; drop table users; --",
  '1; select pg_sleep(10)',
  '%',
  '_%\\',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\uffff',
  '\u202eevil',
  '\u200b',
  'é'.normalize('NFD'),
  '𝕏𝕏𝕏',
  '../../../../etc/passwd',
  '${7*7}',
  '{{constructor.constructor("x")()}}',
  '__proto__',
  'constructor',
  'usr_admin',
  'tkt_',
  '',
  ' ',
];

/** Strings that break naive code: SQL and HTML fragments, NUL bytes, lone surrogates, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
  },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 400_000 }).map((n) => 'A'.repeat(n)) },
);

/** Any JSON value of the wrong type, a hostile string, or a number no schema expects. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e-308, 2 ** 53 + 1, [], {}, [[[]]]),
  fc.jsonValue({ maxDepth: 3 }),
  fc.double(),
);

/** `[[[…]]]` or `{"a":{"a":…}}` nested `depth` deep. */
function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** The top-level field names a schema expects, so hostile values land where validation has to work. */
export function fieldNames(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object };
  return Object.keys(json.properties ?? {});
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'application/json; charset=utf-8',
  'application/octet-stream',
];

/** Hostile request bodies for a route whose body has these fields. */
export function hostileBody(fields: readonly string[]): fc.Arbitrary<HostileBody> {
  const json = (what: string) => (value: unknown) => ({
    what,
    payload: JSON.stringify(value),
    contentType: 'application/json',
  });
  const expectedShape =
    fields.length > 0
      ? fc
          .record(Object.fromEntries(fields.map((field) => [field, hostileValue])), { requiredKeys: [] })
          .map(json('the expected fields with hostile values'))
      : fc.constant({ what: 'an empty object', payload: '{}', contentType: 'application/json' });
  return fc.oneof(
    { weight: 5, arbitrary: expectedShape },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 3 }).map((value) => json('any JSON value')(value ?? null)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 64, max: 200_000 }), fc.constantFrom('array' as const, 'object' as const))
        .map(([depth, kind]) => ({
          what: `nesting ${depth} deep`,
          payload: nested(depth, kind),
          contentType: 'application/json',
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ inner: hostileValue, field: fc.constantFrom(...(fields.length ? fields : ['x'])) })
        .map(({ inner, field }) => ({
          what: 'prototype keys',
          payload: `{"__proto__":{"isAdmin":true,"role":"admin"},"constructor":{"prototype":{"polluted":1}},${JSON.stringify(field)}:${JSON.stringify(inner) ?? 'null'}}`,
          contentType: 'application/json',
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(expectedShape, fc.nat())
        .filter(([body]) => typeof body.payload === 'string' && body.payload.length > 1)
        .map(([body, cut]) => {
          const text = String(body.payload);
          return {
            what: 'truncated JSON',
            payload: text.slice(0, 1 + (cut % (text.length - 1))),
            contentType: 'application/json',
          };
        }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(expectedShape, fc.constantFrom(...CONTENT_TYPES, null)).map(([body, contentType]) => ({
        what: `claimed as ${contentType ?? 'nothing'}`,
        payload: body.payload,
        contentType,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ minLength: 1, maxLength: 400 })
        .map((bytes) => ({ what: 'raw bytes', payload: Buffer.from(bytes), contentType: 'application/json' })),
    },
  );
}

/** A hostile path parameter or query value, URL-encoded the way a client would have to send it. */
export const hostileUrlPart: fc.Arbitrary<string> = hostileString
  .filter((value) => value.length < 4_000)
  .map((value) => encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd')));

import { describe, expect, it } from 'vitest';
import { cleanMessageId, REFERENCES_HEADER_MAX, REFERENCES_KEEP_LAST, replyThreading } from './reply-threading.ts';

const ids = (count: number, prefix = 'm'): string[] =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}@mail.test`);

describe('replyThreading', () => {
  it('answers the newest customer mail and ends References with it', () => {
    expect(replyThreading('c2@mail.test', ['root@mail.test', 'c1@mail.test'])).toEqual({
      inReplyTo: 'c2@mail.test',
      references: ['root@mail.test', 'c1@mail.test', 'c2@mail.test'],
    });
  });

  it('moves the answered id to the end instead of repeating it, and drops duplicates', () => {
    expect(replyThreading('<b@x.test>', ['a@x.test', 'b@x.test', 'a@x.test', 'c@x.test'])).toEqual({
      inReplyTo: 'b@x.test',
      references: ['a@x.test', 'c@x.test', 'b@x.test'],
    });
  });

  it('has nothing to answer on a ticket that never had mail', () => {
    expect(replyThreading(null, [])).toEqual({ references: [] });
  });

  it('keeps the root and the last 20 of a long thread', () => {
    const thread = ids(50);
    const { references } = replyThreading('answered@mail.test', thread);
    expect(references).toHaveLength(REFERENCES_KEEP_LAST + 1);
    expect(references[0]).toBe('m0@mail.test');
    expect(references.at(-1)).toBe('answered@mail.test');
    expect(references[1]).toBe('m31@mail.test');
  });

  it('bounds the header length, dropping the oldest after the root', () => {
    const long = Array.from({ length: 30 }, (_, index) => `${String(index).padStart(3, '0')}${'x'.repeat(230)}@t.test`);
    const { references } = replyThreading(long[29] ?? null, long.slice(0, 29));
    const header = references.map((id) => `<${id}>`).join(' ');
    expect(header.length).toBeLessThanOrEqual(REFERENCES_HEADER_MAX);
    expect(references[0]).toBe(long[0]);
    expect(references.at(-1)).toBe(long[29]);
    expect(references.length).toBeGreaterThan(2);
  });

  it("drops ids that would break or forge the header (they come from customers' mail)", () => {
    expect(
      replyThreading('evil@x.test>\r\nBcc: victim@example.com', ['ok@x.test', 'has space@x.test', 'ü@x.test', '']),
    ).toEqual({ references: ['ok@x.test'] });
    expect(cleanMessageId(' <ok@x.test> ')).toBe('ok@x.test');
    expect(cleanMessageId(`${'a'.repeat(300)}@x.test`)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { JsonStreamError, jsonArrayElements } from './json-stream.ts';

async function elements(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const element of jsonArrayElements(source())) out.push(element);
  return out;
}

describe('streaming a JSON array', () => {
  it('yields each element, wherever the chunks split it', async () => {
    const text = ' [ {"a":1,"s":"x,]}{\\"y"}, {"b":[1,{"c":2}]},3 , "four" ]\n';
    const expected = ['{"a":1,"s":"x,]}{\\"y"}', '{"b":[1,{"c":2}]}', '3 ', '"four" '];
    expect(await elements([text])).toEqual(expected);
    for (let size = 1; size <= 7; size++) {
      const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
        text.slice(i * size, i * size + size),
      );
      expect(await elements(chunks)).toEqual(expected);
    }
  });

  it('reads an empty array and a byte-order mark', async () => {
    expect(await elements(['\uFEFF[]'])).toEqual([]);
  });

  it('fails on an unclosed array, text after it, or something that is not an array', async () => {
    await expect(elements(['[{"a":1},'])).rejects.toThrow(JsonStreamError);
    await expect(elements(['[{"a":1}] x'])).rejects.toThrow('text after the closing');
    await expect(elements(['{"a":1}'])).rejects.toThrow('does not start with a JSON array');
  });
});

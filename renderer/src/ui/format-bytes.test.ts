import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [10 * 1024 - 1, '10 KB'],
    [20_000, '20 KB'],
    [1024 * 1024 - 1, '1 MB'],
    [25 * 1024 * 1024, '25 MB'],
    [3.2 * 1024 ** 3, '3.2 GB'],
    [5000 * 1024 ** 4, '5,000 TB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

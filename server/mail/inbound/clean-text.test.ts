import { describe, expect, it } from 'vitest';
import { cleanContentType, cleanFilename, cutAt, oneLine } from './clean-text.ts';

describe('clean text', () => {
  it('never cuts a surrogate pair in half', () => {
    expect(cutAt('ab😀', 3)).toBe('ab');
    expect(cutAt('ab😀', 4)).toBe('ab😀');
  });

  it('makes one line without controls or direction overrides', () => {
    expect(oneLine(' a\r\nb\u0000\u202Ec\u2066d\u2028e\u0085 ', 100)).toBe('a b cd e');
    expect(oneLine('abc def', 4)).toBe('abc');
  });

  it('keeps a file name to its last segment, without characters a file system refuses', () => {
    expect(cleanFilename('../../etc/passwd', 1)).toBe('passwd');
    expect(cleanFilename('a<b>c:d"e|f?g*.txt', 1)).toBe('a_b_c_d_e_f_g_.txt');
    expect(cleanFilename('dir/', 4)).toBe('attachment-4');
    expect(cleanFilename(undefined, 2)).toBe('attachment-2');
    expect(cleanFilename('\u202E\u0007', 3)).toBe('attachment-3');
  });

  it('keeps a valid lowercased MIME type and nothing else', () => {
    expect(cleanContentType('Image/PNG; name=x')).toBe('image/png');
    expect(cleanContentType('text/plain<script>')).toBe('application/octet-stream');
    expect(cleanContentType(`a/${'b'.repeat(300)}`)).toBe('application/octet-stream');
    expect(cleanContentType(undefined)).toBe('application/octet-stream');
  });
});

import { describe, expect, it } from 'vitest';
import { handoverFileName } from './download-text.ts';

describe('handoverFileName', () => {
  it.each([
    ['Sam Rivera', 'handover-sam-rivera-2030-01-02.md'],
    ['Zoë  O’Brien', 'handover-zoe-o-brien-2030-01-02.md'],
    ['../../etc/passwd', 'handover-etc-passwd-2030-01-02.md'],
    ['李雷', 'handover-handover-2030-01-02.md'],
  ])('%j → %s', (name, file) => {
    expect(handoverFileName(name, Date.UTC(2030, 0, 2, 12))).toBe(file);
  });
});

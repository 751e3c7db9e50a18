import { describe, expect, it } from 'vitest';
import { HandoverSubject } from './handover.ts';

describe('HandoverSubject', () => {
  it.each<[string, string, boolean]>([
    ['one line', '#1042 Checkout is down', true],
    ['a line feed', '#1042 Checkout\n# Forged', false],
    ['a carriage return', '#1042 Checkout\r- Acknowledged by X', false],
    ['a break only at the end (trimmed away)', '#1042 Checkout\n', true],
  ])('label with %s', (_title, label, accepted) => {
    expect(HandoverSubject.safeParse({ kind: 'ticket', id: 'tkt_001042', label }).success).toBe(accepted);
  });
});

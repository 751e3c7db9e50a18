import { describe, expect, it } from 'vitest';
import { blankPacket } from '#shared/domain/escalation';
import { describeReadyAge, isEditable, settledEdits, ticketLabel, withEdits } from './packet-edits.ts';

describe('packet edits', () => {
  it.each([
    ['draft', true],
    ['needs_info', true],
    ['sent', false],
    ['fixed', false],
    ['withdrawn', false],
  ] as const)('a %s packet is editable: %s', (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });

  it('shows unsaved edits over the stored packet', () => {
    const stored = { ...blankPacket(), summary: 'stored', tried: 'stored' };
    expect(withEdits(stored, { summary: 'typed' })).toMatchObject({ summary: 'typed', tried: 'stored' });
  });

  it.each<[string, object, string[], object]>([
    ['saved and stored', { summary: 'a' }, [], {}],
    ['saved, not stored yet', { summary: 'ab' }, [], { summary: 'ab' }],
    ['not saved yet, even if stored has it', { summary: 'a' }, ['summary'], { summary: 'a' }],
    ['an evidence list stored equal', { evidence: [{ kind: 'log', text: 'x' }] }, [], {}],
  ])('edits kept: %s', (_title, edits, unsaved, kept) => {
    const stored = { ...blankPacket(), summary: 'a', evidence: [{ kind: 'log' as const, text: 'x' }] };
    expect(settledEdits(edits, new Set(unsaved), stored)).toEqual(kept);
  });

  it.each<[number | null, string | null]>([
    [null, null],
    [30_000, 'Ready just now'],
    [16 * 60_000 + 5, 'Ready for 16 min'],
  ])('ready age %s', (age, text) => {
    expect(describeReadyAge(age)).toBe(text);
  });

  it.each<[{ number?: number; subject: string } | undefined, string]>([
    [{ number: 1042, subject: 'Login fails' }, '#1042 Login fails'],
    [{ subject: 'Login fails' }, 'Login fails'],
    [undefined, 'A ticket not on this device yet'],
  ])('labels a ticket %#', (ticket, label) => {
    expect(ticketLabel(ticket)).toBe(label);
  });
});

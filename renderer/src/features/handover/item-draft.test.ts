import { describe, expect, it } from 'vitest';
import { type ItemDraft, draftFromItem, dueInputValue, parseDueInput, validateItemDraft } from './item-draft.ts';

const draft = (changes: Partial<ItemDraft> = {}): ItemDraft => ({
  severity: 'watch',
  summary: 'Checkout fails for EU cards',
  actions: [],
  awareness: '',
  contingency: '',
  ...changes,
});

describe('validateItemDraft', () => {
  it('accepts a full item and trims what was typed', () => {
    const due = dueInputValue(Date.UTC(2030, 0, 2, 15, 30));
    const result = validateItemDraft(
      draft({
        summary: '  Checkout fails  ',
        actions: [
          { id: 'a1', text: 'Call Acme', due },
          { id: 'a2', text: '', due: '' },
        ],
        awareness: ' Payment provider status page is amber ',
        contingency: 'If it spreads to US cards then page the on-call',
      }),
    );
    expect(result).toEqual({
      ok: true,
      fields: {
        severity: 'watch',
        summary: 'Checkout fails',
        actions: [{ id: 'a1', text: 'Call Acme', dueAt: Date.UTC(2030, 0, 2, 15, 30) }],
        awareness: 'Payment provider status page is amber',
        contingency: 'If it spreads to US cards then page the on-call',
      },
    });
  });

  it.each<[string, Partial<ItemDraft>, string, RegExp]>([
    ['an empty summary', { summary: '  ' }, 'summary', /summary must not be empty/],
    ['a summary longer than a line', { summary: 'x'.repeat(201) }, 'summary', /one line/],
    ['a due time without words', { actions: [{ id: 'a1', text: '', due: '2030-01-02T10:00' }] }, 'action:a1', /empty/],
    ['a due time that is not one', { actions: [{ id: 'a1', text: 'Call', due: 'tomorrow' }] }, 'action:a1', /date/],
    ['a long awareness', { awareness: 'x'.repeat(2_001) }, 'awareness', /2,000/],
    ['a long contingency', { contingency: 'x'.repeat(1_001) }, 'contingency', /1,000/],
    [
      'more than 20 actions',
      { actions: Array.from({ length: 21 }, (_, i) => ({ id: `a${i}`, text: 'Do it', due: '' })) },
      'actions',
      /20/,
    ],
  ])('refuses %s, beside the field', (_, changes, field, message) => {
    const result = validateItemDraft(draft(changes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[field as keyof typeof result.problems]).toMatch(message);
  });

  it('keeps a ticked action ticked when the item is edited', () => {
    const start = draftFromItem({
      severity: 'unstable',
      summary: 'Mail delayed',
      actions: [{ id: 'a1', text: 'Check queue', doneAt: 5 }],
      awareness: '',
      contingency: '',
    });
    const result = validateItemDraft(start);
    expect(result.ok && result.fields.actions).toEqual([{ id: 'a1', text: 'Check queue', doneAt: 5 }]);
  });
});

describe('due times', () => {
  it.each([Date.UTC(2030, 5, 1, 8, 5), Date.UTC(2031, 11, 31, 23, 59)])('read back what they show (%d)', (at) => {
    expect(parseDueInput(dueInputValue(at))).toBe(at);
  });

  it.each(['', '2030-01-02', '10:00', '2030-13-45T99:99x'])('are not made up from %j', (text) => {
    expect(parseDueInput(text)).toBeNull();
  });
});

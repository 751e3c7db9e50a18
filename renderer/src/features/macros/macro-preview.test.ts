import { describe, expect, it } from 'vitest';
import type { MacroActions } from '#shared/domain/macro';
import { customerFixture, ticketFixture } from '#shared/testing/fixtures';
import { type DraftSoFar, draftWithMacro, macroContextFor, mergeMacroActions, previewMacro } from './macro-preview.ts';

describe('a macro filled from the ticket', () => {
  it('fills the requester, the ticket, the customer and the agent; leaves open slots listed', () => {
    const ticket = ticketFixture({ number: 1042, requesterName: 'Ana María López', subject: 'Exports fail' });
    const context = macroContextFor(ticket, customerFixture({ name: 'Northwind' }), 'Sam Rivera');
    const body =
      'Hi {{requester.first_name}}, #{{ticket.number}} ({{customer.name}}) by {{incident.next_update}}. {{agent.first_name}}';
    expect(previewMacro({ body }, context)).toEqual({
      text: 'Hi Ana, #1042 (Northwind) by {{incident.next_update}}. Sam',
      openSlots: ['incident.next_update'],
    });
  });
});

describe('merging a second macro’s changes into a draft’s', () => {
  it.each<[string, MacroActions | undefined, MacroActions, MacroActions]>([
    ['none before', undefined, { status: 'pending' }, { status: 'pending' }],
    [
      'the later status wins',
      { status: 'pending', priority: 'low' },
      { status: 'solved' },
      { status: 'solved', priority: 'low' },
    ],
    ['tags add up', { addTags: ['a'] }, { addTags: ['b', 'a'] }, { addTags: ['a', 'b'] }],
    [
      'a later removal cancels an earlier add',
      { addTags: ['outage', 'vip'] },
      { removeTags: ['outage'] },
      { addTags: ['vip'], removeTags: ['outage'] },
    ],
    [
      'a later add cancels an earlier removal',
      { removeTags: ['outage'] },
      { addTags: ['outage'] },
      { addTags: ['outage'] },
    ],
  ])('%s', (_title, first, then, merged) => {
    expect(mergeMacroActions(first, then)).toEqual(merged);
  });
});

describe('the draft a macro leaves', () => {
  const macro = { messageKind: 'reply' as const, actions: { status: 'pending' as const } };
  it.each<[string, DraftSoFar | null, 'replace' | 'append', object]>([
    ['no draft', null, 'append', { kind: 'reply', body: 'Macro text', actions: { status: 'pending' } }],
    ['an empty draft is replaced', { kind: 'note', body: '  ' }, 'append', { kind: 'reply', body: 'Macro text' }],
    ['replace', { kind: 'note', body: 'Mine' }, 'replace', { kind: 'reply', body: 'Macro text' }],
    [
      'append keeps the draft’s kind and text',
      { kind: 'note', body: 'Mine\n\n', actions: { addTags: ['x'] } },
      'append',
      { kind: 'note', body: 'Mine\n\nMacro text', actions: { status: 'pending', addTags: ['x'] } },
    ],
  ])('%s', (_title, existing, mode, expected) => {
    expect(draftWithMacro(existing, macro, 'Macro text', mode)).toMatchObject(expected);
  });
});

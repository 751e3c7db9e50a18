import { describe, expect, it } from 'vitest';
import { macroFixture } from '#shared/testing/fixtures';
import { EMPTY_MACRO_FORM, type MacroForm, formFor, macroFromForm, parseTags } from './macro-form.ts';

const form = (patch: Partial<MacroForm>): MacroForm => ({
  ...EMPTY_MACRO_FORM,
  name: 'Ask for logs',
  body: 'Hi',
  ...patch,
});

describe('editor form → macro fields', () => {
  it.each<[string, Partial<MacroForm>, object]>([
    ['text only', {}, { name: 'Ask for logs', body: 'Hi', messageKind: 'reply', actions: {}, visibility: 'personal' }],
    ['the name is trimmed', { name: '  Ask for logs ' }, { name: 'Ask for logs' }],
    [
      'every action',
      {
        status: 'pending',
        priority: 'high',
        addTags: 'Outage, Release 4.12,,',
        removeTags: 'waiting',
        assignee: 'me',
      },
      {
        actions: {
          status: 'pending',
          priority: 'high',
          addTags: ['outage', 'release-4.12'],
          removeTags: ['waiting'],
          assignee: 'me',
        },
      },
    ],
    [
      'a note, for the team',
      { messageKind: 'note', visibility: 'shared' },
      { messageKind: 'note', visibility: 'shared' },
    ],
    ['only actions, no text', { body: '  ', status: 'solved' }, { body: '  ', actions: { status: 'solved' } }],
    ['a teammate as assignee', { assignee: 'usr_lead' }, { actions: { assignee: 'usr_lead' } }],
  ])('%s', (_title, patch, expected) => {
    const result = macroFromForm(form(patch));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.fields).toMatchObject(expected);
  });

  it.each<[string, Partial<MacroForm>, object]>([
    ['no name', { name: '   ' }, { name: 'The name must not be empty.' }],
    [
      'a name on two lines',
      { name: 'Ask\nfor logs' },
      { name: 'The name must be one line without control characters.' },
    ],
    ['a name too long', { name: 'x'.repeat(81) }, { name: 'The name must be at most 80 characters.' }],
    [
      'nothing to do',
      { body: '' },
      { body: 'Write the text, or choose at least one change to the ticket: this macro would do nothing.' },
    ],
    ['a bad tag', { addTags: 'ok, #hash' }, { addTags: expect.stringContaining('“#hash” is not a tag') }],
    [
      'a tag added and removed',
      { addTags: 'outage', removeTags: 'Outage' },
      { removeTags: '“outage” is both added and removed: keep it in one list.' },
    ],
    ['an assignee that is no id', { assignee: 'Jordan' }, { assignee: 'Choose who gets the ticket from the list.' }],
  ])('refuses %s', (_title, patch, problems) => {
    const result = macroFromForm(form(patch));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual(problems);
  });
});

describe('macro → editor form → the same macro', () => {
  it.each([
    ['a starter-like team macro', macroFixture({ actions: { status: 'on_hold', addTags: ['outage'] } })],
    [
      'a personal note with every action',
      macroFixture({
        visibility: 'personal',
        messageKind: 'note',
        actions: { status: 'pending', priority: 'low', addTags: ['a', 'b'], removeTags: ['c'], assignee: 'nobody' },
      }),
    ],
    ['no actions', macroFixture({ actions: {} })],
  ])('%s', (_title, macro) => {
    const result = macroFromForm(formFor(macro));
    expect(result).toEqual({
      ok: true,
      fields: {
        name: macro.name,
        body: macro.body,
        messageKind: macro.messageKind,
        actions: macro.actions,
        visibility: macro.visibility,
      },
    });
  });

  it('a new macro starts as a personal reply with nothing in it', () => {
    expect(formFor()).toEqual(EMPTY_MACRO_FORM);
  });

  it.each([
    ['', []],
    ['outage', ['outage']],
    [' Outage , outage, VIP customer ', ['outage', 'vip-customer']],
  ])('tags “%s” → %j', (text, tags) => {
    expect(parseTags(text)).toEqual(tags);
  });
});

import { describe, expect, it } from 'vitest';
import { SavedViewId } from '#shared/domain/ids';
import { savedViewFixture } from '#shared/testing/fixtures';
import { createArgs, draftFor, sameDefinition, updateArgs, viewNameProblem } from './save-view-form.ts';
import { savedViewToSpec } from './saved-view-spec.ts';

const MINE = savedViewFixture();
const TEAM_BOARD = savedViewFixture({
  id: 'viw_team' as never,
  name: 'Team board',
  ownerId: 'usr_lead' as never,
  visibility: 'shared',
});
const OTHER_DEFINITION = {
  filter: {},
  sort: [{ field: 'number' as const, direction: 'desc' as const }],
  groupBy: 'none' as const,
};

describe('the name field', () => {
  it.each([
    ['Billing EU', null],
    ['   ', 'Enter a name for the view.'],
    ['x'.repeat(81), 'Use at most 80 characters.'],
    ['Two\nlines', 'Use one line of text, without control characters.'],
    [' billing ', 'There is already a view named “Billing”. Pick another name.'],
    ['TEAM BOARD', 'There is already a view named “Team board”. Pick another name.'],
  ])('%j → %s', (name, problem) => {
    expect(viewNameProblem(name, { visible: [MINE, TEAM_BOARD], ownerId: 'usr_agent' })).toBe(problem);
  });

  it('lets a view keep its own name', () => {
    expect(viewNameProblem('Billing', { visible: [MINE], ownerId: 'usr_agent', excludingId: MINE.id })).toBeNull();
  });
});

describe('what the dialog asks for', () => {
  it('creates with the trimmed name and the definition on screen', () => {
    const id = SavedViewId.parse('viw_new');
    expect(
      createArgs(id, { name: ' Nights ', visibility: 'shared', replaceDefinition: false }, OTHER_DEFINITION),
    ).toEqual({
      savedViewId: id,
      name: 'Nights',
      definition: OTHER_DEFINITION,
      visibility: 'shared',
    });
  });

  it.each([
    ['nothing changed', {}, null],
    ['a rename', { name: 'Billing EU' }, { name: 'Billing EU' }],
    ['sharing', { visibility: 'shared' as const }, { visibility: 'shared' }],
    ['the screen’s definition', { replaceDefinition: true }, { definition: OTHER_DEFINITION }],
  ])('sends only what changed: %s', (_title, edit, sent) => {
    const args = updateArgs(MINE, { ...draftFor(MINE), ...edit }, OTHER_DEFINITION);
    expect(args).toEqual(sent === null ? null : { savedViewId: MINE.id, ...sent });
  });

  it('sees a definition built in another key order as the same', () => {
    const { filter, sort, groupBy } = MINE.definition;
    expect(sameDefinition({ groupBy, sort, filter: { ...filter } }, MINE.definition)).toBe(true);
    expect(sameDefinition(OTHER_DEFINITION, MINE.definition)).toBe(false);
  });
});

describe('a saved view in the view switcher', () => {
  it('looks like a built-in view, under its own id', () => {
    expect(savedViewToSpec(TEAM_BOARD)).toEqual({
      id: 'viw_team',
      name: 'Team board',
      description: 'Saved view, shared with the team',
      definition: TEAM_BOARD.definition,
    });
    expect(savedViewToSpec(MINE).description).toBe('Saved view, only you see it');
  });
});

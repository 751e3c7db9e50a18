import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles.ts';
import { MAX_PERSONAL_VIEWS, MAX_SHARED_VIEWS, type SavedView } from '../../../domain/saved-view.ts';
import { TEAM, contextFixture, savedViewFixture } from '../../../testing/fixtures.ts';
import { memoryMutatorTx } from '../../../testing/memory-mutator-tx.ts';
import { MutationRejected } from '../../rejection.ts';
import { runMutation } from '../../run-mutation.ts';
import { mayChangeSavedView } from './saved-view-rules.ts';

const VIEW = 'viw_billing';
const OPEN_ONLY = {
  filter: { statuses: ['open'] },
  sort: [{ field: 'updatedAt', direction: 'desc' }],
  groupBy: 'none',
};

/** `count` views of one owner and visibility, named so they never clash with the cases' names. */
function many(count: number, overrides: Partial<SavedView>): SavedView[] {
  return Array.from({ length: count }, (_, i) =>
    savedViewFixture({ id: `viw_many${i}` as never, name: `Filler ${i}`, ...overrides }),
  );
}

/** Runs one mutation in a store holding the team and `views`; returns the views after, or the refusal. */
async function run(name: string, args: object, views: SavedView[] = [savedViewFixture()], role: Role = 'agent') {
  const tx = memoryMutatorTx([
    ...TEAM.map((member) => ['member', member] as const),
    ...views.map((view) => ['savedView', view] as const),
  ]);
  tx.writes.length = 0;
  try {
    await runMutation(tx, name, args, contextFixture(role));
  } catch (error) {
    if (!(error instanceof MutationRejected)) throw error;
    return { refused: error, writes: tx.writes };
  }
  return { view: async (id = VIEW) => tx.get('savedView', id), writes: tx.writes };
}

describe('saved view mutators: the change', () => {
  it('saves a personal view for whoever saves it, trimmed and stamped', async () => {
    const outcome = await run(
      'createSavedView',
      { savedViewId: 'viw_new', name: '  Open only ', definition: OPEN_ONLY, visibility: 'personal' },
      [],
    );
    expect(await outcome.view?.('viw_new')).toEqual({
      id: 'viw_new',
      name: 'Open only',
      definition: OPEN_ONLY,
      ownerId: 'usr_agent',
      visibility: 'personal',
      createdAt: 5_000,
      updatedAt: 5_000,
    });
  });

  it('saves a shared view in a given place', async () => {
    const outcome = await run(
      'createSavedView',
      { savedViewId: 'viw_new', name: 'Open only', definition: OPEN_ONLY, visibility: 'shared', position: 2.5 },
      [],
      'analyst',
    );
    expect(await outcome.view?.('viw_new')).toMatchObject({
      ownerId: 'usr_analyst',
      visibility: 'shared',
      position: 2.5,
    });
  });

  it.each([
    ['the owner renames', 'agent', {}, { name: 'Billing (EU)' }, { name: 'Billing (EU)' }],
    ['the owner redefines', 'agent', {}, { definition: OPEN_ONLY }, { definition: OPEN_ONLY }],
    ['the owner shares', 'agent', {}, { visibility: 'shared' }, { visibility: 'shared' }],
    ['the owner moves it', 'agent', {}, { position: 3 }, { position: 3 }],
    ['the owner unshares', 'agent', { visibility: 'shared' }, { visibility: 'personal' }, { visibility: 'personal' }],
    [
      'a lead renames a teammate’s shared view',
      'lead',
      { visibility: 'shared' },
      { name: 'Billing queue' },
      { name: 'Billing queue', ownerId: 'usr_agent' },
    ],
    [
      'an admin unshares a teammate’s shared view (it stays its owner’s)',
      'admin',
      { visibility: 'shared' },
      { visibility: 'personal' },
      { visibility: 'personal', ownerId: 'usr_agent' },
    ],
  ] as const)('%s', async (_title, role, before, change, after) => {
    const outcome = await run('updateSavedView', { savedViewId: VIEW, ...change }, [savedViewFixture(before)], role);
    expect(await outcome.view?.()).toMatchObject({ ...after, createdAt: 1_000, updatedAt: 5_000 });
    expect(outcome.writes).toEqual([`savedView/${VIEW}`]);
  });

  it('takes a view out of the manual order with a null position (absent, not undefined, in the row)', async () => {
    const outcome = await run('updateSavedView', { savedViewId: VIEW, position: null }, [
      savedViewFixture({ position: 4 }),
    ]);
    expect(Object.keys((await outcome.view?.()) ?? {})).not.toContain('position');
  });

  it.each([
    ['its owner', 'agent', 'personal'],
    ['a lead, when shared', 'lead', 'shared'],
    ['an admin, when shared', 'admin', 'shared'],
  ] as const)('deletes a view for %s, as a tombstone', async (_title, role, visibility) => {
    const outcome = await run('deleteSavedView', { savedViewId: VIEW }, [savedViewFixture({ visibility })], role);
    expect(outcome.writes).toEqual([`-savedView/${VIEW}`]);
    expect(await outcome.view?.()).toBeUndefined();
  });

  it('lets a name a teammate uses for a personal view be used again', async () => {
    const theirs = savedViewFixture({ ownerId: 'usr_analyst' as never });
    const outcome = await run(
      'createSavedView',
      { savedViewId: 'viw_new', name: 'Billing', definition: OPEN_ONLY, visibility: 'shared' },
      [theirs],
    );
    expect(await outcome.view?.('viw_new')).toMatchObject({ name: 'Billing' });
  });

  it('counts the limits apart: a person with 50 personal views may still share one', async () => {
    const outcome = await run(
      'createSavedView',
      { savedViewId: 'viw_new', name: 'Open only', definition: OPEN_ONLY, visibility: 'shared' },
      many(MAX_PERSONAL_VIEWS, {}),
    );
    expect(await outcome.view?.('viw_new')).toMatchObject({ visibility: 'shared' });
  });
});

describe('saved view mutators: no-ops write nothing', () => {
  it.each([
    ['the same name', 'updateSavedView', { name: 'Billing' }],
    ['the same visibility', 'updateSavedView', { visibility: 'personal' }],
    ['no field at all', 'updateSavedView', {}],
    ['a view deleted meanwhile', 'deleteSavedView', { savedViewId: 'viw_gone' }],
  ])('%s', async (_title, name, args) => {
    const outcome = await run(name, { savedViewId: VIEW, ...args });
    expect(outcome.refused).toBeUndefined();
    expect(outcome.writes).toEqual([]);
  });
});

describe('saved view mutators: refusals say why', () => {
  const create = (visibility: string, name = 'Open only') => ({
    savedViewId: 'viw_new',
    name,
    definition: OPEN_ONLY,
    visibility,
  });
  it.each([
    [
      'a trainee saving a view',
      'createSavedView',
      create('personal'),
      [],
      'trainee',
      'forbidden',
      /A trainee cannot save views/,
    ],
    [
      'a change to a teammate’s personal view',
      'updateSavedView',
      { savedViewId: VIEW, name: 'Mine now' },
      [savedViewFixture({ ownerId: 'usr_analyst' as never })],
      'agent',
      'forbidden',
      /“Billing” is Priya Nair’s personal view: only they can change it/,
    ],
    [
      'a lead deleting a teammate’s personal view',
      'deleteSavedView',
      { savedViewId: VIEW },
      [savedViewFixture()],
      'lead',
      'forbidden',
      /Sam Rivera’s personal view: only they can delete it/,
    ],
    [
      'an agent renaming a teammate’s shared view',
      'updateSavedView',
      { savedViewId: VIEW, name: 'Ours' },
      [savedViewFixture({ ownerId: 'usr_analyst' as never, visibility: 'shared' })],
      'agent',
      'forbidden',
      /shared by Priya Nair: only they, a lead or an admin can change it/,
    ],
    [
      'an analyst deleting a teammate’s shared view',
      'deleteSavedView',
      { savedViewId: VIEW },
      [savedViewFixture({ visibility: 'shared' })],
      'analyst',
      'forbidden',
      /shared by Sam Rivera: only they, a lead or an admin can delete it/,
    ],
    [
      'a change to a deleted view',
      'updateSavedView',
      { savedViewId: 'viw_gone', name: 'Too late' },
      [],
      'agent',
      'not_found',
      /no longer exists/,
    ],
    [
      'the 51st personal view',
      'createSavedView',
      create('personal'),
      many(MAX_PERSONAL_VIEWS, {}),
      'agent',
      'invalid',
      /You already have 50 personal views, the most one person can keep/,
    ],
    [
      'the 101st shared view',
      'createSavedView',
      create('shared'),
      many(MAX_SHARED_VIEWS, { visibility: 'shared', ownerId: 'usr_lead' as never }),
      'agent',
      'invalid',
      /The team already shares 100 views/,
    ],
    [
      'sharing into a full team list',
      'updateSavedView',
      { savedViewId: VIEW, visibility: 'shared' },
      [savedViewFixture(), ...many(MAX_SHARED_VIEWS, { visibility: 'shared', ownerId: 'usr_lead' as never })],
      'agent',
      'invalid',
      /The team already shares 100 views/,
    ],
    [
      'a lead unsharing a view whose owner has no room left',
      'updateSavedView',
      { savedViewId: VIEW, visibility: 'personal' },
      [savedViewFixture({ visibility: 'shared' }), ...many(MAX_PERSONAL_VIEWS, {})],
      'lead',
      'invalid',
      /Sam Rivera already has 50 personal views, the most one person can keep, so this view stays shared/,
    ],
    [
      'a name the owner already uses, in other case and spacing',
      'createSavedView',
      create('personal', ' BILLING '),
      [savedViewFixture()],
      'agent',
      'conflict',
      /already a personal view named “Billing”/,
    ],
    [
      'a rename onto a shared view’s name',
      'updateSavedView',
      { savedViewId: VIEW, name: 'night shift' },
      [
        savedViewFixture(),
        savedViewFixture({
          id: 'viw_night' as never,
          name: 'Night shift',
          ownerId: 'usr_lead' as never,
          visibility: 'shared',
        }),
      ],
      'agent',
      'conflict',
      /already a shared view named “Night shift”/,
    ],
    [
      'an id another view has',
      'createSavedView',
      { ...create('personal'), savedViewId: VIEW },
      [savedViewFixture({ ownerId: 'usr_analyst' as never })],
      'agent',
      'conflict',
      /already has this id/,
    ],
    ['a name on two lines', 'createSavedView', create('personal', 'Billing\nEU'), [], 'agent', 'invalid', /one line/],
    [
      'a name of 81 characters',
      'createSavedView',
      create('personal', 'x'.repeat(81)),
      [],
      'agent',
      'invalid',
      /at most 80/,
    ],
    [
      'a blank name',
      'updateSavedView',
      { savedViewId: VIEW, name: '   ' },
      [savedViewFixture()],
      'agent',
      'invalid',
      /must not be empty/,
    ],
  ] as const)('%s', async (_title, name, args, views, role, code, message) => {
    const outcome = await run(name, args, [...views], role);
    expect(outcome.refused?.code).toBe(code);
    expect(outcome.refused?.message).toMatch(message);
    expect(outcome.writes).toEqual([]);
  });

  it('names the view a refusal is about', async () => {
    const outcome = await run('updateSavedView', { savedViewId: VIEW, name: 'Mine now' }, [
      savedViewFixture({ ownerId: 'usr_analyst' as never }),
    ]);
    expect(outcome.refused?.subject).toEqual({ entity: 'savedView', id: VIEW });
  });
});

describe('who may change a saved view (what the UI offers)', () => {
  //                        owner  agent  analyst lead  trainee admin
  it.each([
    ['personal', [true, false, false, false, false, false]],
    ['shared', [true, false, false, true, false, true]],
  ] as const)('%s view of an agent', (visibility, expected) => {
    const view = { ownerId: 'usr_agent', visibility };
    const actors = [
      { id: 'usr_agent', role: 'agent' },
      { id: 'usr_other', role: 'agent' },
      { id: 'usr_analyst', role: 'analyst' },
      { id: 'usr_lead', role: 'lead' },
      { id: 'usr_trainee', role: 'trainee' },
      { id: 'usr_admin', role: 'admin' },
    ] as const;
    expect(actors.map((actor) => mayChangeSavedView(view, actor))).toEqual(expected);
  });

  it('refuses an owner whose role can no longer save views (demoted to trainee)', () => {
    expect(mayChangeSavedView({ ownerId: 'usr_x', visibility: 'personal' }, { id: 'usr_x', role: 'trainee' })).toBe(
      false,
    );
  });
});

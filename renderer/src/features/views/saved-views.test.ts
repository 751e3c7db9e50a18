import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserId } from '#shared/domain/ids';
import type { SavedView } from '#shared/domain/saved-view';
import { savedViewFixture } from '#shared/testing/fixtures';
import { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { applyPull } from '../../sync/apply-pull.ts';
import { peekSyncState } from '../../db/sync-state.ts';
import { newSavedViewId, runSavedViewChange } from './saved-view-actions.ts';
import { loadSavedViews } from './saved-view-queries.ts';

const agent = { id: UserId.parse('usr_agent'), role: 'agent' as const };
const DEFINITION = savedViewFixture().definition;
let db: ShiftdeskDb;
let dbCount = 0;

/** The device's state after a full download holding `views`. */
async function downloaded(views: SavedView[]): Promise<void> {
  await applyPull(
    db,
    agent,
    { cookie: null, resume: null, requestedAt: 0 },
    {
      cookie: 'wsp_demo:e:1:w30',
      lastMutationIdChanges: {},
      patch: [{ op: 'clear' }, ...views.map((value) => ({ op: 'put' as const, entity: 'savedView' as const, value }))],
      resume: null,
      progress: null,
      revisited: [],
      setAside: [],
    },
  );
}

const view = (id: string, overrides: Partial<SavedView>) => savedViewFixture({ id: id as never, ...overrides });

beforeEach(() => {
  db = new ShiftdeskDb(`views-${++dbCount}`);
});
afterEach(async () => {
  await db.delete();
});

describe('the saved views a person sees', () => {
  it('are their own and the team’s shared ones, placed ones first by position, then by name', async () => {
    await downloaded([
      view('viw_a', { name: 'Zulu', position: 2 }),
      view('viw_b', { name: 'alpha' }),
      view('viw_c', { name: 'Team board', ownerId: 'usr_lead' as never, visibility: 'shared', position: 1 }),
      view('viw_d', { name: 'Lead’s own', ownerId: 'usr_lead' as never }),
      view('viw_e', { name: 'Beta 10', visibility: 'shared' }),
      view('viw_f', { name: 'beta 9' }),
    ]);
    const seen = await loadSavedViews(db, agent.id);
    expect(seen.map((v) => v.name)).toEqual(['Team board', 'Zulu', 'alpha', 'beta 9', 'Beta 10']);
  });
});

describe('saving views on this device', () => {
  it('shows a new view at once and queues it, with a rename made right after, for the server', async () => {
    await downloaded([]);
    const id = newSavedViewId();
    const create = { savedViewId: id, name: 'Night shift', definition: DEFINITION, visibility: 'shared' as const };
    expect(await runSavedViewChange(db, agent, 'createSavedView', create)).toBeNull();
    expect(await runSavedViewChange(db, agent, 'updateSavedView', { savedViewId: id, name: 'Nights' })).toBeNull();
    expect((await loadSavedViews(db, agent.id)).map((v) => [v.id, v.name, v.visibility])).toEqual([
      [id, 'Nights', 'shared'],
    ]);
    // The rename names the view by the id in the create's arguments, which no replay or renumbering changes.
    const outbox = await db.local.outbox.orderBy('id').toArray();
    expect(outbox.map((entry) => [entry.name, (entry.args as { savedViewId: string }).savedViewId])).toEqual([
      ['createSavedView', id],
      ['updateSavedView', id],
    ]);
  });

  it('says why the rules refuse a change, and writes nothing', async () => {
    await downloaded([view('viw_theirs', { name: 'Theirs', ownerId: 'usr_analyst' as never })]);
    const refusal = await runSavedViewChange(db, agent, 'deleteSavedView', { savedViewId: 'viw_theirs' });
    expect(refusal).toMatch(/personal view: only they can delete it/);
    expect(await db.local.outbox.count()).toBe(0);
    expect(await db.rows('savedView').get('viw_theirs')).toBeDefined();
  });

  it('drops a pending view when the server’s state makes it impossible (a teammate shared the name first)', async () => {
    await downloaded([]);
    const id = newSavedViewId();
    const create = { savedViewId: id, name: 'Night shift', definition: DEFINITION, visibility: 'personal' as const };
    await runSavedViewChange(db, agent, 'createSavedView', create);
    const state = await peekSyncState(db);
    await applyPull(
      db,
      agent,
      { cookie: state?.cookie ?? null, resume: null, requestedAt: 0 },
      {
        cookie: 'wsp_demo:e:2:w30',
        lastMutationIdChanges: {},
        patch: [
          {
            op: 'put',
            entity: 'savedView',
            value: view('viw_lead', { name: 'NIGHT SHIFT', ownerId: 'usr_lead' as never, visibility: 'shared' }),
          },
        ],
        resume: null,
        progress: null,
        revisited: [],
        setAside: [],
      },
    );
    expect((await loadSavedViews(db, agent.id)).map((v) => v.id)).toEqual(['viw_lead']);
  });
});

import type { SessionUser } from '#shared/api/auth';
import type { HandoverSubject } from '#shared/domain/handover';
import { HandoverId, UserId } from '#shared/domain/ids';
import type { HandoverSnapshot } from '#shared/domain/handover';
import type { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { runLocalChange } from '../../sync/run-change.ts';
import type { ItemFields } from './item-draft.ts';

/**
 * The handover's changes, each one local change that syncs in the
 * background (offline too). Each returns what to tell the person when the
 * rules refuse it, else null. Ids are drawn here, so the change shows at once.
 */
type Actor = Pick<SessionUser, 'id' | 'role'>;

export function newHandoverId(): HandoverId {
  return HandoverId.parse(`hov_${crypto.randomUUID()}`);
}

/** Adds to my handover (the mutator puts it in the one I am building, or starts one with this id). */
export function addItem(db: ShiftdeskDb, user: Actor, subject: HandoverSubject, fields: ItemFields) {
  return runLocalChange(
    db,
    user,
    'addHandoverItem',
    { handoverId: newHandoverId(), item: { id: crypto.randomUUID(), subject, ...fields } },
    'The handover item',
  );
}

export function updateItem(db: ShiftdeskDb, user: Actor, handoverId: string, itemId: string, changes: ItemFields) {
  return runLocalChange(
    db,
    user,
    'updateHandoverItem',
    { handoverId: HandoverId.parse(handoverId), itemId, changes },
    'The handover item',
  );
}

export function removeItem(db: ShiftdeskDb, user: Actor, handoverId: string, itemId: string) {
  return runLocalChange(
    db,
    user,
    'removeHandoverItem',
    { handoverId: HandoverId.parse(handoverId), itemId },
    'The removal',
  );
}

export function setActionDone(
  db: ShiftdeskDb,
  user: Actor,
  handoverId: string,
  itemId: string,
  actionId: string,
  done: boolean,
) {
  return runLocalChange(
    db,
    user,
    'setHandoverActionDone',
    { handoverId: HandoverId.parse(handoverId), itemId, actionId, done },
    'The action',
  );
}

export function closeItem(db: ShiftdeskDb, user: Actor, handoverId: string, itemId: string, closed: boolean) {
  return runLocalChange(
    db,
    user,
    'closeHandoverItem',
    { handoverId: HandoverId.parse(handoverId), itemId, closed },
    'The item',
  );
}

export function submit(db: ShiftdeskDb, user: Actor, handoverId: string, toUserId: string, snapshot: HandoverSnapshot) {
  return runLocalChange(
    db,
    user,
    'submitHandover',
    { handoverId: HandoverId.parse(handoverId), toUserId: UserId.parse(toUserId), snapshot },
    'The handover',
  );
}

/** Acknowledges one item; the last one completes the handover and carries what is open into my next one. */
export function acknowledge(db: ShiftdeskDb, user: Actor, handoverId: string, itemId: string, readBack: string) {
  const text = readBack.trim();
  return runLocalChange(
    db,
    user,
    'acknowledgeHandoverItem',
    {
      handoverId: HandoverId.parse(handoverId),
      itemId,
      ...(text === '' ? {} : { readBack: text }),
      nextHandoverId: newHandoverId(),
    },
    'The acknowledgement',
  );
}

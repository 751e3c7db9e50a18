import { useLiveQuery } from 'dexie-react-hooks';
import type { Handover } from '#shared/domain/handover';
import { useWorkspace } from '../../app/workspace-context.tsx';

const newestFirst = (a: Handover, b: Handover) =>
  (b.submittedAt ?? b.createdAt) - (a.submittedAt ?? a.createdAt) || (a.id < b.id ? -1 : 1);

/**
 * The handover I am building: the oldest one in `building` (the mutators keep
 * one per person, the oldest wins); null when I have none; undefined while read.
 */
export function useMyBuildingHandover(): Handover | null | undefined {
  const { db, user } = useWorkspace();
  return useLiveQuery(async () => {
    const mine = await db.rows('handover').where('fromUserId').equals(user.id).toArray();
    const building = mine.filter((handover) => handover.status === 'building');
    building.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    return building[0] ?? null;
  }, [db, user.id]);
}

/** Handovers handed to me (submitted or complete), newest first. */
export function useReceivedHandovers(): readonly Handover[] | undefined {
  const { db, user } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = await db.rows('handover').where('toUserId').equals(user.id).toArray();
    return rows.filter((handover) => handover.status !== 'building').sort(newestFirst);
  }, [db, user.id]);
}

/**
 * Every handover this device holds that I may read, newest first: for a lead
 * the team's (the entity is global), for others those from or to them.
 */
export function useVisibleHandovers(everyone: boolean): readonly Handover[] | undefined {
  const { db, user } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = everyone
      ? await db.rows('handover').toArray()
      : [
          ...(await db.rows('handover').where('fromUserId').equals(user.id).toArray()),
          ...(await db.rows('handover').where('toUserId').equals(user.id).toArray()),
        ];
    const unique = new Map(rows.map((handover) => [handover.id, handover]));
    return [...unique.values()].sort(newestFirst);
  }, [db, user.id, everyone]);
}

/** One handover, live; undefined while read or when absent. */
export function useHandover(handoverId: string | null): Handover | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => (handoverId ? db.rows('handover').get(handoverId) : undefined), [db, handoverId]);
}

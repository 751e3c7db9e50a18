import { sameName } from '../../domain/names.ts';
import type { MutatorTx } from '../mutator.ts';

/**
 * Records a person owns and may share with the team (saved views, macros):
 * both are limited per owner and per team, and both need names that tell
 * them apart in a picker. The rules live with each record (their wording
 * differs); the counting and the clash-finding are the same and live here.
 */
export type OwnedEntity = 'savedView' | 'macro';

interface OwnedRow {
  id: string;
  name: string;
  ownerId: string;
  visibility: 'personal' | 'shared';
}

export interface OwnedTarget {
  ownerId: string;
  visibility: 'personal' | 'shared';
  /** The record being changed, which does not count against itself. */
  excludingId?: string | undefined;
}

/** How many records already count against the limit `target` falls under: the team's shared ones, or its owner's personal ones. */
export async function countAgainstLimit(tx: MutatorTx, entity: OwnedEntity, target: OwnedTarget): Promise<number> {
  const rows: OwnedRow[] =
    target.visibility === 'shared'
      ? await tx.list(entity, 'visibility', 'shared')
      : (await tx.list(entity, 'ownerId', target.ownerId)).filter((row) => row.visibility === 'personal');
  return rows.filter((row) => row.id !== target.excludingId).length;
}

/** The record `ownerId` sees (their own and the team's shared ones) that already has `name`, if any. */
export async function nameClash(
  tx: MutatorTx,
  entity: OwnedEntity,
  name: string,
  target: { ownerId: string; excludingId?: string | undefined },
): Promise<OwnedRow | undefined> {
  const seen: OwnedRow[] = [
    ...(await tx.list(entity, 'ownerId', target.ownerId)),
    ...(await tx.list(entity, 'visibility', 'shared')),
  ];
  return seen.find((row) => row.id !== target.excludingId && sameName(row.name, name));
}

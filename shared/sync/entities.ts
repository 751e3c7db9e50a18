import type { z } from 'zod';
import { Customer } from '../domain/customer.ts';
import { Macro } from '../domain/macro.ts';
import { Member } from '../domain/member.ts';
import { Message } from '../domain/message.ts';
import { Escalation } from '../domain/escalation.ts';
import { Handover } from '../domain/handover.ts';
import { Problem } from '../domain/problem.ts';
import { Shift } from '../domain/shift.ts';
import { SavedView } from '../domain/saved-view.ts';
import { SlaConfig } from '../domain/sla-config.ts';
import { ACTIVE_STATUSES, Ticket } from '../domain/ticket.ts';
import { TicketEvent } from '../domain/ticket-event.ts';
import { WorkspaceSettings } from '../domain/workspace-settings.ts';
import { defineEntity, indexField } from './entity.ts';
import { MutationRejection } from './rejection.ts';

/**
 * Every record type that syncs: the one registration. Adding a record is a
 * schema in shared/domain plus one entry here; storage, pull, the client's
 * table, validation and the window follow from it (see entity.ts).
 */
export const entities = {
  settings: defineEntity({
    schema: WorkspaceSettings,
    table: 'settings',
    indexes: [],
    scope: { kind: 'global' },
    writtenBy: 'server',
  }),
  member: defineEntity({
    schema: Member,
    table: 'members',
    indexes: [],
    scope: { kind: 'global' },
    writtenBy: 'server',
  }),
  customer: defineEntity({
    schema: Customer,
    table: 'customers',
    // Intake and import match requesters to customers by domain: an indexed lookup, not a scan.
    indexes: ['domain'],
    scope: { kind: 'global' },
    writtenBy: 'mutators',
  }),
  ticket: defineEntity({
    schema: Ticket,
    table: 'tickets',
    // problemId: a problem's counts are recounted from its linked tickets.
    indexes: ['status', 'customerId', 'updatedAt', 'assigneeId', '*tags', 'problemId', 'escalationId'],
    // Active tickets are always held; finished ones while they changed recently.
    scope: {
      kind: 'root',
      windowAt: (ticket) => (ACTIVE_STATUSES.has(ticket.status) ? null : ticket.updatedAt),
      windowIndex: 'updatedAt',
    },
    writtenBy: 'mutators',
  }),
  ticketEvent: defineEntity({
    schema: TicketEvent,
    table: 'ticketEvents',
    indexes: ['ticketId'],
    scope: { kind: 'child', root: 'ticket', rootKey: 'ticketId' },
    writtenBy: 'mutators',
  }),
  message: defineEntity({
    schema: Message,
    table: 'messages',
    indexes: ['ticketId'],
    scope: { kind: 'child', root: 'ticket', rootKey: 'ticketId' },
    writtenBy: 'mutators',
  }),
  macro: defineEntity({
    schema: Macro,
    table: 'macros',
    // Limits count one owner's macros and the team's shared ones.
    indexes: ['ownerId', 'visibility'],
    // Like saved views: a team's macros are few, and every device needs the team's while offline.
    scope: { kind: 'global' },
    writtenBy: 'mutators',
  }),
  savedView: defineEntity({
    schema: SavedView,
    table: 'savedViews',
    // The limits count one owner's views and the team's shared ones; the switcher lists the same two sets.
    indexes: ['ownerId', 'visibility'],
    // Global, not per person: the entity system has no per-user scope, and a team's views are few
    // (at most 50 per person and 100 shared). Every device therefore also holds teammates' personal
    // views, which the UI never shows them (isVisibleTo); they name filters, not customer data.
    scope: { kind: 'global' },
    writtenBy: 'mutators',
  }),
  slaConfig: defineEntity({
    schema: SlaConfig,
    // One row, id "sla"; absent until a lead first saves, and read as defaultSlaConfig until then.
    table: 'slaConfig',
    indexes: [],
    scope: { kind: 'global' },
    writtenBy: 'mutators',
  }),
  problem: defineEntity({
    schema: Problem,
    table: 'problems',
    indexes: [],
    // Problems are few (a handful a week, even in a flood) and every device needs them offline to link to.
    scope: { kind: 'global' },
    writtenBy: 'mutators',
  }),
  escalation: defineEntity({
    schema: Escalation,
    table: 'escalations',
    // The analyst console lists by status; an agent's pacing reads their own.
    indexes: ['status', 'createdBy'],
    // Like problems: a team hands over a few dozen a day, and agents and analysts both need them offline.
    // Finished ones stay too, for regression watch; a team that outgrows this windows them by resolution.
    scope: { kind: 'global' },
    writtenBy: 'mutators',
  }),
  shift: defineEntity({
    schema: Shift,
    table: 'shifts',
    // Starting a shift ends the same person's running one.
    indexes: ['userId'],
    // A few per person per day; the team's "on shift now" and pacing need them offline.
    scope: { kind: 'global' },
    writtenBy: 'mutators',
  }),
  handover: defineEntity({
    schema: Handover,
    table: 'handovers',
    // My building handover is found by author; the receiver's inbox by recipient; the lead's list by status.
    indexes: ['fromUserId', 'toUserId', 'status'],
    // One or two per person per day, and both sides (and the lead) need them offline: like shifts.
    scope: { kind: 'global' },
    writtenBy: 'mutators',
  }),
  rejection: defineEntity({
    schema: MutationRejection,
    table: 'rejections',
    indexes: ['at'],
    scope: { kind: 'device' },
    writtenBy: 'server',
  }),
};

type Entities = typeof entities;
export type EntityName = keyof Entities;
export type EntityRow<E extends EntityName> = z.infer<Entities[E]['schema']>;

type NamesWhere<Test> = { [E in EntityName]: Entities[E] extends Test ? E : never }[EntityName];

/** Entities that shared mutators may write. */
export type MutableEntityName = NamesWhere<{ writtenBy: 'mutators' }>;
/** Entities stored per workspace (everything but device-scoped bookkeeping): what mutators may read. */
export type WorkspaceEntityName = Exclude<EntityName, NamesWhere<{ scope: { kind: 'device' } }>>;
/** Window roots: held while recent or active, fetched on demand otherwise. */
export type RootEntityName = NamesWhere<{ scope: { kind: 'root' } }>;

export const ENTITY_NAMES = Object.keys(entities) as EntityName[];

export function isEntityName(value: string): value is EntityName {
  return Object.hasOwn(entities, value);
}

export function isMutableEntityName(value: string): value is MutableEntityName {
  return isEntityName(value) && entities[value].writtenBy === 'mutators';
}

export function isWorkspaceEntityName(value: string): value is WorkspaceEntityName {
  return isEntityName(value) && entities[value].scope.kind !== 'device';
}

export function isRootEntityName(value: string): value is RootEntityName {
  return isEntityName(value) && entities[value].scope.kind === 'root';
}

export const WORKSPACE_ENTITY_NAMES = ENTITY_NAMES.filter(isWorkspaceEntityName);
export const ROOT_ENTITY_NAMES = ENTITY_NAMES.filter(isRootEntityName);

/** The children of a root entity: `[['ticketEvent', 'ticketId']]` for tickets. */
export function childrenOf(root: RootEntityName): { entity: WorkspaceEntityName; rootKey: string }[] {
  return WORKSPACE_ENTITY_NAMES.flatMap((entity) => {
    const scope = entities[entity].scope;
    return scope.kind === 'child' && scope.root === root ? [{ entity, rootKey: scope.rootKey }] : [];
  });
}

/**
 * The window root a row belongs to: itself for a root, its parent for a child,
 * none for global rows.
 */
export function rootOf(entity: EntityName, row: { id: string }): { entity: string; id: string } | null {
  const scope = entities[entity].scope;
  if (scope.kind === 'root') return { entity, id: row.id };
  if (scope.kind === 'child') {
    const id = (row as Record<string, unknown>)[scope.rootKey];
    return typeof id === 'string' ? { entity: scope.root, id } : null;
  }
  return null;
}

/** The indexed field that bounds a root's window (see EntityScope), for finding what left the window. */
export function windowIndexOf(entity: RootEntityName): string {
  const scope = entities[entity].scope as { windowIndex: string };
  return scope.windowIndex;
}

/** When a root leaves the window (null: never, while it stays active). */
export function windowAtOf(entity: EntityName, row: EntityRow<EntityName>): number | null {
  const scope = entities[entity].scope as { kind: string; windowAt?: (row: unknown) => number | null };
  return scope.kind === 'root' && scope.windowAt ? scope.windowAt(row) : null;
}

/** Parses a row of a named entity; the error says which entity and why. */
export function entitySchema<E extends EntityName>(entity: E): z.ZodType<EntityRow<E>> {
  return entities[entity].schema as unknown as z.ZodType<EntityRow<E>>;
}

/**
 * The declared index of `entity` that reads `field`. Listing by an undeclared
 * field is a programming error on every side: the client could not answer it
 * from IndexedDB and the server could not answer it from an index.
 */
export function declaredIndex(entity: EntityName, field: string): string {
  const spec = (entities[entity].indexes as readonly string[]).find((index) => indexField(index) === field);
  if (!spec) throw new Error(`${entity} has no declared index on "${field}" (declare it in shared/sync/entities.ts).`);
  return spec;
}

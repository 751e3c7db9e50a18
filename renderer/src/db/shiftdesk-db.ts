import Dexie, { type Table } from 'dexie';
import type { Customer } from '#shared/domain/customer';
import type { Member } from '#shared/domain/member';
import type { Ticket } from '#shared/domain/ticket';
import type { TicketEvent } from '#shared/domain/ticket-event';
import type { EntityName, EntityRow, MutableEntityName } from '#shared/sync/entities';
import type { MutationRejection } from '#shared/sync/rejection';

/** A change made here and not yet confirmed by the server (BRIEF §5 outbox). */
export interface OutboxEntry {
  /** Per-client, strictly increasing: the server's idempotency key. */
  id: number;
  name: string;
  args: unknown;
  createdAt: number;
}

/**
 * The server's version of a row that a pending mutation has changed locally
 * (null: the server has no such row). Pulls update shadows instead of the live
 * row; a rebase restores them and replays the outbox on top.
 */
export interface ShadowRow {
  key: string;
  entity: MutableEntityName;
  id: string;
  row: EntityRow<MutableEntityName> | null;
}

export type LocalRejection = MutationRejection & { dismissedAt?: number };

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * One IndexedDB database per signed-in user and workspace, so a shared
 * workstation never mixes two agents' queues or outboxes.
 */
export class ShiftdeskDb extends Dexie {
  tickets!: Table<Ticket, string>;
  customers!: Table<Customer, string>;
  ticketEvents!: Table<TicketEvent, string>;
  members!: Table<Member, string>;
  rejections!: Table<LocalRejection, string>;
  outbox!: Table<OutboxEntry, number>;
  shadows!: Table<ShadowRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      tickets: 'id, status, customerId, updatedAt',
      customers: 'id',
      ticketEvents: 'id, ticketId',
      members: 'id',
      rejections: 'id, at',
      outbox: 'id',
      shadows: 'key',
      meta: 'key',
    });
  }

  /** The table that stores an entity's rows. */
  tableFor<E extends EntityName>(entity: E): Table<EntityRow<E>, string> {
    const tables: { [K in EntityName]: Table<EntityRow<K>, string> } = {
      member: this.members,
      customer: this.customers,
      ticket: this.tickets,
      ticketEvent: this.ticketEvents,
      rejection: this.rejections,
    };
    return tables[entity];
  }

  /** Every table a sync transaction may touch. */
  syncTables(): Table[] {
    return [
      this.tickets,
      this.customers,
      this.ticketEvents,
      this.members,
      this.rejections,
      this.outbox,
      this.shadows,
      this.meta,
    ];
  }
}

export function databaseName(workspaceId: string, userId: string): string {
  return `shiftdesk-${workspaceId}-${userId}`;
}

export function shadowKey(entity: MutableEntityName, id: string): string {
  return `${entity}/${id}`;
}

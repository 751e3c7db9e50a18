import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketStatus } from '#shared/domain/ticket';
import { ticketFixture } from '#shared/testing/fixtures';
import { ShiftdeskDb } from '../../db/shiftdesk-db.ts';
import { type OtherTicket, type StatusSlice, loadOtherOpenTickets, pickOtherTickets } from './other-open-tickets.ts';

const t = (id: string, createdAt: number, status: TicketStatus = 'open'): OtherTicket => ({
  id: id as OtherTicket['id'],
  subject: id,
  status,
  priority: 'normal',
  createdAt,
});
const slice = (count: number, ...newest: OtherTicket[]): StatusSlice => ({ count, newest });
const ids = (tickets: readonly OtherTicket[]) => tickets.map((ticket) => ticket.id);

describe("the customer's other open tickets", () => {
  it.each<[string, StatusSlice[], string, number, string[], number]>([
    ['none at all', [], 'cur', 10, [], 0],
    ['only the open ticket itself', [slice(1, t('cur', 5))], 'cur', 10, [], 0],
    [
      'newest first across statuses',
      [slice(2, t('a', 3), t('b', 1)), slice(1, t('c', 2, 'new'))],
      'cur',
      10,
      ['a', 'c', 'b'],
      0,
    ],
    ['the open ticket left out', [slice(3, t('a', 3), t('cur', 2), t('b', 1))], 'cur', 10, ['a', 'b'], 0],
    ['capped, the rest counted', [slice(5, t('a', 5), t('b', 4), t('c', 3))], 'cur', 2, ['a', 'b'], 3],
    [
      'capped with the open ticket among them: it is not counted as more',
      [slice(4, t('a', 5), t('cur', 4), t('b', 3))],
      'cur',
      2,
      ['a', 'b'],
      1,
    ],
    [
      'counts beyond what was read are still counted',
      [slice(40, t('a', 9), t('b', 8)), slice(60, t('c', 7, 'pending'))],
      'cur',
      2,
      ['a', 'b'],
      98,
    ],
    ['same moment: ordered by id, so every client agrees', [slice(2, t('b', 1), t('a', 1))], 'cur', 10, ['a', 'b'], 0],
  ])('%s', (_name, slices, currentId, cap, shown, more) => {
    const result = pickOtherTickets(slices, currentId, cap);
    expect(ids(result.shown)).toEqual(shown);
    expect(result.more).toBe(more);
  });
});

describe('reading them from IndexedDB', () => {
  let db: ShiftdeskDb | null = null;
  afterEach(async () => {
    db?.close();
    if (db) await Dexie.delete(db.name);
    db = null;
  });

  it('reads active tickets of this customer only, newest first, without the open one', async () => {
    db = new ShiftdeskDb('other-open-tickets');
    await db
      .rows('ticket')
      .bulkPut([
        ticketFixture({ id: 'tkt_cur' as never, status: 'open', createdAt: 50 }),
        ticketFixture({ id: 'tkt_old' as never, status: 'new', createdAt: 10 }),
        ticketFixture({ id: 'tkt_new' as never, status: 'pending', createdAt: 90 }),
        ticketFixture({ id: 'tkt_held' as never, status: 'on_hold', createdAt: 70 }),
        ticketFixture({ id: 'tkt_solved' as never, status: 'solved', createdAt: 95 }),
        ticketFixture({ id: 'tkt_closed' as never, status: 'closed', createdAt: 96 }),
        ticketFixture({ id: 'tkt_other' as never, customerId: 'cus_other' as never, status: 'open', createdAt: 99 }),
      ]);
    const all = await loadOtherOpenTickets(db, 'cus_acme', 'tkt_cur');
    expect(ids(all.shown)).toEqual(['tkt_new', 'tkt_held', 'tkt_old']);
    expect(all.more).toBe(0);
    const capped = await loadOtherOpenTickets(db, 'cus_acme', 'tkt_cur', 1);
    expect(ids(capped.shown)).toEqual(['tkt_new']);
    expect(capped.more).toBe(2);
  });
});

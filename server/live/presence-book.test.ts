import { describe, expect, it } from 'vitest';
import { PRESENCE_TTL_MS, type PresenceEntry } from '#shared/sync/socket-protocol';
import { PresenceBook } from './presence-book.ts';

const viewing = (ticketId: string) => ({ ticketId: ticketId as never, activity: 'viewing' as const });

describe('presence book', () => {
  it('tracks local connections, keeps "since" while nothing changes, and forgets closed ones', () => {
    const book = new PresenceBook();
    expect(book.setLocal('w1', 'c1', 'usr_a', viewing('tkt_1'), 100)).toBe(true);
    expect(book.setLocal('w1', 'c1', 'usr_a', viewing('tkt_1'), 200)).toBe(false);
    expect(book.entries('w1')).toEqual([
      { connectionId: 'c1', userId: 'usr_a', ticketId: 'tkt_1', activity: 'viewing', since: 100 },
    ]);
    expect(book.setLocal('w1', 'c1', 'usr_a', { ticketId: null, activity: null }, 300)).toBe(true);
    expect(book.entries('w1')).toEqual([]);
    book.setLocal('w1', 'c2', 'usr_b', viewing('tkt_2'), 300);
    expect(book.removeLocal('c2')).toBe('w1');
    expect(book.removeLocal('c2')).toBeNull();
    expect(book.entries('w1')).toEqual([]);
  });

  it('keeps workspaces apart', () => {
    const book = new PresenceBook();
    book.setLocal('w1', 'c1', 'usr_a', viewing('tkt_1'), 1);
    book.setLocal('w2', 'c2', 'usr_b', viewing('tkt_1'), 1);
    expect(book.entries('w1').map((e) => e.connectionId)).toEqual(['c1']);
    expect(book.entries('w2').map((e) => e.connectionId)).toEqual(['c2']);
  });

  it('merges other instances’ reports and expires one that went silent', () => {
    const book = new PresenceBook();
    const theirs: PresenceEntry = {
      connectionId: 'x9',
      userId: 'usr_c' as never,
      ticketId: 'tkt_3' as never,
      activity: 'replying',
      since: 5,
    };
    book.setRemote('instance-b', 'w1', [theirs], 1_000);
    expect(book.entries('w1')).toEqual([theirs]);
    expect(book.expire(1_000 + PRESENCE_TTL_MS - 1)).toEqual(new Set());
    book.setRemote('instance-b', 'w1', [theirs], 2_000); // heartbeat
    expect(book.expire(1_000 + PRESENCE_TTL_MS)).toEqual(new Set());
    expect(book.expire(2_000 + PRESENCE_TTL_MS)).toEqual(new Set(['w1']));
    expect(book.entries('w1')).toEqual([]);
  });

  it('assembles a long list sent in parts, and drops parts a shorter list no longer has', () => {
    const book = new PresenceBook();
    const entry = (n: number): PresenceEntry => ({
      connectionId: `x${n}`,
      userId: 'usr_c' as never,
      ticketId: 'tkt_3' as never,
      activity: 'viewing',
      since: 1,
    });
    book.setRemote('b', 'w1', [entry(1)], 10, 0, 2);
    book.setRemote('b', 'w1', [entry(2)], 10, 1, 2);
    expect(book.entries('w1').map((e) => e.connectionId)).toEqual(['x1', 'x2']);
    book.setRemote('b', 'w1', [entry(3)], 20, 0, 1);
    expect(book.entries('w1').map((e) => e.connectionId)).toEqual(['x3']);
  });
});

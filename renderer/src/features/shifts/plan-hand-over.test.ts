import { describe, expect, it } from 'vitest';
import { planHandOver } from './plan-hand-over.ts';

const tickets = ['tkt_000001', 'tkt_000002', 'tkt_000003'];
const agents = [
  { id: 'usr_bo', open: 2 },
  { id: 'usr_cy', open: 0 },
];
const to = (changes: ReturnType<typeof planHandOver>) => changes.map((change) => change.args.assigneeId);

describe('planHandOver', () => {
  it('sends every ticket to the one person chosen', () => {
    const changes = planHandOver(tickets, { kind: 'person', id: 'usr_bo' }, agents);
    expect(changes.map((change) => change.name)).toEqual(['handOverTicket', 'handOverTicket', 'handOverTicket']);
    expect(changes.map((change) => change.args.ticketId)).toEqual(tickets);
    expect(to(changes)).toEqual(['usr_bo', 'usr_bo', 'usr_bo']);
  });

  it('spreads them so loads even up', () => {
    expect(to(planHandOver(tickets, { kind: 'spread' }, agents))).toEqual(['usr_cy', 'usr_cy', 'usr_bo']);
  });

  it('spreading with nobody to take them plans nothing', () => {
    expect(planHandOver(tickets, { kind: 'spread' }, [])).toEqual([]);
  });
});

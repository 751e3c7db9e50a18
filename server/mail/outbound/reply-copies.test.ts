import { describe, expect, it } from 'vitest';
import { TicketId } from '#shared/domain/ids';
import type { ReplyRecipient } from '#shared/domain/message';
import { replyCopies } from './reply-copies.ts';

const ticket = { id: TicketId.parse('tkt_a'), requesterEmail: 'Ann@Acme.test', requesterName: 'Ann' };
const recipient = (email: string, ticketId: string, name?: string) =>
  ({ email, ticketId, ...(name ? { name } : {}) }) as ReplyRecipient;

describe('replyCopies', () => {
  it.each<[string, ReplyRecipient[] | undefined, ReturnType<typeof replyCopies>]>([
    [
      'a reply from before merges goes to the requester',
      undefined,
      [{ email: 'Ann@Acme.test', recipient: 'ann@acme.test', name: 'Ann', threadTicketId: 'tkt_a' }],
    ],
    [
      'an empty list still reaches the requester',
      [],
      [{ email: 'Ann@Acme.test', recipient: 'ann@acme.test', name: 'Ann', threadTicketId: 'tkt_a' }],
    ],
    [
      'each merged requester gets a copy in their own thread',
      [
        recipient('ann@acme.test', 'tkt_a', 'Ann'),
        recipient('bob@globex.test', 'tkt_b'),
        recipient('cy@initech.test', 'tkt_c', 'Cy'),
      ],
      [
        { email: 'ann@acme.test', recipient: 'ann@acme.test', name: 'Ann', threadTicketId: 'tkt_a' },
        { email: 'bob@globex.test', recipient: 'bob@globex.test', threadTicketId: 'tkt_b' },
        { email: 'cy@initech.test', recipient: 'cy@initech.test', name: 'Cy', threadTicketId: 'tkt_c' },
      ],
    ],
    [
      'one person listed twice (spelled differently) gets one copy, in the first thread',
      [recipient('ann@acme.test', 'tkt_a'), recipient('ANN@acme.test', 'tkt_b')],
      [{ email: 'ann@acme.test', recipient: 'ann@acme.test', threadTicketId: 'tkt_a' }],
    ],
    [
      'two people in one thread (a damaged list): the first only, so each copy id stays unique',
      [recipient('ann@acme.test', 'tkt_a'), recipient('bob@globex.test', 'tkt_a')],
      [{ email: 'ann@acme.test', recipient: 'ann@acme.test', threadTicketId: 'tkt_a' }],
    ],
  ])('%s', (_, recipients, expected) => {
    expect(replyCopies(recipients === undefined ? {} : { recipients }, ticket)).toEqual(expected);
  });
});

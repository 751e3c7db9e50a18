import type { Ticket } from '../domain/ticket.ts';
import type { WorkspaceEntityName } from '../sync/entities.ts';
import { TEAM, ticketFixture } from './fixtures.ts';

/** The tickets of a small flood: who wrote them is what merges are about. */
export const T = {
  /** Where duplicates go (#101, Ana at Acme, open). */
  target: 'tkt_000001',
  /** #102, Ben at Globex, new. */
  dup1: 'tkt_000002',
  /** #103, Cy at Initech, pending. */
  dup2: 'tkt_000003',
  /** #104, Dana, also at Acme, on hold. */
  dup3: 'tkt_000004',
  /** #105, Eve at Umbrella, open: another canonical ticket. */
  other: 'tkt_000005',
  /** #106, closed. */
  closed: 'tkt_000006',
  /** #107, Ana again, her address in capitals: one person who wrote twice. */
  ana2: 'tkt_000007',
} as const;

const TICKETS: readonly Partial<Ticket>[] = [
  { id: T.target, number: 101, status: 'open', requesterName: 'Ana Costa', requesterEmail: 'ana@acme.example' },
  {
    id: T.dup1,
    number: 102,
    status: 'new',
    customerId: 'cus_globex',
    requesterName: 'Ben Okoro',
    requesterEmail: 'ben@globex.example',
    subject: 'Checkout blank',
  },
  {
    id: T.dup2,
    number: 103,
    status: 'pending',
    customerId: 'cus_initech',
    requesterName: 'Cy Tran',
    requesterEmail: 'cy@initech.example',
    subject: 'Cannot pay',
  },
  {
    id: T.dup3,
    number: 104,
    status: 'on_hold',
    requesterName: 'Dana Wu',
    requesterEmail: 'dana@acme.example',
    subject: 'Checkout white screen',
  },
  {
    id: T.other,
    number: 105,
    status: 'open',
    customerId: 'cus_umbrella',
    requesterName: 'Eve Lind',
    requesterEmail: 'eve@umbrella.example',
    subject: 'Payment page broken',
  },
  { id: T.closed, number: 106, status: 'closed', requesterName: 'Finn Berg', requesterEmail: 'finn@acme.example' },
  { id: T.ana2, number: 107, status: 'new', requesterName: 'Ana C.', requesterEmail: 'ANA@acme.example' },
] as Partial<Ticket>[];

/** The team and the flood's tickets, as store rows; `overrides` change tickets by id. */
export function mergeWorldRows(
  overrides: Record<string, Partial<Ticket>> = {},
): [WorkspaceEntityName, { id: string }][] {
  return [
    ...TEAM.map((member): [WorkspaceEntityName, { id: string }] => ['member', member]),
    ...TICKETS.map((ticket): [WorkspaceEntityName, { id: string }] => [
      'ticket',
      ticketFixture({ ...ticket, ...overrides[ticket.id ?? ''] }),
    ]),
  ];
}

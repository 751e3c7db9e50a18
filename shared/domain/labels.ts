import type { TicketChannel, TicketPriority, TicketStatus } from './ticket.ts';

/** How the product names domain values to people: one wording for UI, history and notices. */
export const PRIORITY_LABELS: Readonly<Record<TicketPriority, string>> = {
  urgent: 'Urgent',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

export const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  new: 'New',
  open: 'Open',
  pending: 'Waiting on customer',
  on_hold: 'On hold',
  solved: 'Solved',
  closed: 'Closed',
};

export const CHANNEL_LABELS: Readonly<Record<TicketChannel, string>> = {
  email: 'Email',
  chat: 'Chat',
  phone: 'Phone',
  web: 'Web form',
  api: 'API',
  social: 'Social',
};

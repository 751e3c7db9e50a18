import type { TicketChannel, TicketPriority, TicketStatus } from './ticket.ts';
import type { Role } from './roles.ts';

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

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  agent: 'Agent',
  analyst: 'Analyst',
  lead: 'Lead',
  trainee: 'Trainee',
  admin: 'Admin',
};

/** One line on what a role does, for whoever picks it. */
export const ROLE_DESCRIPTIONS: Readonly<Record<Role, string>> = {
  agent: 'works tickets',
  analyst: 'receives escalations and works with engineering',
  lead: 'runs the shift: assigns tickets, incidents, handovers, sees the team',
  trainee: 'sandbox only, until a lead promotes them',
  admin: 'manages users, API keys, settings and reads the audit log',
};

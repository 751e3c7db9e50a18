import { PRIORITY_LABELS, STATUS_LABELS } from '../../ui/format.ts';
import type { TicketCommand } from './ticket-command.ts';

/** "Priority set to High on 10 tickets": what the agent just did, in their words. */
export function describeCommand(command: TicketCommand, count: number): string {
  const tickets = count === 1 ? '1 ticket' : `${count.toLocaleString()} tickets`;
  switch (command.kind) {
    case 'priority':
      return `Priority set to ${PRIORITY_LABELS[command.priority]} on ${tickets}`;
    case 'status':
      return `${tickets} moved to ${STATUS_LABELS[command.status]}`;
    case 'claim':
      return `${tickets} assigned to you`;
    case 'release':
      return `${tickets} released to the queue`;
    case 'addTag':
      return `Tag “${command.tag}” added to ${tickets}`;
    case 'removeTag':
      return `Tag “${command.tag}” removed from ${tickets}`;
  }
}

/** "moved to Low": the brief cue when the ticket under the cursor leaves its place. */
export function describeMove(command: TicketCommand): string {
  switch (command.kind) {
    case 'priority':
      return `moved to ${PRIORITY_LABELS[command.priority]}`;
    case 'status':
      return `moved to ${STATUS_LABELS[command.status]}`;
    case 'claim':
      return 'assigned to you';
    case 'release':
      return 'released to the queue';
    case 'addTag':
      return `tagged “${command.tag}”`;
    case 'removeTag':
      return `no longer tagged “${command.tag}”`;
  }
}

import { assignTicket, claimTicket, releaseTicket } from './assignment.ts';
import { setPriority } from './set-priority.ts';
import { setStatus } from './set-status.ts';
import { addTag, removeTag } from './tags.ts';

/** Everything an agent can do to a ticket. */
export const ticketMutators = { setPriority, setStatus, claimTicket, releaseTicket, assignTicket, addTag, removeTag };

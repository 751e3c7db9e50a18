import { mergeTickets } from './merge-tickets.ts';
import { unmergeTicket } from './unmerge-ticket.ts';

/** Duplicates: merging them into one ticket, and undoing it. */
export const mergeMutators = { mergeTickets, unmergeTicket };

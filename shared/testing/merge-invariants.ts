import { replyRecipients } from '../domain/reply-recipients.ts';
import type { Ticket } from '../domain/ticket.ts';

/** Canonical ticket id → the ids merged into it, for tickets that hold any: a merge's outcome at a glance. */
export function mergeMap(tickets: Iterable<Ticket>): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const ticket of [...tickets].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (ticket.merged && ticket.merged.length > 0) map[ticket.id] = ticket.merged.map((entry) => entry.ticketId);
  }
  return map;
}

/**
 * What merges must leave behind, as sentences (none when sound): both ends of
 * every merge agree, merges are one link deep, a merged ticket is closed, and
 * every requester is reached by the replies of exactly one canonical ticket
 * (one not merged anywhere), so no customer is forgotten or written to twice.
 * Rows missing from `tickets` (deleted, or outside a device's window) are not
 * held against anyone.
 */
export function mergeFaults(tickets: Iterable<Ticket>): string[] {
  const byId = new Map([...tickets].map((ticket) => [ticket.id, ticket]));
  const faults: string[] = [];
  const reachedBy = new Map<string, string[]>();

  for (const ticket of byId.values()) {
    if (ticket.mergedInto) {
      const canonical = byId.get(ticket.mergedInto.ticketId);
      if (ticket.status !== 'closed') faults.push(`${ticket.id} is merged but ${ticket.status}`);
      if (!canonical) continue;
      if (canonical.mergedInto) faults.push(`${ticket.id} is merged into ${canonical.id}, which is merged too`);
      const listed = (canonical.merged ?? []).filter((entry) => entry.ticketId === ticket.id).length;
      if (listed !== 1) faults.push(`${canonical.id} lists ${ticket.id} ${listed} times, though it is merged there`);
      continue;
    }
    // A canonical ticket: its replies go to its own requester and to every ticket merged into it.
    const emails = new Set(replyRecipients(ticket).map((recipient) => recipient.email.toLowerCase()));
    for (const id of [ticket.id, ...(ticket.merged ?? []).map((entry) => entry.ticketId)]) {
      reachedBy.set(id, [...(reachedBy.get(id) ?? []), ticket.id]);
      const reached = byId.get(id);
      if (reached && !emails.has(reached.requesterEmail.toLowerCase()))
        faults.push(`${ticket.id}'s replies miss ${reached.id}'s requester`);
    }
    for (const entry of ticket.merged ?? []) {
      const row = byId.get(entry.ticketId);
      if (row && row.mergedInto?.ticketId !== ticket.id)
        faults.push(`${ticket.id} lists ${row.id}, which is not merged there`);
    }
  }
  for (const id of byId.keys()) {
    const by = reachedBy.get(id) ?? [];
    if (by.length !== 1) faults.push(`${id}'s requester is reached from ${by.length} tickets (${by.join(', ')})`);
  }
  return faults;
}

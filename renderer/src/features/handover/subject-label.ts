import type { HandoverSubject } from '#shared/domain/handover';

/** The subject's label is at most this long (the schema's limit). */
const LABEL_MAX = 200;

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= LABEL_MAX ? line : `${line.slice(0, LABEL_MAX - 1)}…`;
}

/** "#1042 Checkout is down": a ticket as the handover names it. */
export function ticketSubject(ticket: { id: string; number?: number | undefined; subject: string }): HandoverSubject {
  const number = ticket.number === undefined ? '' : `#${ticket.number} `;
  return { kind: 'ticket', id: ticket.id, label: clip(`${number}${ticket.subject}`) || ticket.id };
}

export function escalationSubject(escalation: { id: string; summary: string }): HandoverSubject {
  return {
    kind: 'escalation',
    id: escalation.id,
    label: clip(`Escalation: ${escalation.summary || 'untitled packet'}`),
  };
}

export function problemSubject(problem: { id: string; title: string }): HandoverSubject {
  return { kind: 'problem', id: problem.id, label: clip(`Problem: ${problem.title}`) };
}

export function customerSubject(customer: { id: string; name: string }): HandoverSubject {
  return { kind: 'customer', id: customer.id, label: clip(`Customer: ${customer.name}`) };
}

export const SUBJECT_KIND_LABELS: Readonly<Record<HandoverSubject['kind'], string>> = {
  ticket: 'Ticket',
  escalation: 'Escalation',
  problem: 'Problem',
  customer: 'Customer',
};

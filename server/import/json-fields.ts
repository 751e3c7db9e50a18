import type { FieldBag } from './map-row.ts';
import type { ImportOrigin } from './import-types.ts';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The first of `values` that is present (not undefined or null). */
function first(...values: unknown[]): unknown {
  return values.find((value) => value !== undefined && value !== null);
}

/**
 * Where a JSON ticket came from, by its shape: Freshdesk's API uses numeric
 * status and priority and `description_text`; Zendesk's export has `via`, a
 * `requester` object or snake_case times; anything else is our own shape.
 */
export function jsonOrigin(ticket: Record<string, unknown>): ImportOrigin {
  if (typeof ticket.status === 'number' || typeof ticket.priority === 'number' || 'description_text' in ticket) {
    return 'freshdesk';
  }
  if ('via' in ticket || typeof ticket.requester === 'object' || 'created_at' in ticket) return 'zendesk';
  return 'import';
}

/**
 * One JSON ticket (an array element or an NDJSON line) read into fields. Our
 * own camelCase shape, Zendesk's (`id, subject, description, status, priority,
 * tags, created_at, updated_at, via.channel, requester{name,email},
 * organization{name}`) and Freshdesk's API shape (`description_text`, numeric
 * codes, `requester{email,name}` or `email`) are all read.
 */
export function jsonFields(value: unknown): { bag: FieldBag; origin: ImportOrigin } {
  const ticket = record(value);
  const origin = jsonOrigin(ticket);
  const requester = record(ticket.requester);
  const organization = first(ticket.organization, ticket.company);
  return {
    origin,
    bag: {
      externalId: origin === 'import' ? first(ticket.externalId, ticket.external_id) : ticket.id,
      subject: ticket.subject,
      body: first(ticket.body, ticket.description_text, ticket.description),
      status: ticket.status,
      priority: ticket.priority,
      channel: first(ticket.channel, record(ticket.via).channel, ticket.source),
      requesterEmail: first(ticket.requesterEmail, requester.email, ticket.requester_email, ticket.email),
      requesterName: first(ticket.requesterName, requester.name, ticket.requester_name, ticket.name),
      organization:
        typeof organization === 'string' ? organization : first(record(organization).name, ticket.company_name),
      tags: ticket.tags,
      createdAt: first(ticket.createdAt, ticket.created_at),
      updatedAt: first(ticket.updatedAt, ticket.updated_at),
      firstReplyAt: first(ticket.firstReplyAt, ticket.first_reply_at),
      solvedAt: first(ticket.solvedAt, ticket.solved_at),
    },
  };
}

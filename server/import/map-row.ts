import { z } from 'zod';
import { MAX_TAGS, TicketTag, normalizeTag } from '#shared/domain/ticket';
import type { ImportOrigin, MappedRow } from './import-types.ts';
import { type Mapped, mapChannel, mapPriority, mapStatus, parseExportDate } from './value-maps.ts';

/** A source row's values by our field names, before any checking: what every format is read into. */
export interface FieldBag {
  externalId?: unknown;
  subject?: unknown;
  body?: unknown;
  status?: unknown;
  priority?: unknown;
  channel?: unknown;
  requesterEmail?: unknown;
  requesterName?: unknown;
  organization?: unknown;
  /** An array, or text split by `tagSeparator`. */
  tags?: unknown;
  createdAt?: unknown;
  updatedAt?: unknown;
  /** When an agent first replied (a time). */
  firstReplyAt?: unknown;
  /** Minutes from creation to the first reply (Zendesk's "First reply time in minutes"). */
  firstReplyMinutes?: unknown;
  /** When the ticket was solved (a time). */
  solvedAt?: unknown;
}

const Email = z.email().max(320);

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** `zendesk-1234`: the source id as a tag, within the tag alphabet. */
export function provenanceTag(origin: ImportOrigin, externalId: string): string {
  const id = externalId.toLowerCase().replace(/[^\p{Ll}\p{Lo}\p{N}._-]/gu, '-');
  return `${origin}-${id}`.slice(0, 60);
}

function tagsOf(raw: unknown, separator: RegExp): string[] {
  const items = Array.isArray(raw) ? raw.map(text) : text(raw).split(separator);
  return items.map(normalizeTag).filter((tag) => tag !== '');
}

/**
 * Checks one row and maps it to our terms. Everything that would make a bad
 * ticket is a reason, in words that point at the cell to fix; channels never
 * are (see mapChannel).
 */
export function mapRow(bag: FieldBag, origin: ImportOrigin, tagSeparator: RegExp): MappedRow {
  const subject = text(bag.subject);
  if (subject === '') return { ok: false, reason: 'no subject' };
  if (subject.length > 500) return { ok: false, reason: 'the subject is longer than 500 characters' };
  const body = typeof bag.body === 'string' ? bag.body : text(bag.body);
  if (body.length > 100_000) return { ok: false, reason: 'the description is longer than 100,000 characters' };
  const email = text(bag.requesterEmail);
  if (email === '') return { ok: false, reason: 'no requester email' };
  if (!Email.safeParse(email).success) return { ok: false, reason: `"${email.slice(0, 80)}" is not an email address` };
  const status = mapStatus(typeof bag.status === 'number' ? bag.status : text(bag.status));
  if (!status.ok) return status;
  const priority = mapPriority(typeof bag.priority === 'number' ? bag.priority : text(bag.priority));
  if (!priority.ok) return priority;
  const createdAt = parseExportDate(typeof bag.createdAt === 'number' ? bag.createdAt : text(bag.createdAt));
  if (!createdAt.ok) return { ok: false, reason: `created: ${createdAt.reason}` };
  const updatedAt = parseExportDate(typeof bag.updatedAt === 'number' ? bag.updatedAt : text(bag.updatedAt));
  if (!updatedAt.ok) return { ok: false, reason: `updated: ${updatedAt.reason}` };

  const history = historyOf(bag, createdAt.value);
  if (!history.ok) return history;

  const externalId = text(bag.externalId) || null;
  const tags = tagsOf(bag.tags, tagSeparator);
  if (externalId) tags.push(provenanceTag(origin, externalId));
  const bad = tags.find((tag) => !TicketTag.safeParse(tag).success);
  if (bad !== undefined) return { ok: false, reason: `"${bad.slice(0, 60)}" cannot be a tag` };
  const unique = [...new Set(tags)];
  if (unique.length > MAX_TAGS) return { ok: false, reason: `more than ${MAX_TAGS} tags` };

  const name = text(bag.requesterName).slice(0, 200);
  const organization = text(bag.organization).slice(0, 200);
  return {
    ok: true,
    ticket: {
      origin,
      externalId,
      subject,
      body,
      status: status.value,
      priority: priority.value,
      channel: mapChannel(typeof bag.channel === 'number' ? bag.channel : text(bag.channel)),
      requesterEmail: email,
      requesterName: name || null,
      organization: organization || null,
      tags: unique,
      createdAt: createdAt.value,
      updatedAt: updatedAt.value,
      ...history.value,
    },
  };
}

const dateOf = (raw: unknown) => parseExportDate(typeof raw === 'number' ? raw : text(raw));

/**
 * When the source says the ticket was first answered and solved: what its SLA
 * clocks (and so the customer's trust ledger) are judged from. A time before
 * the ticket was created is a source's glitch, not a reason to refuse the
 * row: it is left out, as if the source had not said.
 */
function historyOf(
  bag: FieldBag,
  createdAt: number | null,
): Mapped<{ firstReplyAt: number | null; solvedAt: number | null }> {
  const replied = dateOf(bag.firstReplyAt);
  if (!replied.ok) return { ok: false, reason: `first reply: ${replied.reason}` };
  const minutesText = text(bag.firstReplyMinutes);
  const minutes = minutesText === '' ? null : Number(minutesText);
  if (minutes !== null && !(Number.isFinite(minutes) && minutes >= 0)) {
    return { ok: false, reason: `first reply time: "${minutesText.slice(0, 40)}" is not a number of minutes` };
  }
  const solved = dateOf(bag.solvedAt);
  if (!solved.ok) return { ok: false, reason: `solved: ${solved.reason}` };
  const afterCreation = (at: number | null) => (at !== null && createdAt !== null && at < createdAt ? null : at);
  const fromMinutes = minutes !== null && createdAt !== null ? createdAt + Math.round(minutes * 60_000) : null;
  return {
    ok: true,
    value: { firstReplyAt: afterCreation(replied.value ?? fromMinutes), solvedAt: afterCreation(solved.value) },
  };
}

import type { TicketChannel, TicketPriority, TicketStatus } from '#shared/domain/ticket';

/** "On-hold", "on hold", "ON_HOLD" → "onhold": how export values are compared. */
function squash(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Zendesk (new, open, pending, hold, solved, closed) and Freshdesk (Open,
 * Pending, Resolved, Closed, and the common custom "Waiting on …" statuses).
 */
const STATUSES: Readonly<Record<string, TicketStatus>> = {
  new: 'new',
  open: 'open',
  pending: 'pending',
  waitingoncustomer: 'pending',
  hold: 'on_hold',
  onhold: 'on_hold',
  waitingonthirdparty: 'on_hold',
  solved: 'solved',
  resolved: 'solved',
  closed: 'closed',
};

/** Freshdesk's API and JSON exports use numbers: 2 Open, 3 Pending, 4 Resolved, 5 Closed. */
const FRESHDESK_STATUS_CODES: Readonly<Record<number, TicketStatus>> = {
  2: 'open',
  3: 'pending',
  4: 'solved',
  5: 'closed',
};

/** Zendesk: urgent/high/normal/low (or none); Freshdesk: Urgent/High/Medium/Low. */
const PRIORITIES: Readonly<Record<string, TicketPriority>> = {
  urgent: 'urgent',
  high: 'high',
  normal: 'normal',
  medium: 'normal',
  low: 'low',
};

/** Freshdesk numbers: 1 Low, 2 Medium, 3 High, 4 Urgent. */
const FRESHDESK_PRIORITY_CODES: Readonly<Record<number, TicketPriority>> = {
  1: 'low',
  2: 'normal',
  3: 'high',
  4: 'urgent',
};

/** Freshdesk sources: 1 Email, 2 Portal, 3 Phone, 4 Forum, 5 Twitter, 6 Facebook, 7 Chat, 9 Feedback widget, 10 Outbound email. */
const FRESHDESK_SOURCE_CODES: Readonly<Record<number, TicketChannel>> = {
  1: 'email',
  2: 'web',
  3: 'phone',
  4: 'web',
  5: 'social',
  6: 'social',
  7: 'chat',
  9: 'web',
  10: 'email',
};

export type Mapped<T> = { ok: true; value: T } | { ok: false; reason: string };

export function mapStatus(raw: unknown): Mapped<TicketStatus> {
  if (typeof raw === 'number') {
    const status = FRESHDESK_STATUS_CODES[raw];
    return status ? { ok: true, value: status } : { ok: false, reason: `unknown status code ${raw}` };
  }
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { ok: true, value: 'new' };
  const status = STATUSES[squash(text)];
  return status ? { ok: true, value: status } : { ok: false, reason: `unknown status "${text.slice(0, 40)}"` };
}

export function mapPriority(raw: unknown): Mapped<TicketPriority> {
  if (typeof raw === 'number') {
    const priority = FRESHDESK_PRIORITY_CODES[raw];
    return priority ? { ok: true, value: priority } : { ok: false, reason: `unknown priority code ${raw}` };
  }
  const text = typeof raw === 'string' ? raw.trim() : '';
  // Zendesk tickets may have no priority ("-" in CSV exports): ours are normal.
  if (text === '' || text === '-') return { ok: true, value: 'normal' };
  const priority = PRIORITIES[squash(text)];
  return priority ? { ok: true, value: priority } : { ok: false, reason: `unknown priority "${text.slice(0, 40)}"` };
}

/**
 * Zendesk's "Via" and Freshdesk's "Source" name many channels (Web form, Mail,
 * Phone call (inbound), Twitter DM, Feedback Widget, Mobile SDK, Rule…). Those
 * we do not recognise become email, the channel most helpdesk tickets come from;
 * a channel is never a reason to reject a row.
 */
export function mapChannel(raw: unknown): TicketChannel {
  if (typeof raw === 'number') return FRESHDESK_SOURCE_CODES[raw] ?? 'email';
  const text = typeof raw === 'string' ? raw.toLowerCase() : '';
  if (/mail/.test(text)) return 'email';
  if (/chat|messag|whatsapp|sms/.test(text)) return 'chat';
  if (/phone|voice|call/.test(text)) return 'phone';
  if (/twitter|facebook|instagram|social|\bx\b/.test(text)) return 'social';
  if (/\bapi\b|web ?service|integration/.test(text)) return 'api';
  if (/web|portal|widget|form|forum|help ?center/.test(text)) return 'web';
  return 'email';
}

/** `2024-03-01 10:22:33` (no zone) is read as UTC, like `Z`; an explicit offset wins. */
const EXPORT_DATE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i;

/**
 * Dates as exports write them: ISO 8601, `YYYY-MM-DD HH:MM[:SS] [+hhmm]`
 * (Zendesk and Freshdesk CSV), a bare date, or epoch milliseconds. Empty is
 * null (the import's time is used).
 */
export function parseExportDate(raw: unknown): Mapped<number | null> {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null };
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && raw >= 0 ? { ok: true, value: raw } : { ok: false, reason: `bad time ${raw}` };
  }
  if (typeof raw !== 'string') return { ok: false, reason: 'a date is not text' };
  const text = raw.trim();
  if (/^\d{12,14}$/.test(text)) return { ok: true, value: Number(text) };
  const match = EXPORT_DATE.exec(text);
  let parsed: number;
  if (match) {
    const zone = match[3] === undefined || match[3].toUpperCase() === 'UTC' ? 'Z' : match[3];
    const offset = zone === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    parsed = Date.parse(`${match[1]}T${match[2]}${offset}`);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    parsed = Date.parse(`${text}T00:00:00Z`);
  } else {
    parsed = Date.parse(text);
  }
  return Number.isFinite(parsed) && parsed >= 0
    ? { ok: true, value: parsed }
    : { ok: false, reason: `unreadable date "${text.slice(0, 40)}"` };
}

import { withoutBidiControls } from '../domain/bidi.ts';

/**
 * Macro templates: `{{requester.first_name}}` and friends, filled from the
 * ticket, its customer and the agent applying the macro. Anything the ticket
 * cannot fill (`{{incident.next_update}}`, a misspelt name) stays in the text
 * as an open slot, listed so the composer can hold the reply until the agent
 * has filled it: a customer must never read "{{incident.summary}}".
 */

/** The variables a template can use, as the macro editor lists them. */
export const MACRO_VARIABLES = {
  'customer.name': 'The customer’s name (company)',
  'requester.name': 'The requester’s full name',
  'requester.first_name': 'The requester’s first name',
  'requester.email': 'The requester’s email address',
  'ticket.number': 'The ticket number, without #',
  'ticket.subject': 'The ticket’s subject',
  'agent.name': 'Your full name',
  'agent.first_name': 'Your first name',
} as const;
export type MacroVariable = keyof typeof MACRO_VARIABLES;

/** Open slots the agent fills by hand; later issues (incidents) fill them from records. */
export const MACRO_OPEN_SLOTS = {
  'incident.summary': 'What is broken, in the customer’s words',
  'incident.next_update': 'When the next update is due',
  'incident.status_page': 'The status page link',
} as const;

export interface MacroContext {
  ticket: { number?: number | undefined; subject: string; requesterName: string; requesterEmail: string };
  customer: { name: string } | undefined;
  agent: { name: string };
  /**
   * The reply goes to several requesters (tickets were merged into this one):
   * the variables about the requester, their company and their ticket stay in
   * the text and the server fills them for each copy, so nobody reads another
   * customer's name or ticket number.
   */
  perRecipient?: boolean;
}

/** Variables that differ from one requester's copy of a reply to another's. */
export const PER_RECIPIENT_VARIABLES: ReadonlySet<string> = new Set<MacroVariable>([
  'customer.name',
  'requester.name',
  'requester.first_name',
  'requester.email',
  'ticket.number',
  'ticket.subject',
]);

const PLACEHOLDER = /\{\{\s*([a-z_]+(?:\.[a-z_]+)*)\s*\}\}/g;

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function macroValues(context: MacroContext): Record<MacroVariable, string | undefined> {
  const { ticket, customer, agent } = context;
  return {
    'customer.name': customer?.name,
    'requester.name': ticket.requesterName,
    'requester.first_name': firstName(ticket.requesterName),
    'requester.email': ticket.requesterEmail,
    'ticket.number': ticket.number === undefined ? undefined : String(ticket.number),
    'ticket.subject': ticket.subject,
    'agent.name': agent.name,
    'agent.first_name': firstName(agent.name),
  };
}

export interface RenderedMacro {
  text: string;
  /** Placeholders left in `text`, in order of first appearance, without braces. */
  openSlots: string[];
}

/** What Markdown could read as markup inside a line, and the braces of our own placeholders. */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>~|{}]/g;

/**
 * A customer-written value (subject, name) as literal text inside the agent's
 * Markdown: a subject like `[Reset password](https://evil.example)` stays
 * words, not a link in the team's reply; `{{x}}` in a subject is not an open
 * slot that would block the reply; and direction controls are dropped.
 */
export function literalValue(value: string): string {
  return withoutBidiControls(value).replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

/**
 * Fills the known variables with the ticket's values, as literal text (see
 * literalValue). The result is Markdown the agent reviews and sends.
 */
export function renderMacro(template: string, context: MacroContext): RenderedMacro {
  const values: Record<string, string | undefined> = macroValues(context);
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    if (context.perRecipient && PER_RECIPIENT_VARIABLES.has(name)) return `{{${name}}}`;
    const value = values[name];
    return value === undefined ? whole : literalValue(value);
  });
  return { text, openSlots: openSlotsIn(text) };
}

/**
 * The `{{…}}` placeholders still in a text: what must be filled before it
 * goes to a customer. On a reply to several requesters (`perRecipient`), the
 * per-recipient variables are not open: the server fills them for each copy.
 */
export function openSlotsIn(text: string, options: { perRecipient?: boolean } = {}): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  return [...new Set(names.filter((name) => !(options.perRecipient && PER_RECIPIENT_VARIABLES.has(name))))];
}

/** What a copy says where its ticket has no value (a ticket from before numbering, a company not on file). */
const PER_RECIPIENT_FALLBACKS: Readonly<Record<string, string>> = {
  'customer.name': 'your team',
  'ticket.number': 'your request',
};

/**
 * Fills the per-recipient variables of a reply for one requester's copy, from
 * that requester's own ticket and company (the server, at send time). Values
 * go in as literal text, as on the device.
 */
export function fillPerRecipient(
  text: string,
  recipient: { ticket: MacroContext['ticket']; customer: MacroContext['customer'] },
): string {
  const values: Record<string, string | undefined> = macroValues({ ...recipient, agent: { name: '' } });
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!PER_RECIPIENT_VARIABLES.has(name)) return whole;
    // A company the server does not know reads as a neutral phrase rather than an empty gap.
    const value = values[name] ?? PER_RECIPIENT_FALLBACKS[name];
    return value === undefined ? whole : literalValue(value);
  });
}

import { parseAddressHeader } from 'mailparser';
import { z } from 'zod';
import { oneLine } from './clean-text.ts';
import type { InboundAddress } from './inbound-mail.ts';

const Email = z.email().max(320);
const NAME_MAX = 200;
/** A real address header is far shorter; a cap keeps the address parser's work bounded. */
const VALUE_MAX = 5_000;

type ParsedAddress = { name: string; address?: string; group?: ParsedAddress[] };

function mailboxes(entries: readonly ParsedAddress[]): ParsedAddress[] {
  return entries.flatMap((entry) => (entry.group ? mailboxes(entry.group) : [entry]));
}

/**
 * The first usable mailbox of an address header (From, Reply-To): the address
 * lowercased and checked by zod, the display name decoded and cleaned. The
 * domain is kept in its ASCII (punycode) form, the form a reply can be sent to.
 * Null, with a line in `problems` when the header was there but unusable.
 */
export function mailAddress(
  values: readonly string[] | undefined,
  header: string,
  problems: string[],
): InboundAddress | null {
  const value = values?.[0];
  if (value === undefined) return null;
  let parsed: ParsedAddress[];
  try {
    parsed = mailboxes(parseAddressHeader(value.slice(0, VALUE_MAX), { decodePunycode: false }).value);
  } catch {
    parsed = [];
  }
  for (const mailbox of parsed) {
    const email = (mailbox.address ?? '').trim().toLowerCase();
    if (!Email.safeParse(email).success) continue;
    const name = oneLine(mailbox.name, NAME_MAX);
    return name ? { email, name } : { email };
  }
  problems.push(`The ${header} header has no usable email address ("${oneLine(value, 100)}"); it was ignored.`);
  return null;
}

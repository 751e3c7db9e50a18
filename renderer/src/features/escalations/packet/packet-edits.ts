import type { Escalation, EscalationStatus, PacketFields } from '#shared/domain/escalation';

/** The agent writes while drafting and while the analyst waits on an answer; otherwise the packet is read. */
export function isEditable(status: EscalationStatus): boolean {
  return status === 'draft' || status === 'needs_info';
}

export function packetFieldsOf(escalation: PacketFields): PacketFields {
  const { summary, severity, stepsToReproduce, expected, actual, environment, tried, evidence } = escalation;
  return { summary, severity, stepsToReproduce, expected, actual, environment, tried, evidence };
}

/**
 * What the editor shows: the stored packet with the agent's unsaved edits on
 * top. A field nobody is editing here follows the stored one, so an
 * analyst's correction arriving by sync shows up; one being typed in does not
 * jump under the agent's fingers.
 */
export function withEdits(stored: PacketFields, edits: Partial<PacketFields>): PacketFields {
  return { ...stored, ...edits };
}

/**
 * The edits still worth showing over the stored packet: those not saved yet
 * (`unsaved`), and saved ones the stored packet does not show yet (the live
 * read catches up a moment after the write). Dropping a saved edit only once
 * the stored packet has it means the text never flickers back under the
 * agent's fingers.
 */
export function settledEdits(
  edits: Partial<PacketFields>,
  unsaved: ReadonlySet<string>,
  stored: PacketFields,
): Partial<PacketFields> {
  const kept: Partial<PacketFields> = {};
  for (const key of Object.keys(edits) as (keyof PacketFields)[]) {
    const same = JSON.stringify(edits[key]) === JSON.stringify(stored[key]);
    if (unsaved.has(key) || !same) Object.assign(kept, { [key]: edits[key] });
  }
  return kept;
}

/** "Ready for 12 min", "Ready just now"; null while not ready. */
export function describeReadyAge(ageMs: number | null): string | null {
  if (ageMs === null) return null;
  const minutes = Math.floor(ageMs / 60_000);
  return minutes < 1 ? 'Ready just now' : `Ready for ${minutes} min`;
}

/** The ticket a packet is about, as the editor lists it: "#1042 Login fails" (plain text). */
export function ticketLabel(ticket: { number?: number | undefined; subject: string } | undefined): string {
  if (!ticket) return 'A ticket not on this device yet';
  return ticket.number === undefined ? ticket.subject : `#${ticket.number} ${ticket.subject}`;
}

export type EditorEscalation = Pick<
  Escalation,
  'id' | 'status' | 'ticketIds' | 'problemId' | 'readyAt' | 'sentAt' | 'impact' | 'analystId' | 'questions'
> &
  PacketFields;

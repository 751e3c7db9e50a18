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
 * The edits still unsaved after `saved` was written: a field typed in again
 * while the save ran keeps its newer value (compared by identity, so an
 * evidence list replaced meanwhile stays pending too).
 */
export function pendingAfterSave(edits: Partial<PacketFields>, saved: Partial<PacketFields>): Partial<PacketFields> {
  const pending: Partial<PacketFields> = {};
  for (const key of Object.keys(edits) as (keyof PacketFields)[]) {
    if (!(key in saved) || saved[key] !== edits[key]) Object.assign(pending, { [key]: edits[key] });
  }
  return pending;
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

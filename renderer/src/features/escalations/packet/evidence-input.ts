import { EVIDENCE_MAX, EscalationEvidence } from '#shared/domain/escalation';

export type EvidenceInput = { kind: 'link'; url: string; label: string } | { kind: 'log'; text: string };

/**
 * An evidence item from what the agent typed, checked with the packet's own
 * schema (links: http or https only): the item, or what is wrong with it.
 */
export function parseEvidence(
  input: EvidenceInput,
  already: number,
): { ok: true; item: EscalationEvidence } | { ok: false; problem: string } {
  if (already >= EVIDENCE_MAX) return { ok: false, problem: `A packet holds at most ${EVIDENCE_MAX} items.` };
  const candidate =
    input.kind === 'link'
      ? { kind: 'link', url: input.url.trim(), ...(input.label.trim() ? { label: input.label.trim() } : {}) }
      : { kind: 'log', text: input.text.trimEnd() };
  if (input.kind === 'link' && input.url.trim() === '') return { ok: false, problem: 'Paste a link first.' };
  if (input.kind === 'log' && input.text.trim() === '') return { ok: false, problem: 'Paste the log first.' };
  const parsed = EscalationEvidence.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0] === 'url' ? 'The link' : issue?.path[0] === 'label' ? 'The label' : 'The log';
    return { ok: false, problem: `${field} ${issue?.message ?? 'is not valid'}.` };
  }
  return { ok: true, item: parsed.data };
}

/** How an item reads in the list: the label and link, or the log's first line and its size. */
export function describeEvidence(item: EscalationEvidence): string {
  if (item.kind === 'link') return item.label ? `${item.label} — ${item.url}` : item.url;
  const lines = item.text.split('\n');
  const first = (lines[0] ?? '').slice(0, 80);
  return `Log: ${first}${lines.length > 1 ? ` (+${lines.length - 1} lines)` : ''}`;
}

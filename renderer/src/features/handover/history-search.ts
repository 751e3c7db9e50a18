import type { Handover } from '#shared/domain/handover';

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Everything a past handover can be found by: people, subjects, summaries, notes, actions, read-backs. */
export function handoverSearchText(handover: Handover, nameOf: (userId: string) => string): string {
  const parts = [nameOf(handover.fromUserId), handover.toUserId === null ? '' : nameOf(handover.toUserId)];
  for (const item of handover.items) {
    parts.push(item.subject.label, item.summary, item.awareness, item.contingency);
    for (const action of item.actions) parts.push(action.text);
    if (item.acknowledged) parts.push(nameOf(item.acknowledged.by), item.acknowledged.readBack ?? '');
  }
  return fold(parts.join('\n'));
}

/** The words of a search, folded the same way; an empty search matches everything. */
export function searchTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((term) => term.length > 0);
}

/** Every term appears somewhere (in any order): "acme refund" finds the item about Acme's refund. */
export function matchesHandoverSearch(text: string, terms: readonly string[]): boolean {
  return terms.every((term) => text.includes(term));
}

import type { TeamResponse } from '#shared/api/accounts';

type Member = TeamResponse['members'][number];

/**
 * Who works a shift now first (`working`: ids with a running shift), then who
 * is connected, then everyone else; disabled accounts last; by name within each.
 */
export function teamInShiftOrder(members: readonly Member[], working: ReadonlySet<string> = new Set()): Member[] {
  const rank = (member: Member) => (member.disabled ? 3 : working.has(member.id) ? 0 : member.onShift ? 1 : 2);
  return [...members].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** "3 of 7 on shift now" (disabled accounts are not part of the team's count). */
export function onShiftSummary(members: readonly Member[]): string {
  const active = members.filter((member) => !member.disabled);
  const on = active.filter((member) => member.onShift).length;
  return `${on} of ${active.length} on shift now`;
}

import { type Macro, isMacroVisibleTo } from '#shared/domain/macro';
import { type Ranked, rankByFuzzy } from '../actions/fuzzy-match.ts';

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The macros one agent may use, in picker order: the team's first (what the
 * team agreed to say), then their own personal ones, each by name. A device
 * also holds teammates' personal macros; those are left out.
 */
export function macrosFor(macros: readonly Macro[], userId: string): Macro[] {
  return macros
    .filter((macro) => isMacroVisibleTo(macro, userId))
    .sort(
      (a, b) =>
        Number(a.visibility !== 'shared') - Number(b.visibility !== 'shared') ||
        byName.compare(a.name, b.name) ||
        a.id.localeCompare(b.id),
    );
}

/** "Team" or "Personal", as the picker and the editor list say it. */
export function visibilityLabel(macro: Pick<Macro, 'visibility'>): string {
  return macro.visibility === 'shared' ? 'Team' : 'Personal';
}

/** "Reply" or "Internal note". */
export function kindLabel(macro: Pick<Macro, 'messageKind'>): string {
  return macro.messageKind === 'reply' ? 'Reply' : 'Internal note';
}

/**
 * The picker's filter: the typed letters in order in the name (as in the
 * command palette), or in "team"/"personal"/"note"; best match first, and
 * the picker order when nothing is typed.
 */
export function filterMacros(query: string, macros: readonly Macro[]): Ranked<Macro>[] {
  return rankByFuzzy(query, macros, (macro) => ({
    title: macro.name,
    keywords: [visibilityLabel(macro), kindLabel(macro)],
  }));
}

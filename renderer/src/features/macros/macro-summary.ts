import { PRIORITY_LABELS, STATUS_LABELS } from '#shared/domain/labels';
import type { MacroActions } from '#shared/domain/macro';

function tagPhrase(verb: 'add' | 'remove', tags: readonly string[] | undefined): string | null {
  if (!tags || tags.length === 0) return null;
  const list = tags.length === 1 ? tags[0] : `${tags.slice(0, -1).join(', ')} and ${tags[tags.length - 1] ?? ''}`;
  return `${verb} ${tags.length === 1 ? 'tag' : 'tags'} ${list}`;
}

/**
 * What a macro does to the ticket, in reading order, one phrase each:
 * "set status Pending", "add tag outage", "assign to you". `nameOf` names a
 * teammate the macro assigns to. Empty when it changes nothing.
 */
export function macroActionPhrases(actions: MacroActions, nameOf: (userId: string) => string): string[] {
  const phrases: (string | null)[] = [
    actions.status ? `set status ${STATUS_LABELS[actions.status]}` : null,
    actions.priority ? `set priority ${PRIORITY_LABELS[actions.priority]}` : null,
    tagPhrase('add', actions.addTags),
    tagPhrase('remove', actions.removeTags),
    actions.assignee === undefined
      ? null
      : actions.assignee === 'me'
        ? 'assign to you'
        : actions.assignee === 'nobody'
          ? 'unassign'
          : `assign to ${nameOf(actions.assignee)}`,
  ];
  return phrases.filter((phrase): phrase is string => phrase !== null);
}

/** "Set status Pending · add tag outage · assign to you", or null when the macro changes nothing. */
export function summarizeMacroActions(actions: MacroActions, nameOf: (userId: string) => string): string | null {
  const phrases = macroActionPhrases(actions, nameOf);
  if (phrases.length === 0) return null;
  const sentence = phrases.join(' · ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

import type { SavedViewId } from '#shared/domain/ids';
import {
  SAVED_VIEW_NAME_MAX,
  type SavedView,
  SavedViewName,
  type SavedViewVisibility,
  sameViewName,
} from '#shared/domain/saved-view';
import type { ViewDefinition } from '#shared/query/view-definition';
import type { MutationArgs } from '#shared/sync/mutators/registry';

/** What the dialog edits. */
export interface SaveViewDraft {
  name: string;
  visibility: SavedViewVisibility;
  /** Editing only: replace the view's filters and sort with the ones on screen. */
  replaceDefinition: boolean;
}

export function draftFor(view: SavedView | undefined): SaveViewDraft {
  return { name: view?.name ?? '', visibility: view?.visibility ?? 'personal', replaceDefinition: false };
}

/**
 * What is wrong with a name, said beside the field, or null. The mutator checks
 * the same rules (and has the last word); asking here first keeps the typing
 * in the field instead of a refusal after the dialog closed.
 */
export function viewNameProblem(
  name: string,
  context: { visible: readonly SavedView[]; ownerId: string; excludingId?: string },
): string | null {
  const parsed = SavedViewName.safeParse(name);
  if (!parsed.success) {
    const trimmed = name.trim();
    if (trimmed.length === 0) return 'Enter a name for the view.';
    if (trimmed.length > SAVED_VIEW_NAME_MAX) return `Use at most ${SAVED_VIEW_NAME_MAX} characters.`;
    return 'Use one line of text, without control characters.';
  }
  const clash = context.visible.find(
    (view) =>
      view.id !== context.excludingId &&
      (view.ownerId === context.ownerId || view.visibility === 'shared') &&
      sameViewName(view.name, parsed.data),
  );
  return clash ? `There is already a view named “${clash.name}”. Pick another name.` : null;
}

export function createArgs(
  id: SavedViewId,
  draft: SaveViewDraft,
  definition: ViewDefinition,
): MutationArgs<'createSavedView'> {
  return { savedViewId: id, name: draft.name.trim(), definition, visibility: draft.visibility };
}

/** Only the fields the person changed, so a teammate's concurrent edit of another field survives; null: nothing to do. */
export function updateArgs(
  view: SavedView,
  draft: SaveViewDraft,
  definition: ViewDefinition,
): MutationArgs<'updateSavedView'> | null {
  const name = draft.name.trim();
  const args: MutationArgs<'updateSavedView'> = {
    savedViewId: view.id,
    ...(name === view.name ? {} : { name }),
    ...(draft.visibility === view.visibility ? {} : { visibility: draft.visibility }),
    ...(draft.replaceDefinition && !sameDefinition(definition, view.definition) ? { definition } : {}),
  };
  return Object.keys(args).length > 1 ? args : null;
}

/** Whether the screen shows what the view already holds (then there is nothing to replace). */
export function sameDefinition(a: ViewDefinition, b: ViewDefinition): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Key order can differ between a parsed row and a definition built on screen; values cannot. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, entry]) => [key, canonical(entry)]),
  );
}

import type { SavedView } from '#shared/domain/saved-view';
import type { ViewSpec } from '#shared/query/builtin-views';

/** A saved view as lists and the view switcher take views: it looks like a built-in one. */
export function savedViewToSpec(view: SavedView): ViewSpec {
  return {
    id: view.id,
    name: view.name,
    description: view.visibility === 'shared' ? 'Saved view, shared with the team' : 'Saved view, only you see it',
    definition: view.definition,
  };
}

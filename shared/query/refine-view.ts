import type { ViewDefinition, ViewFilter, ViewSort } from './view-definition.ts';

/** What the agent changed on top of a view from the filter bar: criteria to replace or clear, another sort. */
export interface ViewRefinement {
  /** A criterion set here replaces the view's; `undefined` as a value clears it. */
  filter: Partial<Record<keyof ViewFilter, ViewFilter[keyof ViewFilter] | undefined>>;
  sort: ViewSort | null;
}

export const NO_REFINEMENT: ViewRefinement = { filter: {}, sort: null };

/** The view as the agent sees it: its own definition with the filter bar's changes on top. */
export function refineView(view: ViewDefinition, refinement: ViewRefinement): ViewDefinition {
  const filter: Record<string, unknown> = { ...view.filter };
  for (const [key, value] of Object.entries(refinement.filter)) {
    if (value === undefined) delete filter[key];
    else filter[key] = value;
  }
  return { ...view, filter, sort: refinement.sort ?? view.sort };
}

export function isRefined(refinement: ViewRefinement): boolean {
  return refinement.sort !== null || Object.keys(refinement.filter).length > 0;
}

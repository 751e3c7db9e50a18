import { createSavedView } from './create-saved-view.ts';
import { deleteSavedView } from './delete-saved-view.ts';
import { updateSavedView } from './update-saved-view.ts';

/** Everything a person can do to a saved view. */
export const savedViewMutators = { createSavedView, updateSavedView, deleteSavedView };

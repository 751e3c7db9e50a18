import { z } from 'zod';
import { SavedViewId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { refuseUnlessMayChange, sampleSavedViewId } from './saved-view-rules.ts';

/**
 * Deletes a view: a tombstone on the server, so every device drops it. A view
 * already gone (a teammate deleted it first) is not an error: the outcome the
 * person wanted is there.
 */
export const deleteSavedView = defineMutation({
  args: z.object({ savedViewId: SavedViewId }),
  permission: 'views.save',
  alsoChecks: ['views.manageShared'],
  run: async (tx, args, ctx) => {
    const view = await tx.get('savedView', args.savedViewId);
    if (!view) return;
    await refuseUnlessMayChange(tx, view, ctx, 'delete');
    await tx.delete('savedView', view.id);
  },
  sample: (random, world) => ({ savedViewId: sampleSavedViewId(random, world) }),
});

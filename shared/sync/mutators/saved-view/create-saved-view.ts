import { z } from 'zod';
import { SavedViewId } from '../../../domain/ids.ts';
import {
  SAVED_VIEW_VISIBILITIES,
  SavedViewName,
  SavedViewPosition,
  SavedViewVisibility,
} from '../../../domain/saved-view.ts';
import { ViewDefinition } from '../../../query/view-definition.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import { refuseIfNameTaken, refuseIfNoRoom, sampleDefinition, sampleViewName } from './saved-view-rules.ts';

/**
 * Saves a definition under a name, owned by whoever saves it. The id comes
 * with the arguments (the device draws it): it never changes when the outbox
 * is replayed or renumbered, so a rename queued right after, offline, still
 * names the right view, and the screen can switch to the view at once.
 */
export const createSavedView = defineMutation({
  args: z.object({
    savedViewId: SavedViewId,
    name: SavedViewName,
    definition: ViewDefinition,
    visibility: SavedViewVisibility,
    position: SavedViewPosition.optional(),
  }),
  permission: 'views.save',
  run: async (tx, args, ctx) => {
    if (await tx.get('savedView', args.savedViewId)) {
      // Only a device that reused an id gets here; the existing view is someone's work, so it stays.
      throw new MutationRejected('conflict', 'Another saved view already has this id; nothing was saved.', {
        subject: { entity: 'savedView', id: args.savedViewId },
      });
    }
    const owner = { ownerId: ctx.actor.id, visibility: args.visibility };
    await refuseIfNoRoom(tx, owner, ctx);
    await refuseIfNameTaken(tx, args.name, owner);
    await tx.put('savedView', {
      id: args.savedViewId,
      name: args.name,
      definition: args.definition,
      ownerId: ctx.actor.id,
      visibility: args.visibility,
      ...(args.position === undefined ? {} : { position: args.position }),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  },
  sample: (random, world) => ({
    // Now and then a device reuses an id it already holds.
    savedViewId:
      world.savedViewIds.length > 0 && random.chance(0.05)
        ? random.pick(world.savedViewIds)
        : `viw_${random.int(2 ** 31).toString(36)}`,
    name: sampleViewName(random),
    definition: sampleDefinition(random),
    visibility: random.pick(SAVED_VIEW_VISIBILITIES),
    ...(random.chance(0.3) ? { position: random.int(100) } : {}),
  }),
});

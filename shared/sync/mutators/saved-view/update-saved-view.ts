import { z } from 'zod';
import { SavedViewId } from '../../../domain/ids.ts';
import {
  SAVED_VIEW_VISIBILITIES,
  type SavedView,
  SavedViewName,
  SavedViewPosition,
  SavedViewVisibility,
} from '../../../domain/saved-view.ts';
import { ViewDefinition } from '../../../query/view-definition.ts';
import { defineMutation } from '../../mutator.ts';
import {
  refuseIfNameTaken,
  refuseIfNoRoom,
  refuseUnlessMayChange,
  sampleDefinition,
  sampleSavedViewId,
  sampleViewName,
  savedViewOrReject,
} from './saved-view-rules.ts';

const UpdateArgs = z.object({
  savedViewId: SavedViewId,
  name: SavedViewName.optional(),
  definition: ViewDefinition.optional(),
  /** Share with the team, or take back to personal. */
  visibility: SavedViewVisibility.optional(),
  /** Null takes the view out of the manual order (back to name order). */
  position: SavedViewPosition.nullable().optional(),
});
type UpdateArgs = z.output<typeof UpdateArgs>;

/** The view with the fields the update names, and nothing else, changed (updatedAt aside). */
function updated(view: SavedView, args: UpdateArgs): SavedView {
  const { position: _old, ...rest } = view;
  const position = args.position === undefined ? view.position : (args.position ?? undefined);
  return {
    ...rest,
    name: args.name ?? view.name,
    definition: args.definition ?? view.definition,
    visibility: args.visibility ?? view.visibility,
    // Absent rather than undefined: every store keeps the row in the same shape.
    ...(position === undefined ? {} : { position }),
  };
}

/** Whether the update changes anything a person would notice (updatedAt aside). */
function changes(view: SavedView, next: SavedView): boolean {
  return (
    next.name !== view.name ||
    next.visibility !== view.visibility ||
    next.position !== view.position ||
    // Both parsed by one schema, so equal definitions serialize with the same key order.
    JSON.stringify(next.definition) !== JSON.stringify(view.definition)
  );
}

/**
 * Renames, redefines, shares or unshares, or moves a view; any of these in one
 * change. Two people editing one shared view: the later change wins field by
 * field, since each update carries only the fields it changes.
 */
export const updateSavedView = defineMutation({
  args: UpdateArgs,
  permission: 'views.save',
  alsoChecks: ['views.manageShared'],
  run: async (tx, args, ctx) => {
    const view = await savedViewOrReject(tx, args.savedViewId);
    await refuseUnlessMayChange(tx, view, ctx, 'change');
    const next = updated(view, args);
    // Saving what is already there is a no-op, not an error: two leads may tidy up alike.
    if (!changes(view, next)) return;
    const target = { ownerId: view.ownerId, excludingId: view.id };
    if (next.visibility !== view.visibility) await refuseIfNoRoom(tx, { ...target, visibility: next.visibility }, ctx);
    if (next.name !== view.name) await refuseIfNameTaken(tx, next.name, target);
    await tx.put('savedView', { ...next, updatedAt: ctx.now });
  },
  sample: (random, world) => ({
    savedViewId: sampleSavedViewId(random, world),
    ...(random.chance(0.5) ? { name: sampleViewName(random) } : {}),
    ...(random.chance(0.3) ? { definition: sampleDefinition(random) } : {}),
    ...(random.chance(0.4) ? { visibility: random.pick(SAVED_VIEW_VISIBILITIES) } : {}),
    ...(random.chance(0.2) ? { position: random.chance(0.3) ? null : random.int(100) } : {}),
  }),
});

import { MacroId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { MacroFields } from './create-macro.ts';
import {
  macroOrReject,
  refuseIfNameTaken,
  refuseIfNoRoom,
  refuseUnknownAssignee,
  refuseUnlessMayChange,
  sampleMacroActions,
  sampleMacroId,
  sampleMacroName,
} from './macro-rules.ts';

/** Changes a macro as a whole (the editor saves every field); sharing or unsharing it is a change of visibility. */
export const updateMacro = defineMutation({
  args: MacroFields.extend({ macroId: MacroId }),
  permission: 'macros.save',
  alsoChecks: ['macros.manageShared'],
  run: async (tx, args, ctx) => {
    const macro = await macroOrReject(tx, args.macroId);
    refuseUnlessMayChange(macro, ctx.actor);
    const target = { ownerId: macro.ownerId, visibility: args.visibility, excludingId: macro.id };
    // Moving it between personal and team needs the right for where it lands too.
    refuseUnlessMayChange({ ...macro, visibility: args.visibility }, ctx.actor);
    await refuseIfNoRoom(tx, target);
    await refuseIfNameTaken(tx, args.name, target);
    await refuseUnknownAssignee(tx, args.actions);
    await tx.put('macro', {
      ...macro,
      name: args.name,
      body: args.body,
      messageKind: args.messageKind,
      actions: args.actions,
      visibility: args.visibility,
      updatedAt: ctx.now,
    });
  },
  sample: (random, world) => ({
    macroId: sampleMacroId(random, world),
    name: sampleMacroName(random),
    body: random.chance(0.5) ? 'Thanks {{requester.first_name}}!' : '',
    messageKind: 'reply' as const,
    actions: sampleMacroActions(random, world),
    visibility: random.chance(0.5) ? ('shared' as const) : ('personal' as const),
  }),
});

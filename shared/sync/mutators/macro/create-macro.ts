import { z } from 'zod';
import { MacroId } from '../../../domain/ids.ts';
import { MACRO_BODY_MAX, MacroActions, MacroName, MacroVisibility } from '../../../domain/macro.ts';
import { AgentMessageKind } from '../../../domain/message.ts';
import { defineMutation } from '../../mutator.ts';
import { MutationRejected } from '../../rejection.ts';
import {
  refuseIfNameTaken,
  refuseIfNoRoom,
  refuseUnknownAssignee,
  refuseUnlessMayChange,
  sampleMacroActions,
  sampleMacroName,
} from './macro-rules.ts';

export const MacroFields = z.object({
  name: MacroName,
  body: z.string().max(MACRO_BODY_MAX),
  messageKind: AgentMessageKind,
  actions: MacroActions,
  visibility: MacroVisibility,
});

/** Saves a new macro, owned by whoever saves it; the device draws the id so edits queued offline name it. */
export const createMacro = defineMutation({
  args: MacroFields.extend({ macroId: MacroId }),
  permission: 'macros.save',
  alsoChecks: ['macros.manageShared'],
  run: async (tx, args, ctx) => {
    if (await tx.get('macro', args.macroId)) {
      throw new MutationRejected('conflict', 'Another macro already has this id; nothing was saved.', {
        subject: { entity: 'macro', id: args.macroId },
      });
    }
    const owner = { ownerId: ctx.actor.id, visibility: args.visibility };
    refuseUnlessMayChange({ id: args.macroId, name: args.name, ...owner }, ctx.actor);
    await refuseIfNoRoom(tx, owner);
    await refuseIfNameTaken(tx, args.name, owner);
    await refuseUnknownAssignee(tx, args.actions);
    await tx.put('macro', {
      id: args.macroId,
      name: args.name,
      body: args.body,
      messageKind: args.messageKind,
      actions: args.actions,
      ...owner,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  },
  sample: (random, world) => ({
    macroId:
      world.macroIds.length > 0 && random.chance(0.05)
        ? random.pick(world.macroIds)
        : `mac_${random.int(2 ** 31).toString(36)}`,
    name: sampleMacroName(random),
    body: 'Hi {{requester.first_name}}, sorry about ticket #{{ticket.number}}.',
    messageKind: random.chance(0.8) ? ('reply' as const) : ('note' as const),
    actions: sampleMacroActions(random, world),
    visibility: random.chance(0.5) ? ('shared' as const) : ('personal' as const),
  }),
});

import { z } from 'zod';
import { MacroId } from '../../../domain/ids.ts';
import { defineMutation } from '../../mutator.ts';
import { refuseUnlessMayChange, sampleMacroId } from './macro-rules.ts';

export const deleteMacro = defineMutation({
  args: z.object({ macroId: MacroId }),
  permission: 'macros.save',
  alsoChecks: ['macros.manageShared'],
  run: async (tx, args, ctx) => {
    const macro = await tx.get('macro', args.macroId);
    // Deleting what is already gone (on another device, meanwhile) is what the agent wanted.
    if (!macro) return;
    refuseUnlessMayChange(macro, ctx.actor);
    await tx.delete('macro', macro.id);
  },
  sample: (random, world) => ({ macroId: sampleMacroId(random, world) }),
});

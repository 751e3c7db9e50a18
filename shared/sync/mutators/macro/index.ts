import { createMacro } from './create-macro.ts';
import { deleteMacro } from './delete-macro.ts';
import { updateMacro } from './update-macro.ts';

export const macroMutators = { createMacro, updateMacro, deleteMacro };

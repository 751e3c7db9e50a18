import { createProblem } from './create-problem.ts';
import { linkToProblem } from './link-to-problem.ts';
import { unlinkFromProblem } from './unlink-from-problem.ts';
import { updateProblem } from './update-problem.ts';

/** Problems: one fault behind many reports, and the tickets linked to it. */
export const problemMutators = { createProblem, linkToProblem, unlinkFromProblem, updateProblem };

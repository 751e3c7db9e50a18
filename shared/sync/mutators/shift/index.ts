import { endShift } from './end-shift.ts';
import { startShift } from './start-shift.ts';

/** Shifts: who is at the console, and until when. */
export const shiftMutators = { startShift, endShift };

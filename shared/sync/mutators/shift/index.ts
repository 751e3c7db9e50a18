import { endShift } from './end-shift.ts';
import { handOverTicket } from './hand-over-ticket.ts';
import { startShift } from './start-shift.ts';

/** Shifts: who is at the console, and until when, and the tickets handed on when they leave. */
export const shiftMutators = { startShift, endShift, handOverTicket };

import { addMessage } from './add-message.ts';

/** What agents write on a ticket's conversation. */
export const messageMutators = { addMessage };

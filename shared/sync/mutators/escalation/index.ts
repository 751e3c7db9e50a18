import { acknowledgeEscalation } from './acknowledge-escalation.ts';
import { answerQuestion } from './answer-question.ts';
import { askForInformation } from './ask-for-information.ts';
import { createEscalation } from './create-escalation.ts';
import { flagRegression } from './flag-regression.ts';
import { progressEscalation } from './progress-escalation.ts';
import { recordFollowUp } from './record-follow-up.ts';
import { reopenEscalation } from './reopen-escalation.ts';
import { resolveEscalation } from './resolve-escalation.ts';
import { sendEscalation } from './send-escalation.ts';
import { updateEscalation } from './update-escalation.ts';
import { withdrawEscalation } from './withdraw-escalation.ts';

/** Escalations: an agent's packet to an analyst, and every step of it after. */
export const escalationMutators = {
  createEscalation,
  updateEscalation,
  sendEscalation,
  withdrawEscalation,
  acknowledgeEscalation,
  askForInformation,
  answerQuestion,
  progressEscalation,
  resolveEscalation,
  reopenEscalation,
  flagRegression,
  recordFollowUp,
};

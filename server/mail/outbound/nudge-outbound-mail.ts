import type { CommittedMutation } from '../../sync/server-mutations.ts';
import type { MailService } from '../mail-service.ts';

/** A committed reply wakes the team's sender at once, rather than at its next timer. */
export function nudgeOutboundMail(mail: MailService) {
  return (committed: CommittedMutation): void => {
    if (committed.name === 'addMessage') mail.nudge(committed.workspaceId);
  };
}

import { useMemo, useState } from 'react';
import { openQuestionsFor } from '#shared/escalation/notifications';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { showPacket, useEscalationConsole } from '../escalations/console/console-store.ts';
import { useEscalations } from '../escalations/use-escalations.ts';
import { useMembers } from '../queue/members-context.tsx';

/**
 * A question from an analyst lands on the agent's screen whatever they are
 * looking at: a notice that stays until it is answered (or put off for this
 * session), with "Answer" straight to the answer field. Not shown for the
 * packet already open on the escalations screen, where the question is.
 */
export function QuestionNotices({ onEscalations }: { onEscalations: boolean }) {
  const { user } = useWorkspace();
  const escalations = useEscalations();
  const members = useMembers();
  const selectedId = useEscalationConsole((s) => s.selectedId);
  const [later, setLater] = useState<ReadonlySet<string>>(new Set());
  const questions = useMemo(
    () =>
      (escalations ? openQuestionsFor(escalations, user.id) : []).filter((question) => !later.has(question.questionId)),
    [escalations, user.id, later],
  );
  const shown = questions.filter((question) => !(onEscalations && question.escalationId === selectedId));
  const first = shown[0];
  if (!first) return null;
  const asker = members?.get(first.askedBy)?.name ?? 'An analyst';
  return (
    <section
      className="notice notice--info question-notice"
      aria-label="Question from an analyst"
      data-testid="question-notice"
    >
      <p role="status" className="question-notice__text">
        {asker} asked about “{first.summary}”: {first.text}
        {shown.length > 1 ? ` (and ${shown.length - 1} more ${shown.length === 2 ? 'question' : 'questions'})` : ''}
      </p>
      <div className="notice__actions">
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => showPacket(first.escalationId, first.questionId)}
        >
          Answer
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setLater((previous) => new Set([...previous, first.questionId]))}
        >
          Later
        </button>
      </div>
    </section>
  );
}

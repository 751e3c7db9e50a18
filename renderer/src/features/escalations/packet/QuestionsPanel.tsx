import { useState } from 'react';
import type { EscalationQuestion } from '#shared/domain/escalation';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { runLocalChange } from '../../../sync/run-change.ts';
import { formatTimestamp } from '../../../ui/format.ts';
import { useMembers } from '../../queue/members-context.tsx';
import { PacketTextArea } from './PacketTextArea.tsx';

interface QuestionsPanelProps {
  escalationId: string;
  questions: readonly EscalationQuestion[];
  /** Answers are written while the packet waits on the agent. */
  answerable: boolean;
}

/** What the analyst asked, and the agent's answers; an open question is answered here. */
export function QuestionsPanel({ escalationId, questions, answerable }: QuestionsPanelProps) {
  if (questions.length === 0) return null;
  return (
    <section className="packet-questions" aria-labelledby="packet-questions-heading" data-testid="packet-questions">
      <h3 id="packet-questions-heading">Questions from the analyst</h3>
      <ol className="packet-questions__list">
        {questions.map((question) => (
          <Question key={question.id} escalationId={escalationId} question={question} answerable={answerable} />
        ))}
      </ol>
    </section>
  );
}

function Question({
  escalationId,
  question,
  answerable,
}: {
  escalationId: string;
  question: EscalationQuestion;
  answerable: boolean;
}) {
  const { db, user } = useWorkspace();
  const members = useMembers();
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const asker = members?.get(question.askedBy)?.name ?? 'The analyst';
  const send = async () => {
    setBusy(true);
    const refusal = await runLocalChange(
      db,
      user,
      'answerQuestion',
      { escalationId, questionId: question.id, answer },
      'The answer',
    );
    setBusy(false);
    setProblem(refusal);
  };
  return (
    <li>
      <p>
        <strong>{asker}</strong> asked ({formatTimestamp(question.askedAt)}): {question.text}
      </p>
      {question.answer !== undefined ? (
        <p className="packet-questions__answer">Answered: {question.answer}</p>
      ) : answerable ? (
        <>
          <PacketTextArea
            label="Your answer"
            value={answer}
            onChange={setAnswer}
            onBlur={() => undefined}
            maxLength={5_000}
            rows={2}
            readOnly={busy}
            missing={false}
            testId="packet-answer"
          />
          {problem && (
            <p className="field__error" role="alert">
              {problem}
            </p>
          )}
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy || answer.trim() === ''}
            onClick={() => void send()}
          >
            Answer
          </button>
        </>
      ) : (
        <p className="ticket-panel__quiet">Not answered.</p>
      )}
    </li>
  );
}

import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Escalation, EscalationQuestion } from '#shared/domain/escalation';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { formatTimestamp } from '../../../ui/format.ts';
import { useMembers } from '../../queue/members-context.tsx';
import { useEscalationConsole } from './console-store.ts';
import { escalationMove } from './escalation-moves.ts';
import { TextAreaField } from './TextAreaField.tsx';

/** The analyst's questions and the agent's answers; the packet's writer answers the open ones here. */
export function QuestionsSection({ packet, mayAnswer }: { packet: Escalation; mayAnswer: boolean }) {
  const members = useMembers();
  const nameOf = (id: string | undefined) => (id === undefined ? 'Someone' : (members?.get(id)?.name ?? 'A teammate'));
  if (packet.questions.length === 0) return null;
  return (
    <section aria-labelledby="questions-heading" className="escalation-detail__section">
      <h3 id="questions-heading">Questions ({packet.questions.length})</h3>
      <ul className="escalation-questions">
        {packet.questions.map((question) => (
          <li key={question.id} className="escalation-questions__item">
            <p id={`question-${question.id}`}>
              <strong>{nameOf(question.askedBy)} asked</strong>{' '}
              <span className="escalation-detail__when">{formatTimestamp(question.askedAt)}</span>:{' '}
              <span className="escalation-detail__text">{question.text}</span>
            </p>
            {question.answer !== undefined ? (
              <p>
                <strong>{nameOf(question.answeredBy)} answered</strong>:{' '}
                <span className="escalation-detail__text">{question.answer}</span>
              </p>
            ) : mayAnswer ? (
              <AnswerQuestion packet={packet} question={question} />
            ) : (
              <p className="escalations__empty">Not answered yet.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerQuestion({ packet, question }: { packet: Escalation; question: EscalationQuestion }) {
  const { db, user } = useWorkspace();
  const answering = useEscalationConsole((s) => s.answering === question.id);
  const setAnswering = useEscalationConsole((s) => s.setAnswering);
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (answering) field.current?.focus();
  }, [answering]);

  if (!answering) {
    return (
      <button
        type="button"
        className="button button--small button--primary"
        aria-describedby={`question-${question.id}`}
        onClick={() => setAnswering(question.id)}
      >
        Answer
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (answer.trim() === '') {
      setError('Write the answer first.');
      field.current?.focus();
      return;
    }
    setBusy(true);
    const refused = await escalationMove(db, user, 'answerQuestion', {
      escalationId: packet.id,
      questionId: question.id,
      answer,
    });
    setBusy(false);
    if (refused) setError(refused);
    else setAnswering(null);
  };
  return (
    <form className="escalation-form" onSubmit={(event) => void submit(event)}>
      <TextAreaField
        label="Your answer"
        value={answer}
        onChange={setAnswer}
        error={error}
        maxLength={5_000}
        textareaRef={field}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          Send answer
        </button>
        <button type="button" className="button" onClick={() => setAnswering(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

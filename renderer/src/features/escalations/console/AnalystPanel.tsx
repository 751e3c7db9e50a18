import { type FormEvent, useRef, useState } from 'react';
import { type Escalation, EvidenceUrl } from '#shared/domain/escalation';
import { analystMoves, nextQuestionId } from '#shared/escalation/analyst-console';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useRegisterActions } from '../../actions/ActionsProvider.tsx';
import { MOVE_ACTIONS, type MovesCtx } from './console-actions.ts';
import { escalationMove, questionSalt } from './escalation-moves.ts';
import { TextAreaField } from './TextAreaField.tsx';

/** Says why a link is refused, in the words of the shared rule (http or https, not too long). */
export function linkProblem(url: string): string | null {
  if (url.trim() === '') return 'Paste the link to the engineering issue.';
  const parsed = EvidenceUrl.safeParse(url.trim());
  return parsed.success ? null : `The link ${parsed.error.issues[0]?.message ?? 'is not valid'}.`;
}

/**
 * The analyst's moves on the open packet: buttons for the one-step moves,
 * small forms for the ones that need words (a question, the engineering
 * link, the note customers will see). Keyed by packet, so nothing typed for
 * one packet lands on another.
 */
export function AnalystPanel({ packet }: { packet: Escalation }) {
  const { db, user } = useWorkspace();
  const moves = analystMoves(packet);
  const [asking, setAsking] = useState(false);
  const [question, setQuestion] = useState('');
  const [link, setLink] = useState(packet.externalRef?.url ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ ask?: string; forward?: string; resolve?: string; other?: string }>({});
  const [busy, setBusy] = useState(false);
  const questionField = useRef<HTMLTextAreaElement>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const forwardForm = useRef<HTMLFormElement>(null);
  const focusLink = () => forwardForm.current?.querySelector('input')?.focus();

  const run = async (form: keyof typeof errors, step: () => Promise<string | null>): Promise<boolean> => {
    setBusy(true);
    const refused = await step();
    setBusy(false);
    setErrors(refused ? { [form]: refused } : {});
    return refused === null;
  };
  const acknowledge = () =>
    void run('other', () => escalationMove(db, user, 'acknowledgeEscalation', { escalationId: packet.id }));
  const start = () =>
    void run('other', () =>
      escalationMove(db, user, 'progressEscalation', { escalationId: packet.id, to: 'in_progress' }),
    );
  const reopen = () =>
    void run('other', () => escalationMove(db, user, 'reopenEscalation', { escalationId: packet.id }));
  const openAsk = () => {
    setAsking(true);
    requestAnimationFrame(() => questionField.current?.focus());
  };

  const sendQuestion = async (event: FormEvent) => {
    event.preventDefault();
    if (question.trim() === '') {
      setErrors({ ask: 'Write the question first.' });
      questionField.current?.focus();
      return;
    }
    const questionId = nextQuestionId(packet, questionSalt());
    const sent = await run('ask', () =>
      escalationMove(db, user, 'askForInformation', { escalationId: packet.id, questionId, text: question }),
    );
    if (sent) {
      setQuestion('');
      setAsking(false);
    }
  };
  const forward = async (event: FormEvent) => {
    event.preventDefault();
    const problem = linkProblem(link);
    if (problem) {
      setErrors({ forward: problem });
      focusLink();
      return;
    }
    await run('forward', () =>
      escalationMove(db, user, 'progressEscalation', {
        escalationId: packet.id,
        to: 'forwarded',
        externalUrl: link.trim(),
      }),
    );
  };
  const resolve = async (outcome: 'fixed' | 'wont_fix') => {
    if (note.trim() === '') {
      setErrors({ resolve: 'Write the note customers will see first: the follow-up quotes it.' });
      noteField.current?.focus();
      return;
    }
    await run('resolve', () =>
      escalationMove(db, user, 'resolveEscalation', { escalationId: packet.id, outcome, note }),
    );
  };

  const ctx: MovesCtx = {
    moves,
    acknowledge,
    start,
    ask: openAsk,
    forward: focusLink,
    resolve: () => noteField.current?.focus(),
    reopen,
  };
  useRegisterActions(MOVE_ACTIONS, ctx);

  if (moves.length === 0) return null;
  return (
    <section aria-labelledby="analyst-moves-heading" className="escalation-detail__section escalation-moves">
      <h3 id="analyst-moves-heading">Work it</h3>
      <div className="button-row">
        {moves.includes('acknowledge') && (
          <button
            type="button"
            className="button button--primary"
            aria-keyshortcuts="A"
            disabled={busy}
            onClick={acknowledge}
          >
            Acknowledge
          </button>
        )}
        {moves.includes('start') && (
          <button type="button" className="button" aria-keyshortcuts="S" disabled={busy} onClick={start}>
            Start work
          </button>
        )}
        {moves.includes('ask') && !asking && (
          <button type="button" className="button" aria-keyshortcuts="Q" onClick={openAsk}>
            Ask the agent
          </button>
        )}
        {moves.includes('reopen') && (
          <button type="button" className="button" aria-keyshortcuts="Shift+R" disabled={busy} onClick={reopen}>
            Reopen
          </button>
        )}
      </div>
      {errors.other && (
        <p className="field__error" role="alert">
          {errors.other}
        </p>
      )}
      {asking && (
        <form className="escalation-form" onSubmit={(event) => void sendQuestion(event)}>
          <TextAreaField
            label="Question for the agent"
            value={question}
            onChange={setQuestion}
            error={errors.ask}
            maxLength={2_000}
            textareaRef={questionField}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy}>
              Send question
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {moves.includes('forward') && (
        <form ref={forwardForm} className="escalation-form" onSubmit={(event) => void forward(event)} noValidate>
          <TextField
            label="Engineering issue link"
            type="url"
            value={link}
            onChange={setLink}
            hint="The issue in engineering’s tracker (http or https)."
            error={errors.forward}
          />
          <button type="submit" className="button" aria-keyshortcuts="F" disabled={busy}>
            Forward to engineering
          </button>
        </form>
      )}
      {moves.includes('resolve') && (
        <form
          className="escalation-form"
          onSubmit={(event) => {
            event.preventDefault();
            void resolve('fixed');
          }}
        >
          <TextAreaField
            label="Resolution note (customers see this)"
            value={note}
            onChange={setNote}
            error={errors.resolve}
            hint="The follow-up reply to every affected customer starts from it."
            maxLength={2_000}
            textareaRef={noteField}
          />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy}>
              Mark fixed
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void resolve('wont_fix')}>
              {"Won't fix"}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

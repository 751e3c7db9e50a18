import { type FormEvent, useState } from 'react';
import { PROBLEM_STATUS_LABELS, type Problem, ProblemTitle } from '#shared/domain/problem';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { linkTicketsToProblem, newProblemId } from './problem-actions.ts';
import { useProblems } from './use-problems.ts';

export interface ProblemDialogProps {
  /** The tickets to link (a selection, or a flood's look-alikes). */
  ticketIds: readonly string[];
  /** A title to start from: the flood's label, or the ticket's subject. */
  suggestedTitle: string;
  onClose: () => void;
  /** After linking, with what to tell the agent. */
  onLinked: (message: string) => void;
}

const NEW = 'new';

/**
 * Links tickets to a problem: a new one (the title field has the focus, so
 * typing a title and Enter is the whole job) or an existing one that is not
 * resolved. Works offline: it is a local change that syncs.
 */
export function ProblemDialog({ ticketIds, suggestedTitle, onClose, onLinked }: ProblemDialogProps) {
  const { db, user } = useWorkspace();
  const problems = useProblems();
  const [choice, setChoice] = useState<string>(NEW);
  const [title, setTitle] = useState(suggestedTitle.slice(0, 200));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = (problems ?? []).filter((problem) => problem.status !== 'resolved');
  const count = ticketIds.length;
  const tickets = `${count} ${count === 1 ? 'ticket' : 'tickets'}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const existing = open.find((problem) => problem.id === choice);
    const parsed = ProblemTitle.safeParse(title);
    if (!existing && !parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Give the problem a title.');
      return;
    }
    setBusy(true);
    const refusal = await linkTicketsToProblem(
      db,
      user,
      existing ? { problemId: existing.id } : { problemId: newProblemId(), create: { title: parsed.data ?? title } },
      ticketIds,
    );
    setBusy(false);
    if (refusal) {
      setError(refusal);
      return;
    }
    onLinked(`Linked ${tickets} to “${existing ? existing.title : (parsed.data ?? title)}”.`);
  };

  return (
    <Dialog title={`Link ${tickets} to a problem`} onClose={onClose} testId="problem-dialog">
      <form className="form" onSubmit={(event) => void submit(event)}>
        <fieldset className="problem-choice">
          <legend>Problem</legend>
          <label className="problem-choice__option">
            <input type="radio" name="problem" value={NEW} checked={choice === NEW} onChange={() => setChoice(NEW)} /> A
            new problem
          </label>
          {choice === NEW && (
            <TextField
              label="Title"
              value={title}
              onChange={(value) => {
                setTitle(value);
                setError(null);
              }}
              maxLength={200}
              hint="What is broken, as the team will call it: “Login fails after the 4.12 update”."
              error={error}
              data-autofocus
              data-testid="problem-title"
            />
          )}
          {open.map((problem: Problem) => (
            <label key={problem.id} className="problem-choice__option">
              <input
                type="radio"
                name="problem"
                value={problem.id}
                checked={choice === problem.id}
                onChange={() => {
                  setChoice(problem.id);
                  setError(null);
                }}
              />{' '}
              {problem.title}{' '}
              <span className="problem-choice__meta">
                ({PROBLEM_STATUS_LABELS[problem.status]}, {problem.ticketCount} tickets, {problem.affectedCustomers}{' '}
                customers)
              </span>
            </label>
          ))}
        </fieldset>
        {choice !== NEW && error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="problem-link">
            Link {tickets}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

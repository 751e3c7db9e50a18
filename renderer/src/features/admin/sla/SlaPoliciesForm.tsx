import { type FormEvent, useRef, useState } from 'react';
import type { SlaConfig } from '#shared/domain/sla-config';
import { TICKET_PRIORITIES } from '#shared/domain/ticket';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { runLocalChange } from '../../../sync/run-change.ts';
import { useFocusFirstInvalid } from '../../../ui/use-focus-first-invalid.ts';
import { CalendarFieldset } from './CalendarFieldset.tsx';
import { PolicyFieldset } from './PolicyFieldset.tsx';
import { type SlaDraft, type SlaProblems, draftOf, slaArgs } from './sla-form.ts';
import { FormActions } from '../../../ui/FormActions.tsx';

/** Kept by the tab: saving replaces the config, which remounts this form with the saved values. */
export type SlaFeedback = { kind: 'saved' } | { kind: 'refused'; message: string } | null;

interface SlaPoliciesFormProps {
  initial: SlaConfig;
  feedback: SlaFeedback;
  setFeedback: (feedback: SlaFeedback) => void;
}

/**
 * The calendar and the per-priority targets, saved as one change on this
 * device (so it works offline) that syncs like any other: every agent's
 * timers follow it as soon as their device has it.
 */
export function SlaPoliciesForm({ initial, feedback, setFeedback }: SlaPoliciesFormProps) {
  const { db, user } = useWorkspace();
  const [draft, setDraft] = useState<SlaDraft>(() => draftOf(initial));
  const [problems, setProblems] = useState<SlaProblems>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, problems);
  const change = (patch: Partial<SlaDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setFeedback(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = slaArgs(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setFeedback(null);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const refused = await runLocalChange(db, user, 'updateSlaConfig', checked.args, 'The SLA policies');
      setFeedback(refused === null ? { kind: 'saved' } : { kind: 'refused', message: refused });
    } finally {
      setBusy(false);
    }
  };

  const problemCount = Object.keys(problems).length;
  return (
    <form ref={form} className="form sla-form" onSubmit={(event) => void submit(event)} noValidate>
      <CalendarFieldset draft={draft} savedTimeZone={initial.calendar.timeZone} onChange={change} problems={problems} />
      <h3>Targets per priority</h3>
      <p className="sla-form__hint">
        Clocks pause while a ticket waits on the customer. A new target applies to open tickets at once, counted from
        when each clock started.
      </p>
      <div className="sla-form__policies">
        {TICKET_PRIORITIES.map((priority) => (
          <PolicyFieldset
            key={priority}
            priority={priority}
            value={draft.policies[priority]}
            onChange={(policy) => change({ policies: { ...draft.policies, [priority]: policy } })}
            problems={problems}
          />
        ))}
      </div>
      <p role="status" className="admin-form__feedback" data-testid="sla-feedback">
        {busy
          ? 'Saving…'
          : problemCount > 0
            ? `Nothing was saved: ${problemCount === 1 ? 'one field needs' : `${problemCount} fields need`} fixing.`
            : feedback?.kind === 'saved'
              ? 'Saved on this device. Every agent’s timers follow the new policies as their devices sync.'
              : feedback?.kind === 'refused'
                ? feedback.message
                : ''}
      </p>
      <FormActions
        submitLabel="Save SLA policies"
        busy={busy}
        secondary={{
          label: 'Undo changes',
          disabledWhileBusy: true,
          onClick: () => {
            setDraft(draftOf(initial));
            setProblems({});
            setFeedback(null);
          },
        }}
      />
    </form>
  );
}

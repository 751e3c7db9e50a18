import { type FormEvent, useRef, useState } from 'react';
import type { HandoverSubject } from '#shared/domain/handover';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.ts';
import { addItem } from './handover-changes.ts';
import { type ItemProblems, emptyItemDraft, validateItemDraft } from './item-draft.ts';
import { ItemFieldsForm } from './ItemFieldsForm.tsx';
import { SUBJECT_KIND_LABELS } from './subject-label.ts';
import { useMyBuildingHandover } from './use-handovers.ts';

interface AddToHandoverDialogProps {
  subject: HandoverSubject;
  onClose: () => void;
  onAdded: (message: string) => void;
  onEditExisting: (handoverId: string, itemId: string) => void;
}

/**
 * Adds a ticket, escalation, problem or customer to my handover with its
 * I-PASS fields. A local change: works offline, syncs later.
 */
export function AddToHandoverDialog({ subject, onClose, onAdded, onEditExisting }: AddToHandoverDialogProps) {
  const { db, user } = useWorkspace();
  const building = useMyBuildingHandover();
  const [draft, setDraft] = useState(emptyItemDraft);
  const [problems, setProblems] = useState<ItemProblems>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, problems);
  const existing = building?.items.find((item) => item.subject.kind === subject.kind && item.subject.id === subject.id);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateItemDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    const refused = await addItem(db, user, subject, checked.fields);
    setBusy(false);
    if (refused) setRefusal(refused);
    else onAdded(`Added ${subject.label} to your handover.`);
  };

  return (
    <Dialog title="Add to handover" onClose={onClose} testId="add-to-handover-dialog">
      <form ref={form} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="handover-subject" data-testid="handover-dialog-subject">
          <span className="handover-subject__kind">{SUBJECT_KIND_LABELS[subject.kind]}</span> {subject.label}
        </p>
        {existing && building && (
          <p className="handover-note" role="status">
            This is already in your handover.{' '}
            <button
              type="button"
              className="button button--small"
              onClick={() => onEditExisting(building.id, existing.id)}
            >
              Edit it instead
            </button>
          </p>
        )}
        <ItemFieldsForm
          draft={draft}
          problems={problems}
          onChange={(next) => {
            setDraft(next);
            setRefusal(null);
          }}
        />
        {refusal && (
          <p className="field__error" role="alert" data-testid="handover-refusal">
            {refusal}
          </p>
        )}
        <FormActions submitLabel="Add to handover" busy={busy} secondary={{ label: 'Cancel', onClick: onClose }} />
      </form>
    </Dialog>
  );
}

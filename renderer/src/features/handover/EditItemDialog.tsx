import { type FormEvent, useRef, useState } from 'react';
import type { HandoverItem } from '#shared/domain/handover';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.ts';
import { updateItem } from './handover-changes.ts';
import { type ItemProblems, draftFromItem, validateItemDraft } from './item-draft.ts';
import { ItemFieldsForm } from './ItemFieldsForm.tsx';

interface EditItemDialogProps {
  handoverId: string;
  item: HandoverItem;
  onClose: () => void;
  onSaved: () => void;
}

/** Edits an item of my handover while it is still being built. */
export function EditItemDialog({ handoverId, item, onClose, onSaved }: EditItemDialogProps) {
  const { db, user } = useWorkspace();
  const [draft, setDraft] = useState(() => draftFromItem(item));
  const [problems, setProblems] = useState<ItemProblems>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, problems);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateItemDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    const refused = await updateItem(db, user, handoverId, item.id, checked.fields);
    setBusy(false);
    if (refused) setRefusal(refused);
    else onSaved();
  };

  return (
    <Dialog title={`Edit: ${item.subject.label}`} onClose={onClose} testId="edit-handover-item-dialog">
      <form ref={form} className="form" onSubmit={(event) => void submit(event)} noValidate>
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
        <FormActions submitLabel="Save changes" busy={busy} secondary={{ label: 'Cancel', onClick: onClose }} />
      </form>
    </Dialog>
  );
}

import { type FormEvent, useRef, useState } from 'react';
import type { SavedViewId } from '#shared/domain/ids';
import type { SavedView } from '#shared/domain/saved-view';
import type { ViewDefinition } from '#shared/query/view-definition';
import { mayChangeSavedView } from '#shared/sync/mutators/saved-view/saved-view-rules';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { RefusalNotice } from '../../ui/FailureNotice.tsx';
import type { FieldProblems } from '../../ui/field-problems.ts';
import { TextField } from '../../ui/TextField.tsx';
import { useFocusFirstInvalid } from '../../ui/use-focus-first-invalid.ts';
import { createArgs, draftFor, sameDefinition, updateArgs, viewNameProblem } from './save-view-form.ts';
import { newSavedViewId, runSavedViewChange } from './saved-view-actions.ts';
import { useSavedViews } from './use-saved-views.ts';
import { ViewVisibilityChoice } from './ViewVisibilityChoice.tsx';
import { FormActions } from '../../ui/FormActions.tsx';

export interface SaveViewDialogProps {
  /** What the screen shows now: saved as a new view, or offered as an existing view's new definition. */
  definition: ViewDefinition;
  /** The saved view to rename, share or unshare, redefine or delete; absent to save a new one. */
  view?: SavedView;
  onClose: () => void;
  /** After a save, with the view's id (a new view's too, usable at once): e.g. to switch to it. */
  onSaved?: (id: SavedViewId) => void;
  /** After a deletion: e.g. to switch back to a built-in view. */
  onDeleted?: (id: SavedViewId) => void;
}

/**
 * Saves the view on screen under a name, for me or the team; or edits a saved
 * view. Changes are made locally and sync in the background, so this works
 * offline; a refusal by the rules (a limit, a name taken) keeps the dialog open.
 */
export function SaveViewDialog({ definition, view, onClose, onSaved, onDeleted }: SaveViewDialogProps) {
  const { db, user } = useWorkspace();
  const visible = useSavedViews();
  const [draft, setDraft] = useState(() => draftFor(view));
  const [problems, setProblems] = useState<FieldProblems<'name'>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, problems);

  if (view && !mayChangeSavedView(view, user)) {
    return (
      <Dialog title={view.name} onClose={onClose} testId="save-view-dialog">
        <p>
          {view.visibility === 'shared'
            ? 'Only the teammate who shared this view, a lead or an admin can change it.'
            : 'Only the person who saved this view can change it.'}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  if (view && confirmingDelete) {
    return (
      <ConfirmDialog
        title={`Delete “${view.name}”?`}
        confirmLabel="Delete view"
        danger
        testId="delete-view-dialog"
        onClose={() => setConfirmingDelete(false)}
        onConfirm={async () => {
          const refused = await runSavedViewChange(db, user, 'deleteSavedView', { savedViewId: view.id });
          if (refused) {
            setConfirmingDelete(false);
            setRefusal(refused);
            return;
          }
          onDeleted?.(view.id);
          onClose();
        }}
      >
        <p>
          {view.visibility === 'shared'
            ? 'The view goes for everyone on the team. This cannot be undone.'
            : 'This cannot be undone.'}
        </p>
      </ConfirmDialog>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const nameProblem = viewNameProblem(draft.name, {
      visible: visible ?? [],
      ownerId: view?.ownerId ?? user.id,
      ...(view ? { excludingId: view.id } : {}),
    });
    if (nameProblem) {
      setProblems({ name: nameProblem });
      return;
    }
    setProblems({});
    setBusy(true);
    let id: SavedViewId;
    let refused: string | null;
    if (view) {
      const args = updateArgs(view, draft, definition);
      // Nothing changed is not an error: say so by closing.
      if (!args) return onClose();
      id = view.id;
      refused = await runSavedViewChange(db, user, 'updateSavedView', args);
    } else {
      id = newSavedViewId();
      refused = await runSavedViewChange(db, user, 'createSavedView', createArgs(id, draft, definition));
    }
    setBusy(false);
    if (refused) {
      setRefusal(refused);
      return;
    }
    onSaved?.(id);
    onClose();
  };

  const change = (patch: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...patch }));
  return (
    <Dialog title={view ? `Edit view “${view.name}”` : 'Save view'} onClose={onClose} testId="save-view-dialog">
      <form ref={form} className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label="Name"
          autoComplete="off"
          required
          maxLength={80}
          data-autofocus
          value={draft.name}
          onChange={(name) => change({ name })}
          error={problems.name}
        />
        <ViewVisibilityChoice
          value={draft.visibility}
          onChange={(visibility) => change({ visibility })}
          ownedByOther={view !== undefined && view.ownerId !== user.id}
        />
        {view && !sameDefinition(definition, view.definition) && (
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.replaceDefinition}
              onChange={(event) => change({ replaceDefinition: event.target.checked })}
            />
            Replace its filters, sort and grouping with the ones on screen now
          </label>
        )}
        {refusal && <RefusalNotice message={refusal} />}
        <FormActions
          submitLabel={view ? 'Save changes' : 'Save view'}
          busy={busy}
          secondary={{ label: 'Cancel', onClick: onClose }}
        >
          {view && (
            <button type="button" className="button" onClick={() => setConfirmingDelete(true)}>
              Delete view…
            </button>
          )}
        </FormActions>
      </form>
    </Dialog>
  );
}

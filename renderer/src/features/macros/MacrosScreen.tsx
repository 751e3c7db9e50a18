import { useRef, useState } from 'react';
import type { Macro } from '#shared/domain/macro';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useFocusOnMount } from '../../ui/use-focus-on-mount.ts';
import { runMacroChange } from './apply-macro.ts';
import { MacroEditorDialog } from './MacroEditorDialog.tsx';
import { MacroTable } from './MacroTable.tsx';
import { useMacros } from './macro-queries.ts';

type Editing = { kind: 'new' } | { kind: 'edit'; macro: Macro } | null;

/**
 * The macros an agent can use: team ones (the starter set included) and their
 * own. Everyone who may save macros creates personal ones here; leads and
 * admins also make and change the team's. Works offline, like every change.
 */
export function MacrosScreen() {
  const { db, user } = useWorkspace();
  const macros = useMacros();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Macro | null>(null);
  const [outcome, setOutcome] = useState('');
  // A refusal (someone changed the rules meanwhile, say) stays until the next change.
  const [problem, setProblem] = useState<string | null>(null);
  const report = (message: string) => {
    setProblem(null);
    setOutcome(message);
  };
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);

  return (
    <main className="admin" aria-labelledby="macros-heading" data-testid="macros-screen">
      <header className="admin-section__header">
        <h1 id="macros-heading" ref={heading} tabIndex={-1}>
          Macros
        </h1>
        <span className="admin-section__summary">
          Apply one to the open ticket with <kbd>m</kbd> in the queue
        </span>
        <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'new' })}>
          New macro
        </button>
      </header>
      <p className="admin-section__outcome" role="status" data-testid="macros-outcome">
        {outcome}
      </p>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {macros === undefined ? (
        <p className="load-state">Reading the macros on this device…</p>
      ) : macros.length === 0 ? (
        <p className="load-state">No macros yet. Create one with “New macro”.</p>
      ) : (
        <MacroTable macros={macros} onEdit={(macro) => setEditing({ kind: 'edit', macro })} onDelete={setDeleting} />
      )}
      {editing && (
        <MacroEditorDialog
          macro={editing.kind === 'edit' ? editing.macro : undefined}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            report(message);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete macro"
          danger
          testId="delete-macro-dialog"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            const refused = await runMacroChange(db, user, 'deleteMacro', { macroId: deleting.id });
            setDeleting(null);
            if (refused) setProblem(refused);
            else report(`“${deleting.name}” deleted.`);
          }}
        >
          <p>
            {deleting.visibility === 'shared'
              ? 'The macro goes for everyone on the team. Drafts already made from it keep their text. This cannot be undone.'
              : 'Drafts already made from it keep their text. This cannot be undone.'}
          </p>
        </ConfirmDialog>
      )}
    </main>
  );
}

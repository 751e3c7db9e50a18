import type { Macro } from '#shared/domain/macro';
import { mayChangeMacro } from '#shared/sync/mutators/macro/macro-rules';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useMembers } from '../queue/members-context.tsx';
import { kindLabel, visibilityLabel } from './macro-order.ts';
import { summarizeMacroActions } from './macro-summary.ts';

interface MacroTableProps {
  macros: readonly Macro[];
  onEdit: (macro: Macro) => void;
  onDelete: (macro: Macro) => void;
}

/** Team macros, then the agent's own: what each writes, who sees it, what it changes, and what they may do with it. */
export function MacroTable({ macros, onEdit, onDelete }: MacroTableProps) {
  const { user } = useWorkspace();
  const members = useMembers();
  const nameOf = (id: string) => members?.get(id)?.name ?? 'a teammate';
  return (
    <table className="admin-table" data-testid="macro-table">
      <caption className="visually-hidden">Macros you can use, team macros first</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Writes</th>
          <th scope="col">Who can use it</th>
          <th scope="col">Changes to the ticket</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {macros.map((macro) => (
          <tr key={macro.id} data-macro-id={macro.id}>
            <th scope="row">{macro.name}</th>
            <td>{macro.body.trim() === '' ? 'Nothing' : kindLabel(macro)}</td>
            <td>{macro.visibility === 'shared' ? 'Team' : `${visibilityLabel(macro)} (only you)`}</td>
            <td>{summarizeMacroActions(macro.actions, (id) => (id === user.id ? 'you' : nameOf(id))) ?? '—'}</td>
            <td className="admin-table__actions">
              {mayChangeMacro(macro, user) ? (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Edit ${macro.name}`}
                    onClick={() => onEdit(macro)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Delete ${macro.name}`}
                    onClick={() => onDelete(macro)}
                  >
                    Delete
                  </button>
                </>
              ) : (
                <span className="admin-table__note">Leads and admins change team macros</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { AuditEntry } from '#shared/api/audit';
import { formatTimestamp } from '../../../ui/format.ts';
import { AUDIT_ACTION_LABELS, auditActor, auditDetailText } from './audit-labels.ts';

interface AuditTableProps {
  entries: readonly AuditEntry[];
  names: ReadonlyMap<string, string>;
}

/** Newest first. Detail is JSON shown as text: it can hold whatever a client sent. */
export function AuditTable({ entries, names }: AuditTableProps) {
  return (
    <table className="admin-table audit-table" data-testid="audit-table">
      <caption className="visually-hidden">Audit log entries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">What</th>
          <th scope="col">Who</th>
          <th scope="col">From</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const detail = auditDetailText(entry.detail);
          return (
            <tr key={entry.id} data-audit-action={entry.action}>
              <td>{formatTimestamp(entry.at)}</td>
              <td>{AUDIT_ACTION_LABELS[entry.action]}</td>
              <td>{auditActor(entry, names)}</td>
              <td>{entry.ip ?? '—'}</td>
              <td>{detail === null ? '—' : <pre className="audit-table__detail">{detail}</pre>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { useMemo, useState } from 'react';
import { useEndpoint } from '../../../http/use-endpoint.ts';
import { FailureNotice } from '../../../ui/FailureNotice.tsx';
import { LoadState } from '../../../ui/LoadState.tsx';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { AUDIT_PAGE_SIZE, type AuditFilters, NO_AUDIT_FILTERS, auditQuery } from './audit-query.ts';
import { AuditTable } from './AuditTable.tsx';
import { useAuditLog } from './use-audit-log.ts';

/** Who did what and when: sign-ins, account and key changes, settings, intake. */
export function AuditTab() {
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  // The form only applies filters that map to a query, so this never falls back in practice.
  const checked = auditQuery(filters);
  const log = useAuditLog(checked.ok ? checked.query : { limit: AUDIT_PAGE_SIZE });
  const filtered = Object.values(filters).some((value) => value !== '');
  // Names for the "Who" column and filter; the log still works (with ids) if they cannot be read.
  const users = useEndpoint('listUsers', {});
  const people = useMemo(() => users.data?.users ?? [], [users.data]);
  const names = useMemo(() => new Map(people.map((user) => [user.id as string, user.name])), [people]);

  return (
    <section aria-labelledby="audit-heading" className="admin-section">
      <header className="admin-section__header">
        <h2 id="audit-heading">Audit log</h2>
        <button type="button" className="button" onClick={log.reload} disabled={log.loading}>
          Refresh
        </button>
      </header>
      <AuditFilterForm users={people} onApply={setFilters} />
      <LoadState
        what="the audit log"
        loading={log.loading}
        failure={log.failure}
        hasData={false}
        onRetry={log.reload}
      />
      {!log.loading && !log.failure && log.entries.length === 0 && (
        <p role="status">{filtered ? 'No entries match these filters.' : 'The audit log has no entries yet.'}</p>
      )}
      {log.entries.length > 0 && <AuditTable entries={log.entries} names={names} />}
      {log.olderFailure && <FailureNotice failure={log.olderFailure} onRetry={log.loadOlder} />}
      {!log.loading && log.entries.length > 0 && (
        <p className="audit-paging">
          {log.hasOlder ? (
            <button type="button" className="button" onClick={log.loadOlder} disabled={log.loadingOlder}>
              {log.loadingOlder ? 'Loading older entries…' : 'Load older'}
            </button>
          ) : (
            <span role="status">That is the oldest entry{filtered ? ' for these filters' : ''}.</span>
          )}
          <span className="audit-paging__count"> {log.entries.length.toLocaleString()} shown</span>
        </p>
      )}
    </section>
  );
}

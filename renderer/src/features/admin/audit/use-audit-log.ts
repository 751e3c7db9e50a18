import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry, AuditQuery } from '#shared/api/audit';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { type Failure, describeFailure } from '../../../http/failure.ts';

interface Pages {
  /** The query and attempt these pages answer; anything else is a stale answer. */
  request: string;
  entries: AuditEntry[];
  nextBefore: number | null;
  failure: Failure | null;
}

export interface AuditLog {
  entries: AuditEntry[];
  /** The first page is on its way (for these filters, or again after a failure). */
  loading: boolean;
  failure: Failure | null;
  /** More (older) entries exist. */
  hasOlder: boolean;
  loadingOlder: boolean;
  olderFailure: Failure | null;
  loadOlder: () => void;
  reload: () => void;
}

/**
 * The audit log for one query, newest first, grown page by page with
 * "Load older" (keyset paging on the entry id, so new entries arriving
 * meanwhile never shift or repeat a page).
 */
export function useAuditLog(query: AuditQuery): AuditLog {
  const { api } = useWorkspace();
  const queryKey = JSON.stringify(query);
  const [attempt, setAttempt] = useState(0);
  const request = `${queryKey} #${attempt}`;
  const [pages, setPages] = useState<Pages | null>(null);
  const [older, setOlder] = useState<{ request: string; loading: boolean; failure: Failure | null } | null>(null);

  useEffect(() => {
    let current = true;
    api.call('auditLog', { query: JSON.parse(queryKey) as AuditQuery }).then(
      (page) => {
        if (current) setPages({ request, entries: page.entries, nextBefore: page.nextBefore, failure: null });
      },
      (error: unknown) => {
        if (current) setPages({ request, entries: [], nextBefore: null, failure: describeFailure(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [api, queryKey, request]);

  const shown = pages?.request === request ? pages : null;
  const olderState = older?.request === request ? older : null;

  const loadOlder = useCallback(() => {
    if (!shown || shown.nextBefore === null || olderState?.loading) return;
    setOlder({ request, loading: true, failure: null });
    api.call('auditLog', { query: { ...(JSON.parse(queryKey) as AuditQuery), before: shown.nextBefore } }).then(
      (page) => {
        setPages((previous) =>
          previous?.request === request
            ? { ...previous, entries: [...previous.entries, ...page.entries], nextBefore: page.nextBefore }
            : previous,
        );
        setOlder({ request, loading: false, failure: null });
      },
      (error: unknown) => setOlder({ request, loading: false, failure: describeFailure(error) }),
    );
  }, [api, queryKey, request, shown, olderState?.loading]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    entries: shown?.entries ?? [],
    loading: shown === null,
    failure: shown?.failure ?? null,
    hasOlder: shown?.nextBefore !== null && shown?.nextBefore !== undefined,
    loadingOlder: olderState?.loading ?? false,
    olderFailure: olderState?.failure ?? null,
    loadOlder,
    reload,
  };
}

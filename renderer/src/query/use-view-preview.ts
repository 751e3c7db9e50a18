import { useEffect, useMemo, useState } from 'react';
import type { ViewSnapshot } from '#shared/query/query-index';
import type { ViewDefinition } from '#shared/query/view-definition';
import type { CustomerTier } from '#shared/domain/customer';
import { useWorkspace } from '../app/workspace-context.tsx';
import { arraySnapshot } from './array-snapshot.ts';
import { readViewPreview } from './preview-window.ts';

/** Rows for the first screen; scrolling further waits for the query layer. */
const PREVIEW_ROWS = 100;

/**
 * While the query layer is still loading, the first screen of a view read
 * straight from IndexedDB indexes (see preview-window.ts); undefined once
 * not needed, or when the view cannot be read that way.
 */
export function useViewPreview(definition: ViewDefinition, needed: boolean): ViewSnapshot | undefined {
  const { db, user } = useWorkspace();
  const signature = useMemo(() => JSON.stringify(definition), [definition]);
  const [preview, setPreview] = useState<{ signature: string; snapshot: ViewSnapshot } | null>(null);
  useEffect(() => {
    if (!needed) return;
    let current = true;
    const view = JSON.parse(signature) as ViewDefinition;
    void (async () => {
      // Tiers are only needed by tier filters; the preview reads them once for those.
      const tiers = view.filter.customerTiers
        ? new Map((await db.rows('customer').toArray()).map((c) => [c.id, c.tier] as const))
        : new Map<string, CustomerTier>();
      const rows = await readViewPreview(
        db,
        view,
        { me: user.id, now: Date.now(), tierOf: (id) => tiers.get(id), textMatches: null },
        PREVIEW_ROWS,
      );
      if (current && rows) setPreview({ signature, snapshot: arraySnapshot('preview', rows) });
    })();
    return () => {
      current = false;
    };
  }, [db, user.id, signature, needed]);
  return needed && preview?.signature === signature ? preview.snapshot : undefined;
}

import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { usesStarterSla } from '../../../db/read-sla-config.ts';
import { useSlaConfig } from '../../sla/use-sla-config.ts';
import { type SlaFeedback, SlaPoliciesForm } from './SlaPoliciesForm.tsx';

/**
 * SLA policies and the team calendar, for leads and admins. Synced to every
 * device, so unlike the other sections it reads and saves locally and works
 * offline.
 */
export function SlaPoliciesTab() {
  const { db } = useWorkspace();
  const config = useSlaConfig();
  const starter = useLiveQuery(() => usesStarterSla(db), [db]);
  const [feedback, setFeedback] = useState<SlaFeedback>(null);
  return (
    <section aria-labelledby="sla-heading" className="admin-section">
      <header className="admin-section__header">
        <h2 id="sla-heading">SLA policies</h2>
      </header>
      {starter && (
        <p className="sla-form__starter" data-testid="sla-starter">
          The starter policies are in use: Monday to Friday 09:00–17:00, urgent tickets around the clock. Save to make
          them your own.
        </p>
      )}
      {config === undefined ? (
        <p role="status">Loading the SLA policies…</p>
      ) : (
        // Keyed by the saved row, so a save from another device replaces a form nobody is editing.
        <SlaPoliciesForm key={config.updatedAt} initial={config} feedback={feedback} setFeedback={setFeedback} />
      )}
    </section>
  );
}

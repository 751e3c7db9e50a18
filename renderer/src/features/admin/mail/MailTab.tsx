import { useState } from 'react';
import type { MailSettings } from '#shared/api/mail';
import { useEndpoint } from '../../../http/use-endpoint.ts';
import { formatTimestamp } from '../../../ui/format.ts';
import { LoadState } from '../../../ui/LoadState.tsx';
import { MailSettingsForm } from './MailSettingsForm.tsx';
import { MailStatusPanel } from './MailStatusPanel.tsx';

/** The form's part of the settings: a status change (read on Refresh) must not throw away what is being typed. */
const formKey = ({ source, inbound, outbound }: MailSettings) => JSON.stringify({ source, inbound, outbound });

/**
 * The email channel: the team mailbox customers write to, the relay replies
 * leave through, and how both are doing. Read from the server when opened
 * (passwords never come back), so it needs a connection.
 */
export function MailTab() {
  const settings = useEndpoint('getMailSettings', {});
  // A save answers with the new settings; they stand until a later read replaces them.
  const [saved, setSaved] = useState<{ settings: MailSettings; at: number } | null>(null);
  const current = saved && (settings.at ?? 0) <= saved.at ? saved.settings : settings.data;
  /** When the last save happened; cleared by the next edit, which it no longer describes. */
  const [savedAt, setSavedAt] = useState<number | null>(null);
  return (
    <section aria-labelledby="mail-heading" className="admin-section mail-admin">
      <header className="admin-section__header">
        <h2 id="mail-heading">Email</h2>
        <button type="button" className="button" onClick={settings.reload} disabled={settings.loading}>
          Refresh
        </button>
      </header>
      <p className="admin-section__summary">
        Customers’ emails to the team mailbox become tickets, and replies go back to them by email.
      </p>
      <LoadState
        what="email settings"
        loading={settings.loading}
        failure={settings.failure}
        hasData={current !== undefined}
        onRetry={settings.reload}
      />
      {current && <MailStatusPanel settings={current} />}
      <p role="status" className="admin-section__outcome" data-testid="mail-feedback">
        {savedAt !== null
          ? `Saved at ${formatTimestamp(savedAt)}. The server uses the new settings now; the status above shows how it is doing.`
          : ''}
      </p>
      {current && (
        <MailSettingsForm
          key={formKey(current)}
          initial={current}
          onSaved={(next) => {
            const at = Date.now();
            setSaved({ settings: next, at });
            setSavedAt(at);
          }}
          onEdit={() => setSavedAt(null)}
        />
      )}
    </section>
  );
}

import { useEndpoint } from '../../../http/use-endpoint.ts';
import { LoadState } from '../../../ui/LoadState.tsx';
import { TeamSettingsForm } from './TeamSettingsForm.tsx';

/** The team's name, time zone and sync window. */
export function TeamSettingsTab() {
  const settings = useEndpoint('getSettings', {});
  return (
    <section aria-labelledby="settings-heading" className="admin-section">
      <header className="admin-section__header">
        <h2 id="settings-heading">Team settings</h2>
      </header>
      <LoadState
        what="settings"
        loading={settings.loading}
        failure={settings.failure}
        hasData={settings.data !== undefined}
        onRetry={settings.reload}
      />
      {/* Keyed by what the server said, so a refresh shows the server's values rather than a stale draft. */}
      {settings.data && <TeamSettingsForm key={JSON.stringify(settings.data)} initial={settings.data} />}
    </section>
  );
}

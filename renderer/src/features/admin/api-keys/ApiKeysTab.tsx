import { useState } from 'react';
import type { ApiKeySummary } from '#shared/api/api-keys';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useEndpoint } from '../../../http/use-endpoint.ts';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.tsx';
import { LoadState } from '../../../ui/LoadState.tsx';
import { ApiKeysTable } from './ApiKeysTable.tsx';
import { CreateApiKeyDialog } from './CreateApiKeyDialog.tsx';

type Open = { kind: 'create' } | { kind: 'revoke'; key: ApiKeySummary } | null;

/** Keys for integrations (web forms, monitoring, the email gateway): create and revoke. */
export function ApiKeysTab() {
  const { api } = useWorkspace();
  const keys = useEndpoint('listApiKeys', {});
  const [open, setOpen] = useState<Open>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  return (
    <section aria-labelledby="api-keys-heading" className="admin-section">
      <header className="admin-section__header">
        <h2 id="api-keys-heading">API keys</h2>
        <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'create' })}>
          Create API key
        </button>
        <button type="button" className="button" onClick={keys.reload} disabled={keys.loading}>
          Refresh
        </button>
      </header>
      <p role="status" className="admin-section__outcome">
        {outcome}
      </p>
      <LoadState
        what="API keys"
        loading={keys.loading}
        failure={keys.failure}
        hasData={keys.data !== undefined}
        onRetry={keys.reload}
      />
      {keys.data?.keys.length === 0 && <p>No API keys yet. Create one for each system that sends tickets.</p>}
      {keys.data && keys.data.keys.length > 0 && (
        <ApiKeysTable keys={keys.data.keys} onRevoke={(key) => setOpen({ kind: 'revoke', key })} />
      )}

      {open?.kind === 'create' && (
        <CreateApiKeyDialog
          onClose={() => setOpen(null)}
          onCreated={(key) => {
            setOutcome(`The key “${key.name}” was created.`);
            keys.reload();
          }}
        />
      )}
      {open?.kind === 'revoke' && (
        <ConfirmDialog
          title={`Revoke “${open.key.name}”?`}
          confirmLabel="Revoke key"
          danger
          testId="confirm-revoke-key"
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            const revoked = await api.call('revokeApiKey', { params: { id: open.key.id } });
            setOpen(null);
            setOutcome(`The key “${revoked.name}” is revoked; requests with it are refused from now on.`);
            keys.reload();
          }}
        >
          <p>
            It stops working at once: whatever sends requests with it (the key starting <code>{open.key.prefix}</code>)
            gets refused until it is given a new key. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

import { API_KEY_SCOPE_LABELS, type ApiKeySummary } from '#shared/api/api-keys';
import { formatTimestamp } from '../../../ui/format.ts';

interface ApiKeysTableProps {
  keys: readonly ApiKeySummary[];
  onRevoke: (key: ApiKeySummary) => void;
}

/** Every key, revoked ones included, told apart by name and prefix; secrets are never shown again. */
export function ApiKeysTable({ keys, onRevoke }: ApiKeysTableProps) {
  return (
    <table className="admin-table" data-testid="api-keys-table">
      <caption className="visually-hidden">API keys</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">May</th>
          <th scope="col">Starts with</th>
          <th scope="col">Requests per minute</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id}>
            <th scope="row">{key.name}</th>
            <td>
              <ul className="admin-table__list">
                {key.scopes.map((scope) => (
                  <li key={scope}>{API_KEY_SCOPE_LABELS[scope]}</li>
                ))}
              </ul>
            </td>
            <td>
              <code>{key.prefix}…</code>
            </td>
            <td>{key.ratePerMinute.toLocaleString()}</td>
            <td>{formatTimestamp(key.createdAt)}</td>
            <td>{key.lastUsedAt === null ? 'never' : formatTimestamp(key.lastUsedAt)}</td>
            <td>
              {key.revokedAt === null ? (
                <span className="status-pill">Active</span>
              ) : (
                <span className="status-pill status-pill--off">Revoked {formatTimestamp(key.revokedAt)}</span>
              )}
            </td>
            <td>
              {key.revokedAt === null && (
                <button type="button" className="button button--small" onClick={() => onRevoke(key)}>
                  Revoke<span className="visually-hidden"> {key.name}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

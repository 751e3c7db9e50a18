import type { PresenceEntry } from '#shared/sync/socket-protocol';
import { useMembers } from '../queue/members-context.tsx';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** Compact, for a queue row: initials, with the full sentence for screen readers and on hover. */
export function PresenceBadges({ entries }: { entries: readonly PresenceEntry[] | undefined }) {
  const members = useMembers();
  if (!entries || entries.length === 0) return null;
  return (
    <span className="presence-badges" data-testid="presence-badges">
      {entries.map((entry) => {
        const name = members?.get(entry.userId)?.name ?? 'A teammate';
        const sentence = `${name} is ${entry.activity}`;
        return (
          <span
            key={entry.connectionId}
            className={`presence-badge presence-badge--${entry.activity}`}
            title={sentence}
          >
            <span aria-hidden="true">{initials(name)}</span>
            <span className="visually-hidden">{sentence}</span>
          </span>
        );
      })}
    </span>
  );
}

/** For the open ticket: "Priya Nair is viewing", in words. */
export function PresenceLine({ entries }: { entries: readonly PresenceEntry[] | undefined }) {
  const members = useMembers();
  if (!entries || entries.length === 0) return null;
  return (
    <p className="presence-line" data-testid="presence-line" role="status">
      {entries.map((entry) => `${members?.get(entry.userId)?.name ?? 'A teammate'} is ${entry.activity}`).join(' · ')}
    </p>
  );
}

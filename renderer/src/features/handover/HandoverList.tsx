import type { Handover } from '#shared/domain/handover';
import { handoverProgress } from '#shared/handover/completion';
import { formatAge, formatTimestamp } from '../../ui/format.ts';
import { progressText } from './team-handovers.ts';

interface HandoverListProps {
  label: string;
  handovers: readonly Handover[];
  openId: string | null;
  onOpen: (handoverId: string) => void;
  nameOf: (userId: string) => string;
  now: number;
  empty: string;
  testId: string;
}

/** Handovers as a list of buttons: who to whom, when, progress, and how long one has waited. */
export function HandoverList({ label, handovers, openId, onOpen, nameOf, now, empty, testId }: HandoverListProps) {
  if (handovers.length === 0) return <p className="handover__empty">{empty}</p>;
  return (
    <ul className="handover-list" aria-label={label} data-testid={testId}>
      {handovers.map((handover) => (
        <li key={handover.id}>
          <button
            type="button"
            className="handover-list__row"
            aria-current={handover.id === openId ? 'true' : undefined}
            data-handover-id={handover.id}
            data-status={handover.status}
            onClick={() => onOpen(handover.id)}
          >
            <span className="handover-list__who">
              {nameOf(handover.fromUserId)} → {handover.toUserId === null ? '…' : nameOf(handover.toUserId)}
            </span>
            <span className="handover-list__meta">
              {handover.submittedAt !== undefined ? formatTimestamp(handover.submittedAt) : 'being built'} ·{' '}
              {progressText(handoverProgress(handover))}
              {handover.status === 'submitted' && handover.submittedAt !== undefined && (
                <> · waiting {formatAge(handover.submittedAt, now)}</>
              )}
              {handover.status === 'complete' && <> · complete</>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

import { useId } from 'react';
import type { Handover } from '#shared/domain/handover';
import { handoverProgress } from '#shared/handover/completion';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { formatAge, formatTimestamp } from '../../ui/format.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { HandoverItemCard } from './HandoverItemCard.tsx';
import { followUpMovedOn, handedOverRole } from './item-role.ts';
import { SnapshotSections } from './SnapshotSections.tsx';
import { progressText } from './team-handovers.ts';
import { useCarriedFrom } from './use-carried-from.ts';
import { useNameOf } from './use-name-of.ts';

const STATUS_WORDS: Readonly<Record<Handover['status'], string>> = {
  building: 'Being built',
  submitted: 'Waiting for acknowledgement',
  complete: 'Complete',
};

/**
 * A handed-over handover, whole: who to whom and when, progress, every item
 * (the receiver acknowledges here), the snapshot, and its export. This is
 * what prints.
 */
export function HandoverDocument({ handover, now }: { handover: Handover; now: number }) {
  const { user } = useWorkspace();
  const nameOf = useNameOf();
  const carriedFrom = useCarriedFrom(handover);
  const headingId = useId();
  const progress = handoverProgress(handover);
  const role = handedOverRole(handover, user.id);

  return (
    <article
      className="handover-doc"
      aria-labelledby={headingId}
      data-testid="handover-document"
      data-handover-id={handover.id}
      data-status={handover.status}
    >
      <header className="handover-doc__header">
        <h2 id={headingId}>
          Handover from {nameOf(handover.fromUserId)}
          {handover.toUserId !== null && <> to {nameOf(handover.toUserId)}</>}
        </h2>
        <p className="handover-doc__facts">
          <span data-testid="handover-status">{STATUS_WORDS[handover.status]}</span>
          {' · '}
          <span data-testid="handover-progress">{progressText(progress)}</span>
          {handover.submittedAt !== undefined && <> · handed over {formatTimestamp(handover.submittedAt)}</>}
          {handover.status === 'submitted' && handover.submittedAt !== undefined && (
            <> · waiting {formatAge(handover.submittedAt, now)}</>
          )}
          {handover.completedAt !== undefined && <> · completed {formatTimestamp(handover.completedAt)}</>}
        </p>
        {followUpMovedOn(handover, user.id) && handover.items.some((item) => item.closedAt === undefined) && (
          <p className="handover-doc__hint" data-testid="handover-moved-on">
            Its open items were carried into your next handover (My handover): close them or tick their actions there.
          </p>
        )}
        <ExportButtons handover={handover} nameOf={nameOf} />
      </header>
      {handover.items.length === 0 ? (
        <p className="handover__empty">No items: nothing was handed over.</p>
      ) : (
        <div className="handover-doc__items">
          {handover.items.map((item) => (
            <HandoverItemCard
              key={item.id}
              handover={handover}
              item={item}
              role={role}
              nameOf={nameOf}
              carriedFrom={carriedFrom}
            />
          ))}
        </div>
      )}
      {handover.snapshot && <SnapshotSections snapshot={handover.snapshot} />}
    </article>
  );
}

import { useId } from 'react';
import type { Handover, HandoverItem } from '#shared/domain/handover';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useUiStore } from '../../state/ui-store.ts';
import { formatTimestamp } from '../../ui/format.ts';
import { AcknowledgeItem } from './AcknowledgeItem.tsx';
import { closeItem, removeItem, setActionDone } from './handover-changes.ts';
import { useHandoverDialogs } from './handover-dialogs-store.ts';
import type { ItemRole } from './item-role.ts';
import { SeverityTag } from './SeverityTag.tsx';
import { SUBJECT_KIND_LABELS } from './subject-label.ts';

interface HandoverItemCardProps {
  handover: Handover;
  item: HandoverItem;
  role: ItemRole;
  nameOf: (userId: string) => string;
  /** Who wrote the handover this item was carried from, by that handover's id. */
  carriedFrom: ReadonlyMap<string, string>;
}

/**
 * One handover item with its I-PASS fields, as plain text (summaries can
 * quote customers), and what the viewer may do with it.
 */
export function HandoverItemCard({ handover, item, role, nameOf, carriedFrom }: HandoverItemCardProps) {
  const { db, user } = useWorkspace();
  const showFlash = useUiStore((s) => s.showFlash);
  const openEdit = useHandoverDialogs((s) => s.openEdit);
  const headingId = useId();
  const mayTick = role === 'author' || role === 'receiver';
  const report = (refusal: string | null) => {
    if (refusal) showFlash(refusal);
  };
  const carriedBy = item.carried ? carriedFrom.get(item.carried.fromHandoverId) : undefined;

  return (
    <article
      className={`handover-item handover-item--${item.severity}${item.closedAt ? ' handover-item--closed' : ''}`}
      aria-labelledby={headingId}
      data-testid="handover-item"
      data-item-id={item.id}
      data-subject-id={item.subject.id}
    >
      <header className="handover-item__header">
        <SeverityTag severity={item.severity} />
        <h3 id={headingId} className="handover-item__subject">
          <span className="handover-subject__kind">{SUBJECT_KIND_LABELS[item.subject.kind]}</span> {item.subject.label}
        </h3>
        {item.carried && (
          <span className="handover-item__carried" data-testid="handover-carried">
            Carried from {carriedBy ? `${nameOf(carriedBy)}’s` : 'an earlier'} handover (×{item.carried.times})
          </span>
        )}
        {item.closedAt !== undefined && (
          <span className="handover-item__closed" data-testid="handover-closed">
            Closed {formatTimestamp(item.closedAt)}
          </span>
        )}
      </header>
      <p className="handover-item__summary" data-testid="handover-item-summary">
        {item.summary}
      </p>
      {item.actions.length > 0 && (
        <ul className="handover-item__actions" aria-label="Actions">
          {item.actions.map((action) => (
            <li key={action.id}>
              {mayTick ? (
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={action.doneAt !== undefined}
                    onChange={(event) =>
                      void setActionDone(db, user, handover.id, item.id, action.id, event.target.checked).then(report)
                    }
                  />
                  <span className={action.doneAt !== undefined ? 'handover-action--done' : undefined}>
                    {action.text}
                  </span>
                </label>
              ) : (
                <span className={action.doneAt !== undefined ? 'handover-action--done' : undefined}>
                  {action.doneAt !== undefined ? '✓ ' : '☐ '}
                  {action.text}
                </span>
              )}
              {action.dueAt !== undefined && (
                <span className="handover-action__due"> · due {formatTimestamp(action.dueAt)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {item.awareness !== '' && (
        <div className="handover-item__field">
          <h4>Situation awareness</h4>
          <p>{item.awareness}</p>
        </div>
      )}
      {item.contingency !== '' && (
        <div className="handover-item__field">
          <h4>Contingency</h4>
          <p>{item.contingency}</p>
        </div>
      )}
      {item.acknowledged && (
        <p className="handover-item__ack" data-testid="handover-ack">
          Acknowledged by {nameOf(item.acknowledged.by)}, {formatTimestamp(item.acknowledged.at)}
          {item.acknowledged.readBack && (
            <>
              {' '}
              · read-back: <q>{item.acknowledged.readBack}</q>
            </>
          )}
        </p>
      )}
      {role === 'receiver' && handover.status === 'submitted' && !item.acknowledged && (
        <AcknowledgeItem handoverId={handover.id} item={item} />
      )}
      {(role === 'author' || role === 'receiver') && (
        <div className="button-row no-print">
          {role === 'author' && (
            <>
              <button type="button" className="button button--small" onClick={() => openEdit(handover.id, item.id)}>
                Edit<span className="visually-hidden"> {item.subject.label}</span>
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => void removeItem(db, user, handover.id, item.id).then(report)}
              >
                Remove<span className="visually-hidden"> {item.subject.label}</span>
              </button>
            </>
          )}
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => void closeItem(db, user, handover.id, item.id, item.closedAt === undefined).then(report)}
          >
            {item.closedAt === undefined ? 'Close item' : 'Reopen item'}
            <span className="visually-hidden"> {item.subject.label}</span>
          </button>
        </div>
      )}
    </article>
  );
}

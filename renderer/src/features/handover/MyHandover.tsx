import { useState } from 'react';
import { useUiStore } from '../../state/ui-store.ts';
import { HandoverItemCard } from './HandoverItemCard.tsx';
import { SubmitHandoverDialog } from './SubmitHandoverDialog.tsx';
import { useCarriedFrom } from './use-carried-from.ts';
import { useMyBuildingHandover } from './use-handovers.ts';
import { useNameOf } from './use-name-of.ts';

/** The handover I am building: its items, editable until I submit it. */
export function MyHandover() {
  const handover = useMyBuildingHandover();
  const nameOf = useNameOf();
  const carriedFrom = useCarriedFrom(handover);
  const showFlash = useUiStore((s) => s.showFlash);
  const [submitting, setSubmitting] = useState(false);

  if (handover === undefined) return <p className="handover__empty">Loading…</p>;
  if (handover === null) {
    return (
      <p className="handover__empty" data-testid="my-handover-empty">
        Nothing in your handover yet. Open a ticket, escalation, problem or customer and press <kbd>⇧H</kbd> to add it.
      </p>
    );
  }
  return (
    <section
      aria-labelledby="my-handover-heading"
      className="handover-doc"
      data-testid="my-handover"
      data-handover-id={handover.id}
    >
      <header className="handover-doc__header">
        <h2 id="my-handover-heading">My handover</h2>
        <p className="handover-doc__facts">
          {handover.items.length} {handover.items.length === 1 ? 'item' : 'items'} · editable until you submit it
        </p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => setSubmitting(true)}>
            Submit handover…
          </button>
        </div>
      </header>
      <div className="handover-doc__items">
        {handover.items.map((item) => (
          <HandoverItemCard
            key={item.id}
            handover={handover}
            item={item}
            role="author"
            nameOf={nameOf}
            carriedFrom={carriedFrom}
          />
        ))}
      </div>
      {submitting && (
        <SubmitHandoverDialog
          handover={handover}
          onClose={() => setSubmitting(false)}
          onSubmitted={(message) => {
            setSubmitting(false);
            showFlash(message);
          }}
        />
      )}
    </section>
  );
}

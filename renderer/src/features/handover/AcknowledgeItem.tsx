import { useState } from 'react';
import type { HandoverItem } from '#shared/domain/handover';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { TextAreaField } from '../escalations/console/TextAreaField.tsx';
import { acknowledge } from './handover-changes.ts';

/**
 * The receiver's acknowledgement of one item. An unstable item asks for a
 * read-back in the receiver's own words; the rules refuse a copy of the
 * summary, and the refusal is said beside the field.
 */
export function AcknowledgeItem({ handoverId, item }: { handoverId: string; item: HandoverItem }) {
  const { db, user } = useWorkspace();
  const [readBack, setReadBack] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unstable = item.severity === 'unstable';

  const run = async () => {
    setBusy(true);
    const refused = await acknowledge(db, user, handoverId, item.id, readBack);
    setBusy(false);
    setRefusal(refused);
  };

  return (
    <div className="handover-ack no-print" data-testid="handover-acknowledge">
      {unstable && (
        <TextAreaField
          label="Read-back (in your own words)"
          value={readBack}
          onChange={(value) => {
            setReadBack(value);
            setRefusal(null);
          }}
          maxLength={1_000}
          rows={2}
          hint="Unstable: say what you will watch and what you will do."
          error={refusal}
        />
      )}
      {!unstable && refusal && (
        <p className="field__error" role="alert">
          {refusal}
        </p>
      )}
      {unstable && refusal && (
        <p className="visually-hidden" role="alert">
          {refusal}
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary button--small"
          disabled={busy}
          onClick={() => void run()}
        >
          Acknowledge<span className="visually-hidden"> {item.subject.label}</span>
        </button>
      </div>
    </div>
  );
}

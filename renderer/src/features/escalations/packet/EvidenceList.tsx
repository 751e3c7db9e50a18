import { useState } from 'react';
import type { EscalationEvidence } from '#shared/domain/escalation';
import { TextField } from '../../../ui/TextField.tsx';
import { type EvidenceInput, describeEvidence, parseEvidence } from './evidence-input.ts';
import { PacketTextArea } from './PacketTextArea.tsx';

interface EvidenceListProps {
  evidence: readonly EscalationEvidence[];
  readOnly: boolean;
  onChange: (evidence: EscalationEvidence[]) => void;
}

/**
 * Evidence the agent pastes: links (http or https only, checked with the
 * packet's schema) or log excerpts, kept and shown as plain text. Links are
 * listed, not made clickable here: an analyst opens them from their console.
 */
export function EvidenceList({ evidence, readOnly, onChange }: EvidenceListProps) {
  const [adding, setAdding] = useState<EvidenceInput['kind'] | null>(null);
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const [log, setLog] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    if (!adding) return;
    const input: EvidenceInput = adding === 'link' ? { kind: 'link', url, label } : { kind: 'log', text: log };
    const parsed = parseEvidence(input, evidence.length);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    onChange([...evidence, parsed.item]);
    setAdding(null);
    setUrl('');
    setLabel('');
    setLog('');
    setProblem(null);
  };

  return (
    <fieldset className="field-group packet-evidence" data-testid="packet-evidence">
      <legend>Evidence ({evidence.length})</legend>
      {evidence.length === 0 ? (
        <p className="ticket-panel__quiet">None yet: a log excerpt or a link saves the analyst a round trip.</p>
      ) : (
        <ul className="packet-evidence__list">
          {evidence.map((item, index) => (
            <li key={index}>
              <span className="packet-evidence__item">{describeEvidence(item)}</span>
              {!readOnly && (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  aria-label={`Remove evidence ${index + 1}`}
                  onClick={() => onChange(evidence.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && adding === null && (
        <div className="button-row">
          <button type="button" className="button button--small" onClick={() => setAdding('link')}>
            Add a link…
          </button>
          <button type="button" className="button button--small" onClick={() => setAdding('log')}>
            Paste a log…
          </button>
        </div>
      )}
      {!readOnly && adding !== null && (
        <div className="packet-evidence__add">
          {adding === 'link' ? (
            <>
              <TextField
                label="Link (http or https)"
                type="url"
                value={url}
                onChange={setUrl}
                maxLength={2000}
                error={problem}
                autoFocus
                data-testid="evidence-url"
              />
              <TextField label="Label (optional)" value={label} onChange={setLabel} maxLength={200} />
            </>
          ) : (
            <>
              <PacketTextArea
                label="Log excerpt"
                value={log}
                onChange={setLog}
                onBlur={() => undefined}
                maxLength={20_000}
                rows={6}
                readOnly={false}
                missing={false}
                autoFocus
                testId="evidence-log"
              />
              {problem && (
                <p className="field__error" role="alert">
                  {problem}
                </p>
              )}
            </>
          )}
          <div className="button-row">
            <button type="button" className="button button--small" onClick={add} data-testid="evidence-add">
              Add
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                setAdding(null);
                setProblem(null);
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}

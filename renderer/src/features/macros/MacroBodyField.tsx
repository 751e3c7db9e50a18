import { useId, useMemo, useRef, useState } from 'react';
import { MACRO_OPEN_SLOTS, MACRO_VARIABLES, renderMacro } from '#shared/macros/render-macro';
import { MACRO_BODY_MAX } from '#shared/domain/macro';
import { FieldNotes } from '../../ui/FieldNotes.tsx';
import { useFieldIds } from '../../ui/field-description.ts';
import { MarkdownContent } from '../conversation/content/MarkdownContent.tsx';
import { insertVariable } from './insert-variable.ts';
import { sampleMacroContext } from './macro-preview.ts';
import { OpenSlots } from './OpenSlots.tsx';

interface MacroBodyFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  agentName: string;
}

const VARIABLE_NAMES = Object.keys(MACRO_VARIABLES) as (keyof typeof MACRO_VARIABLES)[];
const SLOT_NAMES = Object.keys(MACRO_OPEN_SLOTS) as (keyof typeof MACRO_OPEN_SLOTS)[];
const HINT =
  'Markdown. {{variables}} are filled from the ticket when the macro is used; open slots (incident.…) are filled in by hand before sending.';

/** The macro's text, a variable picker that inserts at the cursor, and a live preview on a sample ticket. */
export function MacroBodyField({ value, onChange, error, agentName }: MacroBodyFieldProps) {
  const { fieldId, hintId, errorId, describedBy } = useFieldIds(HINT, error);
  const pickerId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [variable, setVariable] = useState<string>(VARIABLE_NAMES[0] ?? '');
  const preview = useMemo(() => renderMacro(value, sampleMacroContext(agentName)), [value, agentName]);

  const insert = () => {
    const field = textarea.current;
    const selection = field
      ? { start: field.selectionStart, end: field.selectionEnd }
      : { start: value.length, end: value.length };
    const next = insertVariable(value, selection, variable);
    onChange(next.text);
    // Back to the text, the cursor after the variable, once React has put the new text in.
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  return (
    <div className="macro-body">
      <div className="field">
        <label htmlFor={fieldId}>Text</label>
        <textarea
          ref={textarea}
          id={fieldId}
          rows={10}
          maxLength={MACRO_BODY_MAX}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
          data-testid="macro-body"
        />
        <FieldNotes hintId={hintId} errorId={errorId} hint={HINT} error={error} />
      </div>
      <div className="macro-body__insert">
        <label htmlFor={pickerId}>Variable</label>
        <select id={pickerId} value={variable} onChange={(event) => setVariable(event.target.value)}>
          <optgroup label="Filled from the ticket">
            {VARIABLE_NAMES.map((name) => (
              <option key={name} value={name}>
                {`{{${name}}} — ${MACRO_VARIABLES[name]}`}
              </option>
            ))}
          </optgroup>
          <optgroup label="Open slots, filled in by hand">
            {SLOT_NAMES.map((name) => (
              <option key={name} value={name}>
                {`{{${name}}} — ${MACRO_OPEN_SLOTS[name]}`}
              </option>
            ))}
          </optgroup>
        </select>
        <button type="button" className="button button--small" onClick={insert}>
          Insert at the cursor
        </button>
      </div>
      <section
        className="macro-body__preview"
        aria-label="Preview on a sample ticket"
        data-testid="macro-editor-preview"
      >
        <p className="macro-preview__kind">Preview on a sample ticket (#1042 from Alex Kim, Northwind Traders)</p>
        {value.trim() === '' ? (
          <p>No text: the macro only changes the ticket.</p>
        ) : (
          <MarkdownContent markdown={preview.text} />
        )}
        <OpenSlots slots={preview.openSlots} />
      </section>
    </div>
  );
}

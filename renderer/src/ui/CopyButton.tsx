import { useState } from 'react';

interface CopyButtonProps {
  text: string;
  /** What is copied, for the button's accessible name ("Copy password"). */
  label: string;
  autoFocus?: boolean;
}

/** Copies `text` and says so; if the clipboard is unavailable, says how to copy by hand. */
export function CopyButton({ text, label, autoFocus }: CopyButtonProps) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <span className="copy-button">
      <button type="button" className="button" onClick={() => void copy()} autoFocus={autoFocus}>
        {label}
      </button>
      <span role="status" className="copy-button__result">
        {result === 'copied'
          ? 'Copied.'
          : result === 'failed'
            ? 'This app may not use the clipboard here: select the text and press Ctrl+C (⌘C on a Mac).'
            : ''}
      </span>
    </span>
  );
}

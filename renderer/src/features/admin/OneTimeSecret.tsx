import { CopyButton } from '../../ui/CopyButton.tsx';

interface OneTimeSecretProps {
  /** What it is, as a label: "Password for Riley Chen", "API key secret". */
  label: string;
  /** The copy button's text: "Copy the password". */
  copyLabel: string;
  secret: string;
  testId?: string;
  /** Put the focus on the copy button (the dialog's content just changed under the keyboard). */
  autoFocus?: boolean;
}

/**
 * A password or key the server generated and will never show again: the
 * server keeps only a hash. Shown as text (never markup), selectable, with a
 * copy button and a plain warning.
 */
export function OneTimeSecret({ label, copyLabel, secret, testId, autoFocus }: OneTimeSecretProps) {
  return (
    <section className="one-time-secret" aria-label={label}>
      <p className="one-time-secret__label">{label}</p>
      <code className="one-time-secret__value" data-testid={testId}>
        {secret}
      </code>
      <CopyButton text={secret} label={copyLabel} autoFocus={autoFocus} />
      <p className="one-time-secret__warning">
        <strong>Shown only now.</strong> Copy it before you close this dialog: Shiftdesk keeps only a fingerprint and
        cannot show it again. Hand it over through a channel you trust.
      </p>
    </section>
  );
}

/**
 * Text a customer wrote. Rendered as a React text node — never parsed as
 * Markdown or HTML — with line breaks kept. `<bdi>` isolates its direction:
 * an override character (U+202E) in the text cannot run on into, and reverse,
 * the app's own text after it.
 */
export function CustomerText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ? `customer-text ${className}` : 'customer-text'} dir="auto">
      <bdi>{text}</bdi>
    </div>
  );
}

/** A one-line customer string inside the app's own text (subject, requester or customer name), isolated the same way. */
export function Isolated({ children }: { children: string }) {
  return <bdi>{children}</bdi>;
}

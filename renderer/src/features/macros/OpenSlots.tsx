import { MACRO_OPEN_SLOTS } from '#shared/macros/render-macro';

const describe = (slot: string): string | undefined => (MACRO_OPEN_SLOTS as Record<string, string>)[slot];

/** "Fill in before sending: incident.next_update": what the composer will hold the message for. */
export function OpenSlots({ slots }: { slots: readonly string[] }) {
  if (slots.length === 0) return null;
  return (
    <div className="open-slots" data-testid="macro-open-slots">
      <p className="open-slots__title">Fill in before sending:</p>
      <ul className="open-slots__list">
        {slots.map((slot) => (
          <li key={slot}>
            <code>{slot}</code>
            {describe(slot) ? ` — ${describe(slot)}` : ' — not a known variable: replace it by hand'}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * Customer text for places that cannot isolate it (a system notification,
 * text spliced into the agent's own reply): without the controls that would
 * reverse the words around it ("Open" shown as "nepO").
 */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

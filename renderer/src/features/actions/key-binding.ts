/**
 * Key bindings as short strings, written once on each action and read by the
 * key handler, the command palette and the shortcut sheet:
 *
 *   "j"  "?"  "/"  "1"       a printable key, as the keyboard produces it
 *   "shift+x"                 modifiers joined by "+", the key last
 *   "mod+k"                   mod = ⌘ on macOS, Ctrl elsewhere
 *   "g o"                     a sequence: g, then o within the timeout
 *   "Escape" "Enter" "ArrowDown" "Home" "End" "Space" "F1" …   named keys
 *
 * Everything here is pure (no DOM), so it is tested as tables in Node.
 */

/** A binding string in the format above. */
export type KeyBinding = string;

/** Which modifier `mod` means and how bindings are shown. */
export type KeyPlatform = 'mac' | 'other';

/** The part of a KeyboardEvent a binding is matched against. */
export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** The physical key ("KeyJ"): lets letter bindings work where the layout or Option changes `key`. */
  code?: string;
}

/** One key press of a binding. `key` is a lower-case letter, another printable character, or a named key. */
export interface KeyChord {
  key: string;
  mod: boolean;
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export interface ParsedBinding {
  /** The binding as written on the action. */
  source: KeyBinding;
  /** The same binding in one spelling ("shift+mod+k" and "mod+shift+k" are the same binding). */
  canonical: string;
  chords: readonly KeyChord[];
}

export class KeyBindingError extends Error {
  override name = 'KeyBindingError';
}

const MODIFIERS = ['mod', 'ctrl', 'meta', 'alt', 'shift'] as const;
type Modifier = (typeof MODIFIERS)[number];

/** Named keys, keyed by their lower-case spelling, with the `KeyboardEvent.key` they stand for. */
const NAMED_KEYS: ReadonlyMap<string, string> = new Map([
  ...[
    'Escape',
    'Enter',
    'Tab',
    'Backspace',
    'Delete',
    'Insert',
    'Home',
    'End',
    'PageUp',
    'PageDown',
    'ArrowUp',
    'ArrowDown',
    'ArrowLeft',
    'ArrowRight',
    ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
  ].map((name): [string, string] => [name.toLowerCase(), name]),
  ['esc', 'Escape'],
  ['space', ' '],
]);

/** Keys that only modify others: pressing one alone is never a chord (and must not cancel a sequence). */
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'Fn', 'FnLock']);

const isLetter = (key: string) => /^[a-z]$/.test(key);
const isPrintable = (key: string) => key.length === 1 && key !== ' ';

function parseChord(text: string, binding: string): KeyChord {
  const fail = (why: string) => new KeyBindingError(`Key binding "${binding}": ${why}`);
  // "+" is the separator, so the plus key itself is written last after another "+" ("mod++") or alone.
  let keyText: string;
  let modifierText: string[];
  if (text === '+') {
    keyText = '+';
    modifierText = [];
  } else if (text.endsWith('++')) {
    keyText = '+';
    modifierText = text.slice(0, -2).split('+');
  } else {
    const parts = text.split('+');
    keyText = parts.pop() ?? '';
    modifierText = parts;
  }
  const chord: KeyChord = { key: '', mod: false, ctrl: false, meta: false, alt: false, shift: false };
  for (const raw of modifierText) {
    const name = raw.toLowerCase();
    if (!(MODIFIERS as readonly string[]).includes(name)) {
      throw fail(`"${raw}" is not a modifier (use ${MODIFIERS.join(', ')})`);
    }
    if (chord[name as Modifier]) throw fail(`"${name}" appears twice`);
    chord[name as Modifier] = true;
  }
  if (chord.mod && (chord.ctrl || chord.meta)) {
    // On one platform mod+ctrl is ctrl twice; say which key is meant instead.
    throw fail('"mod" already means Ctrl or ⌘: do not combine it with "ctrl" or "meta"');
  }
  if (keyText === '') throw fail('a key is missing');
  if (keyText.length === 1) {
    if (/^[A-Z]$/.test(keyText)) throw fail(`write "shift+${keyText.toLowerCase()}" rather than "${keyText}"`);
    if (chord.shift && !isLetter(keyText)) {
      // Shift changes which character arrives ("?" is shift+/ on a US keyboard, something else elsewhere).
      throw fail(`shift with "${keyText}" never arrives as such: write the character the keyboard produces`);
    }
    chord.key = keyText;
    return chord;
  }
  const named = NAMED_KEYS.get(keyText.toLowerCase());
  if (named === undefined) throw fail(`"${keyText}" is not a key name`);
  if (MODIFIER_KEYS.has(keyText)) throw fail(`"${keyText}" is a modifier, not a key`);
  chord.key = named;
  return chord;
}

function canonicalChord(chord: KeyChord): string {
  const modifiers = MODIFIERS.filter((name) => chord[name]);
  const key = chord.key === ' ' ? 'Space' : chord.key;
  return [...modifiers, key].join('+');
}

/** Parses a binding; throws a KeyBindingError that names the binding and what is wrong with it. */
export function parseBinding(binding: KeyBinding): ParsedBinding {
  if (binding.trim() !== binding || binding === '' || binding.includes('  ')) {
    throw new KeyBindingError(`Key binding "${binding}": separate the keys of a sequence with single spaces`);
  }
  const chords = binding.split(' ').map((text) => parseChord(text, binding));
  return { source: binding, canonical: chords.map(canonicalChord).join(' '), chords };
}

/** True for a key press that only holds a modifier down (Shift on its way to "?"). */
export function isModifierOnly(event: Pick<KeyEventLike, 'key'>): boolean {
  return MODIFIER_KEYS.has(event.key);
}

/** Does this key press match this chord? */
export function matchChord(chord: KeyChord, event: KeyEventLike, platform: KeyPlatform): boolean {
  const wantCtrl = chord.ctrl || (chord.mod && platform !== 'mac');
  const wantMeta = chord.meta || (chord.mod && platform === 'mac');
  // Extra modifiers never match: ctrl+j and ⌘J belong to the browser and the OS, not to "j".
  if (event.ctrlKey !== wantCtrl || event.metaKey !== wantMeta || event.altKey !== chord.alt) return false;
  if (isLetter(chord.key)) {
    if (event.shiftKey !== chord.shift) return false;
    // Lower-cased, so Caps Lock does not turn "x" into a different shortcut.
    const key = event.key.toLowerCase();
    if (/^[a-z]$/.test(key)) return key === chord.key;
    // Option on macOS (⌥J arrives as "∆") and non-Latin layouts send another character: use the physical key.
    return event.key.length === 1 && event.code === `Key${chord.key.toUpperCase()}`;
  }
  if (isPrintable(chord.key)) {
    // "?" arrives with shiftKey on most layouts and without it on some: the character is what counts.
    return event.key === chord.key;
  }
  // Named keys: shift+Enter is not Enter.
  return event.shiftKey === chord.shift && event.key === chord.key;
}

/** Does a single key press match a one-chord binding? (Sequences go through createKeySequenceMatcher.) */
export function matchBinding(binding: ParsedBinding, event: KeyEventLike, platform: KeyPlatform): boolean {
  const [chord] = binding.chords;
  return binding.chords.length === 1 && chord !== undefined && matchChord(chord, event, platform);
}

export interface KeySequenceEntry {
  id: string;
  binding: ParsedBinding;
}

/**
 * What one key press did: completed a binding (the id it was registered
 * under), started or continued a sequence, or nothing (null; a lone modifier
 * press also leaves a pending sequence pending). An object rather than a bare
 * id, so no id can be mistaken for "pending".
 */
export type SequenceResult = { kind: 'matched'; id: string } | { kind: 'pending' } | null;

export interface KeySequenceMatcher {
  /**
   * Feeds one key press at time `now` (ms). `accept` narrows the candidates
   * for this press (the actions that apply now); a key that no accepted
   * binding continues ends the pending sequence and is then tried afresh.
   */
  feed: (event: KeyEventLike, now: number, accept?: (id: string) => boolean) => SequenceResult;
  /** Forgets a half-typed sequence. */
  reset: () => void;
  isPending: () => boolean;
}

/** How long the second key of "g o" may take: Gmail and Linear allow about this much. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/**
 * A pure state machine over key presses: single keys match at once, and the
 * first key of a sequence ("g" of "g o") is pending until the next key
 * completes it, a key that does not fits, or the timeout passes.
 */
export function createKeySequenceMatcher(
  entries: readonly KeySequenceEntry[],
  options: { platform: KeyPlatform; timeoutMs?: number },
): KeySequenceMatcher {
  const timeoutMs = options.timeoutMs ?? SEQUENCE_TIMEOUT_MS;
  let candidates: readonly KeySequenceEntry[] = [];
  let depth = 0;
  let lastAt = 0;

  const reset = () => {
    candidates = [];
    depth = 0;
  };

  const step = (
    pool: readonly KeySequenceEntry[],
    at: number,
    event: KeyEventLike,
    accept: (id: string) => boolean,
  ): KeySequenceEntry[] =>
    pool.filter((entry) => {
      const chord = entry.binding.chords[at];
      return chord !== undefined && accept(entry.id) && matchChord(chord, event, options.platform);
    });

  const feed: KeySequenceMatcher['feed'] = (event, now, accept = () => true) => {
    // Holding Shift on the way to "?" must not end "g …"; nor does it start anything.
    if (isModifierOnly(event)) return null;
    if (depth > 0 && now - lastAt > timeoutMs) reset();
    const continuing = depth > 0 ? step(candidates, depth, event, accept) : [];
    // A key that does not continue the sequence cancels it and counts on its own, so a stray "g"
    // never swallows the next shortcut.
    const [pool, at] = continuing.length > 0 ? [continuing, depth] : [step(entries, 0, event, accept), 0];
    const complete = pool.find((entry) => entry.binding.chords.length === at + 1);
    if (complete) {
      reset();
      return { kind: 'matched', id: complete.id };
    }
    if (pool.length === 0) {
      reset();
      return null;
    }
    candidates = pool;
    depth = at + 1;
    lastAt = now;
    return { kind: 'pending' };
  };

  return { feed, reset, isPending: () => depth > 0 };
}

const MAC_MODIFIER_SYMBOLS: Readonly<Record<Exclude<Modifier, 'mod'>, string>> = {
  ctrl: '⌃',
  alt: '⌥',
  shift: '⇧',
  meta: '⌘',
};
const OTHER_MODIFIER_NAMES: Readonly<Record<Exclude<Modifier, 'mod'>, string>> = {
  ctrl: 'Ctrl',
  alt: 'Alt',
  shift: 'Shift',
  meta: 'Meta',
};
const SPOKEN_MODIFIER_NAMES: Readonly<Record<KeyPlatform, Record<Exclude<Modifier, 'mod'>, string>>> = {
  mac: { ctrl: 'Control', alt: 'Option', shift: 'Shift', meta: 'Command' },
  other: { ctrl: 'Control', alt: 'Alt', shift: 'Shift', meta: 'Meta' },
};

const KEY_LABELS: Readonly<Record<string, string>> = {
  ' ': 'Space',
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  PageUp: 'Page Up',
  PageDown: 'Page Down',
};
const SPOKEN_KEY_LABELS: Readonly<Record<string, string>> = {
  ...KEY_LABELS,
  Escape: 'Escape',
  ArrowUp: 'Up Arrow',
  ArrowDown: 'Down Arrow',
  ArrowLeft: 'Left Arrow',
  ArrowRight: 'Right Arrow',
};

/** Modifiers in the order each platform writes them (Apple: ⌃⌥⇧⌘; others: Ctrl+Alt+Shift). */
function chordModifiers(chord: KeyChord, platform: KeyPlatform): Exclude<Modifier, 'mod'>[] {
  const has = {
    ctrl: chord.ctrl || (chord.mod && platform !== 'mac'),
    meta: chord.meta || (chord.mod && platform === 'mac'),
    alt: chord.alt,
    shift: chord.shift,
  };
  const order =
    platform === 'mac' ? (['ctrl', 'alt', 'shift', 'meta'] as const) : (['ctrl', 'meta', 'alt', 'shift'] as const);
  return order.filter((name) => has[name]);
}

const keyLabel = (key: string, labels: Readonly<Record<string, string>>) =>
  labels[key] ?? (key.length === 1 ? key.toUpperCase() : key);

/** One chord as printed on the key caps: "⌘K" on a Mac, "Ctrl+K" elsewhere. */
export function formatChord(chord: KeyChord, platform: KeyPlatform): string {
  const key = keyLabel(chord.key, KEY_LABELS);
  const modifiers = chordModifiers(chord, platform);
  return platform === 'mac'
    ? modifiers.map((name) => MAC_MODIFIER_SYMBOLS[name]).join('') + key
    : [...modifiers.map((name) => OTHER_MODIFIER_NAMES[name]), key].join('+');
}

/** One chord as a screen reader should say it ("Command+K", "Down Arrow"): "⌘" and "↓" read poorly. */
export function describeChord(chord: KeyChord, platform: KeyPlatform): string {
  const names = SPOKEN_MODIFIER_NAMES[platform];
  return [...chordModifiers(chord, platform).map((name) => names[name]), keyLabel(chord.key, SPOKEN_KEY_LABELS)].join(
    '+',
  );
}

const asParsed = (binding: KeyBinding | ParsedBinding) =>
  typeof binding === 'string' ? parseBinding(binding) : binding;

/** A binding for display: "⌘K" / "Ctrl+K", "G then O", "Shift+X" (⇧X on a Mac). */
export function formatBinding(binding: KeyBinding | ParsedBinding, platform: KeyPlatform): string {
  return asParsed(binding)
    .chords.map((chord) => formatChord(chord, platform))
    .join(' then ');
}

/**
 * The binding in `aria-keyshortcuts` syntax ("Control+K", "Shift+X"), or
 * null for sequences, which that attribute cannot express.
 */
export function ariaKeyShortcut(binding: KeyBinding | ParsedBinding, platform: KeyPlatform): string | null {
  const [chord, ...rest] = asParsed(binding).chords;
  if (!chord || rest.length > 0) return null;
  const names: Record<Exclude<Modifier, 'mod'>, string> = { ctrl: 'Control', alt: 'Alt', shift: 'Shift', meta: 'Meta' };
  const key = chord.key === ' ' ? 'Space' : isLetter(chord.key) ? chord.key.toUpperCase() : chord.key;
  return [...chordModifiers(chord, platform).map((name) => names[name]), key].join('+');
}

/** macOS or not, from the browser's own report (userAgentData where it exists, else the older fields). */
export function detectKeyPlatform(nav: {
  platform?: string;
  userAgent?: string;
  userAgentData?: { platform?: string };
}): KeyPlatform {
  const reported = nav.userAgentData?.platform || nav.platform || nav.userAgent || '';
  return /mac|iphone|ipad|ipod/i.test(reported) ? 'mac' : 'other';
}

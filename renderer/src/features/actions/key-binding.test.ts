import { describe, expect, it } from 'vitest';
import {
  type KeyEventLike,
  type KeyPlatform,
  type SequenceResult,
  ariaKeyShortcut,
  createKeySequenceMatcher,
  describeChord,
  detectKeyPlatform,
  formatBinding,
  matchBinding,
  parseBinding,
} from './key-binding.ts';

type Mods = Partial<Omit<KeyEventLike, 'key'>>;
const press = (key: string, mods: Mods = {}): KeyEventLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const shift: Mods = { shiftKey: true };
const ctrl: Mods = { ctrlKey: true };
const meta: Mods = { metaKey: true };

describe('parseBinding', () => {
  it.each([
    ['j', 'j'],
    ['?', '?'],
    ['/', '/'],
    ['1', '1'],
    ['shift+x', 'shift+x'],
    ['Shift+X'.replace('X', 'x'), 'shift+x'],
    ['mod+k', 'mod+k'],
    ['shift+mod+k', 'mod+shift+k'],
    ['alt+shift+ctrl+p', 'ctrl+alt+shift+p'],
    ['g o', 'g o'],
    ['Escape', 'Escape'],
    ['esc', 'Escape'],
    ['enter', 'Enter'],
    ['Home', 'Home'],
    ['End', 'End'],
    ['ArrowDown', 'ArrowDown'],
    ['shift+ArrowDown', 'shift+ArrowDown'],
    ['Space', 'Space'],
    ['F2', 'F2'],
    ['+', '+'],
    ['mod++', 'mod++'],
  ])('%s → %s', (binding, canonical) => {
    expect(parseBinding(binding).canonical).toBe(canonical);
  });

  it('keeps the parts of a sequence', () => {
    expect(parseBinding('g shift+i').chords).toEqual([
      { key: 'g', mod: false, ctrl: false, meta: false, alt: false, shift: false },
      { key: 'i', mod: false, ctrl: false, meta: false, alt: false, shift: true },
    ]);
  });

  it.each([
    ['', /single spaces/],
    [' j', /single spaces/],
    ['g  o', /single spaces/],
    ['X', /write "shift\+x"/],
    ['shift+?', /never arrives/],
    ['shift+1', /never arrives/],
    ['hyper+k', /"hyper" is not a modifier/],
    ['shift+shift+k', /appears twice/],
    ['mod+ctrl+k', /do not combine/],
    ['mod+', /a key is missing/],
    ['Escpae', /"Escpae" is not a key name/],
    ['Shift', /not a key name|modifier/],
  ])('refuses %j', (binding, message) => {
    expect(() => parseBinding(binding)).toThrow(message);
  });
});

describe('matching one key press', () => {
  const cases: [binding: string, event: KeyEventLike, platform: KeyPlatform, matches: boolean][] = [
    ['j', press('j'), 'other', true],
    ['j', press('J'), 'other', true], // Caps Lock
    ['j', press('J', shift), 'other', false],
    ['j', press('j', ctrl), 'other', false],
    ['j', press('j', meta), 'mac', false],
    ['j', press('j', { altKey: true }), 'other', false],
    ['j', press('о', { code: 'KeyJ' }), 'other', true], // a Cyrillic layout sends another letter
    ['j', press('k', { code: 'KeyJ' }), 'other', false], // Dvorak: the character wins over the position
    ['shift+x', press('X', shift), 'other', true],
    ['shift+x', press('x', shift), 'other', true], // Caps Lock and Shift together
    ['shift+x', press('x'), 'other', false],
    ['x', press('X', shift), 'other', false],
    ['?', press('?', shift), 'other', true],
    ['?', press('?'), 'other', true], // layouts where "?" needs no Shift
    ['?', press('/', shift), 'other', false],
    ['/', press('/'), 'other', true],
    ['/', press('/', ctrl), 'other', false],
    ['1', press('1'), 'other', true],
    ['1', press('!', shift), 'other', false],
    ['mod+k', press('k', ctrl), 'other', true],
    ['mod+k', press('k', meta), 'other', false],
    ['mod+k', press('k', meta), 'mac', true],
    ['mod+k', press('k', ctrl), 'mac', false],
    ['mod+k', press('k', { ctrlKey: true, metaKey: true }), 'mac', false],
    ['mod+k', press('K', { ctrlKey: true, shiftKey: true }), 'other', false],
    ['alt+j', press('∆', { altKey: true, code: 'KeyJ' }), 'mac', true], // Option changes the character
    ['ctrl+k', press('k', ctrl), 'mac', true],
    ['Escape', press('Escape'), 'other', true],
    ['Escape', press('Escape', shift), 'other', false],
    ['Enter', press('Enter'), 'other', true],
    ['shift+Enter', press('Enter', shift), 'other', true],
    ['shift+Enter', press('Enter'), 'other', false],
    ['ArrowDown', press('ArrowDown'), 'other', true],
    ['Home', press('Home'), 'other', true],
    ['End', press('End'), 'mac', true],
    ['Space', press(' '), 'other', true],
    ['g o', press('g'), 'other', false], // sequences are not single presses
  ];
  it.each(cases)('%s vs %o on %s → %s', (binding, event, platform, matches) => {
    expect(matchBinding(parseBinding(binding), event, platform)).toBe(matches);
  });
});

/** A result as one word for the tables: the matched id, 'pending', or null. */
const outcome = (result: SequenceResult) =>
  result === null ? null : result.kind === 'pending' ? 'pending' : result.id;

describe('the sequence matcher', () => {
  const entries = [
    { id: 'next', binding: parseBinding('j') },
    { id: 'help', binding: parseBinding('?') },
    { id: 'go-open', binding: parseBinding('g o') },
    { id: 'go-mine', binding: parseBinding('g m') },
    { id: 'palette', binding: parseBinding('mod+k') },
  ];
  type Step = [key: KeyEventLike, at: number, result: string | null];

  it.each<[name: string, steps: Step[]]>([
    ['single key', [[press('j'), 0, 'next']]],
    ['unbound key', [[press('z'), 0, null]]],
    [
      'g then o',
      [
        [press('g'), 0, 'pending'],
        [press('o'), 500, 'go-open'],
      ],
    ],
    [
      'g then m',
      [
        [press('g'), 0, 'pending'],
        [press('m'), 1500, 'go-mine'],
      ],
    ],
    [
      'too slow: the sequence resets, o alone does nothing',
      [
        [press('g'), 0, 'pending'],
        [press('o'), 1501, null],
      ],
    ],
    [
      'a key that does not continue cancels, then counts on its own',
      [
        [press('g'), 0, 'pending'],
        [press('j'), 100, 'next'],
        [press('o'), 200, null],
      ],
    ],
    [
      'an unbound key cancels',
      [
        [press('g'), 0, 'pending'],
        [press('z'), 100, null],
        [press('o'), 200, null],
      ],
    ],
    [
      'Shift on its own keeps the sequence',
      [
        [press('g'), 0, 'pending'],
        [press('Shift', shift), 100, null],
        [press('o'), 200, 'go-open'],
      ],
    ],
    [
      'g g: the second g starts again',
      [
        [press('g'), 0, 'pending'],
        [press('g'), 100, 'pending'],
        [press('m'), 200, 'go-mine'],
      ],
    ],
    [
      'a shifted o does not finish g o',
      [
        [press('g'), 0, 'pending'],
        [press('O', shift), 100, null],
      ],
    ],
    [
      'the timeout counts from the last key',
      [
        [press('g'), 0, 'pending'],
        [press('o'), 1000, 'go-open'],
        [press('g'), 2000, 'pending'],
        [press('m'), 3400, 'go-mine'],
      ],
    ],
    [
      'mod+k right after g',
      [
        [press('g'), 0, 'pending'],
        [press('k', ctrl), 100, 'palette'],
      ],
    ],
  ])('%s', (_name, steps) => {
    const matcher = createKeySequenceMatcher(entries, { platform: 'other' });
    expect(steps.map(([event, at]) => outcome(matcher.feed(event, at)))).toEqual(steps.map(([, , result]) => result));
  });

  it('only considers accepted bindings', () => {
    const matcher = createKeySequenceMatcher(entries, { platform: 'other' });
    const onlyPalette = (id: string) => id === 'palette';
    expect(matcher.feed(press('j'), 0, onlyPalette)).toBeNull();
    expect(matcher.feed(press('g'), 0, onlyPalette)).toBeNull();
    expect(matcher.isPending()).toBe(false);
    expect(matcher.feed(press('k', ctrl), 0, onlyPalette)).toEqual({ kind: 'matched', id: 'palette' });
  });

  it('drops a pending sequence whose only continuation no longer applies', () => {
    const matcher = createKeySequenceMatcher(entries, { platform: 'other' });
    expect(matcher.feed(press('g'), 0)).toEqual({ kind: 'pending' });
    expect(matcher.feed(press('o'), 10, (id) => id !== 'go-open')).toBeNull();
  });

  it('resets on request', () => {
    const matcher = createKeySequenceMatcher(entries, { platform: 'other', timeoutMs: 10_000 });
    matcher.feed(press('g'), 0);
    expect(matcher.isPending()).toBe(true);
    matcher.reset();
    expect(matcher.isPending()).toBe(false);
    expect(matcher.feed(press('o'), 1)).toBeNull();
  });
});

describe('formatBinding', () => {
  it.each<[binding: string, mac: string, other: string]>([
    ['mod+k', '⌘K', 'Ctrl+K'],
    ['shift+x', '⇧X', 'Shift+X'],
    ['g o', 'G then O', 'G then O'],
    ['?', '?', '?'],
    ['/', '/', '/'],
    ['1', '1', '1'],
    ['Escape', 'Esc', 'Esc'],
    ['Enter', 'Enter', 'Enter'],
    ['ArrowDown', '↓', '↓'],
    ['Home', 'Home', 'Home'],
    ['PageDown', 'Page Down', 'Page Down'],
    ['Space', 'Space', 'Space'],
    ['mod+shift+p', '⇧⌘P', 'Ctrl+Shift+P'],
    ['ctrl+alt+shift+meta+l', '⌃⌥⇧⌘L', 'Ctrl+Meta+Alt+Shift+L'],
    ['g shift+i', 'G then ⇧I', 'G then Shift+I'],
  ])('%s → %s on a Mac, %s elsewhere', (binding, mac, other) => {
    expect(formatBinding(binding, 'mac')).toBe(mac);
    expect(formatBinding(binding, 'other')).toBe(other);
  });

  it.each<[binding: string, platform: KeyPlatform, spoken: string]>([
    ['mod+k', 'mac', 'Command+K'],
    ['mod+k', 'other', 'Control+K'],
    ['alt+shift+x', 'mac', 'Option+Shift+X'],
    ['ArrowDown', 'other', 'Down Arrow'],
    ['Escape', 'other', 'Escape'],
  ])('says %s on %s as %s', (binding, platform, spoken) => {
    const [chord] = parseBinding(binding).chords;
    expect(chord && describeChord(chord, platform)).toBe(spoken);
  });

  it.each<[binding: string, platform: KeyPlatform, aria: string | null]>([
    ['mod+k', 'mac', 'Meta+K'],
    ['mod+k', 'other', 'Control+K'],
    ['shift+x', 'other', 'Shift+X'],
    ['?', 'other', '?'],
    ['Space', 'other', 'Space'],
    ['g o', 'other', null],
  ])('aria-keyshortcuts for %s on %s → %s', (binding, platform, aria) => {
    expect(ariaKeyShortcut(binding, platform)).toBe(aria);
  });
});

describe('detectKeyPlatform', () => {
  it.each([
    [{ userAgentData: { platform: 'macOS' } }, 'mac'],
    [{ platform: 'MacIntel' }, 'mac'],
    [{ platform: 'iPad' }, 'mac'],
    [{ platform: 'Linux x86_64' }, 'other'],
    [{ platform: 'Win32' }, 'other'],
    [{ userAgentData: { platform: '' }, userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)' }, 'mac'],
    [{}, 'other'],
  ])('%o → %s', (nav, platform) => {
    expect(detectKeyPlatform(nav)).toBe(platform);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSearchTerm, highlightSegments, searchTokens } from './highlight.ts';

/** Renders segments compactly: matches inside ⟦ ⟧, which no case below contains. */
function render(text: string, terms: readonly string[]): string {
  return highlightSegments(text, terms)
    .map((segment) => (segment.match ? `⟦${segment.text}⟧` : segment.text))
    .join('');
}

describe('highlightSegments', () => {
  it.each<[text: string, terms: string[], expected: string]>([
    // Whole words, any case.
    ['Password reset', ['password'], '⟦Password⟧ reset'],
    ['PASSWORD RESET', ['password', 'reset'], '⟦PASSWORD⟧ ⟦RESET⟧'],
    ['password reset', ['PASSWORD'], '⟦password⟧ reset'],
    // A term marks the start of longer words, only the part it covers.
    ['Password reset', ['pass'], '⟦Pass⟧word reset'],
    ['passes, passwords and pass', ['pass'], '⟦pass⟧es, ⟦pass⟧words and ⟦pass⟧'],
    // Never inside a word.
    ['Password', ['word'], 'Password'],
    ['unlock the lock', ['lock'], 'unlock the ⟦lock⟧'],
    // The longest term wins, whatever the order given.
    ['Password', ['pass', 'password'], '⟦Password⟧'],
    ['Password', ['password', 'pass'], '⟦Password⟧'],
    ['Passport', ['pass', 'password'], '⟦Pass⟧port'],
    // Accents do not matter on either side; the original characters are kept.
    ['Résumé attached', ['resume'], '⟦Résumé⟧ attached'],
    ['Resume attached', ['résumé'], '⟦Resume⟧ attached'],
    ['Crème brûlée', ['creme', 'brul'], '⟦Crème⟧ ⟦brûl⟧ée'],
    ['São Paulo office', ['sao'], '⟦São⟧ Paulo office'],
    // Decomposed accents: the combining mark stays with its letter.
    ['Cafe\u0301 au lait', ['cafe'], '⟦Cafe\u0301⟧ au lait'],
    ['Re\u0301sume\u0301', ['re'], '⟦Re\u0301⟧sume\u0301'],
    // Non-Latin scripts, and the Greek final sigma.
    ['Ошибка входа', ['ошибка'], '⟦Ошибка⟧ входа'],
    ['ΟΔΟΣ', ['οδος'], '⟦ΟΔΟΣ⟧'],
    ['東京 office', ['東京'], '⟦東京⟧ office'],
    // Characters outside the BMP are kept whole.
    ['😀 smile', ['smile'], '😀 ⟦smile⟧'],
    ['𝒳yz abc', ['abc'], '𝒳yz ⟦abc⟧'],
    // Punctuation and symbols separate words, in the text and in the terms.
    ['ana.costa@acme.example', ['acme'], 'ana.costa@⟦acme⟧.example'],
    ['Ana Costa <ana@acme.example>', ['ana@acme'], '⟦Ana⟧ Costa <⟦ana⟧@⟦acme⟧.example>'],
    ['error-403 (again)', ['403', 'again'], 'error-⟦403⟧ (⟦again⟧)'],
    ['v4.12.1 broke it', ['12'], 'v4.⟦12⟧.1 broke it'],
    // Markup in the text is text: it is returned as is, never parsed or added to.
    ['<b>Login</b> broken', ['login'], '<b>⟦Login⟧</b> broken'],
    ['<mark>x</mark>', ['mark'], '<⟦mark⟧>x</⟦mark⟧>'],
    ['<img src=x onerror=alert(1)>', ['alert'], '<img src=x onerror=⟦alert⟧(1)>'],
    // Terms that look like patterns are plain text.
    ['a.*b and (a) [b]', ['.*', '(a)', '[b]'], '⟦a⟧.*⟦b⟧ ⟦a⟧nd (⟦a⟧) [⟦b⟧]'],
    ['cost $5 + 20%', ['$', '+', '%'], 'cost $5 + 20%'],
    // Nothing to mark.
    ['Password reset', [], 'Password reset'],
    ['Password reset', [''], 'Password reset'],
    ['Password reset', ['   '], 'Password reset'],
    ['Password reset', ['xyz'], 'Password reset'],
    ['', ['password'], ''],
    // Whitespace and line breaks are kept exactly.
    ['  login\n\nfails\t ', ['login', 'fails'], '  ⟦login⟧\n\n⟦fails⟧\t '],
  ])('%j with %j → %j', (text, terms, expected) => {
    expect(render(text, terms)).toBe(expected);
  });

  it('merges neighbouring runs of the same kind and never returns empty runs', () => {
    expect(highlightSegments('login login', ['login'])).toEqual([
      { text: 'login', match: true },
      { text: ' ', match: false },
      { text: 'login', match: true },
    ]);
    expect(highlightSegments('', ['login'])).toEqual([]);
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', match: false }]);
  });

  it('gives back the text unchanged, in alternating non-empty runs, for any text and terms', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.array(fc.string({ maxLength: 8 })),
        (text, terms) => {
          const segments = highlightSegments(text, terms);
          expect(segments.map((segment) => segment.text).join('')).toBe(text);
          for (const [index, segment] of segments.entries()) {
            expect(segment.text).not.toBe('');
            if (index > 0) expect(segment.match).not.toBe(segments[index - 1]?.match);
          }
        },
      ),
    );
  });

  it('marks every word of a text when given that text’s own words', () => {
    // A "word" of combining marks alone folds to nothing: it cannot be searched, nor marked.
    const searchable = (text: string) =>
      searchTokens(text)
        .map(foldSearchTerm)
        .filter((word) => word !== '');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const marked = highlightSegments(text, searchTokens(text))
          .filter((segment) => segment.match)
          .flatMap((segment) => searchable(segment.text));
        expect(marked).toEqual(searchable(text));
      }),
    );
  });
});

describe('foldSearchTerm', () => {
  it.each([
    ['Password', 'password'],
    ['RÉSUMÉ', 'resume'],
    ['Re\u0301sume\u0301', 'resume'],
    ['Ærøskøbing', 'ærøskøbing'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['οδος', 'οδοσ'],
    ['İstanbul', 'istanbul'],
    ['straße', 'straße'],
  ])('%j → %j', (word, folded) => {
    expect(foldSearchTerm(word)).toBe(folded);
  });

  it('folds a word as it folds the word’s characters one by one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (word) => {
        expect(foldSearchTerm(word)).toBe([...word].map(foldSearchTerm).join(''));
      }),
    );
  });
});

describe('searchTokens', () => {
  it.each<[string, string[]]>([
    ['Login fails after update', ['Login', 'fails', 'after', 'update']],
    ['ana.costa@acme.example', ['ana', 'costa', 'acme', 'example']],
    ['<b>Login</b>', ['b', 'Login', 'b']],
    ['  ', []],
    ['', []],
    ['C++ & C#', ['C', 'C']],
  ])('%j → %j', (text, tokens) => {
    expect(searchTokens(text)).toEqual(tokens);
  });
});

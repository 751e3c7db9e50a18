import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, TermAnalyzer, fieldText } from './ticket-terms.ts';

describe('TermAnalyzer.terms', () => {
  it.each([
    ['folds case and accents, and stems', 'Login FAILED after the Update', ['login', 'fail', 'updat']],
    [
      'drops greetings, sign-offs and function words',
      'Hi team, the export is blank. Thanks, regards',
      ['export', 'blank'],
    ],
    ['drops negations', 'I cannot log in and it does not work', ['log', 'work']],
    [
      'keeps error codes and long numbers, drops short ones',
      'Error 403 on order 123456 at 9 am',
      ['error', '403', 'order', '123456'],
    ],
    ['splits on symbols, so markup is just words', '<b>Checkout</b> & a+b', ['checkout']],
    ['drops pasted tokens longer than 40 characters', `token ${'x'.repeat(41)} expired`, ['token', 'expir']],
    ['keeps other scripts as they are', 'Пароль не работает', ['пароль', 'не', 'работает']],
    ['gives nothing for punctuation only', '!!! ??? ...', []],
  ])('%s', (_, text, expected) => {
    expect(new TermAnalyzer().terms(text)).toEqual(expected);
  });

  it('reports the folded word each term came from', () => {
    const seen: [string, string][] = [];
    new TermAnalyzer().forEachTerm('Failing LOGINS', (term, word) => seen.push([term, word]));
    expect(seen).toEqual([
      ['fail', 'failing'],
      ['login', 'logins'],
    ]);
  });

  it('gives the same terms on a second pass (from its memory)', () => {
    const analyzer = new TermAnalyzer();
    const text = 'Payments declined after the update, payments stuck';
    expect(analyzer.terms(text)).toEqual(analyzer.terms(text));
  });
});

describe('fieldText', () => {
  it('leaves short text alone', () => {
    expect(fieldText('short body')).toBe('short body');
  });

  it('cuts long text at a word boundary', () => {
    const text = `${'word '.repeat(MAX_FIELD_CHARS / 5)}tail`;
    const cut = fieldText(text);
    expect(cut.length).toBeLessThanOrEqual(MAX_FIELD_CHARS);
    expect(cut.endsWith('word')).toBe(true);
  });
});

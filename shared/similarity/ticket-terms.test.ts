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
    [
      'drops negations, with or without the apostrophe',
      "I cannot print, can't scan and it doesnt work",
      ['print', 'scan', 'work'],
    ],
    [
      'makes one term of the ways to sign in and out',
      'Log in, sign-in, signin, logged on; log out, sign off',
      ['login', 'login', 'login', 'login', 'logout', 'logout'],
    ],
    ['keeps "log" and "sign" that are not signing in', 'Sign the log', ['sign', 'log']],
    ['makes mail and email one term', 'No e-mail, no mail, no emails', ['email', 'email', 'email']],
    [
      'makes a version one term of its first two parts',
      'Broken since v4.12.0, fine on 4.11 and 17.6.1',
      ['4.12', '4.11', '17.6', 'broken', 'fin'],
    ],
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
    new TermAnalyzer().forEachTerm('Failing LOGINS, signing in', (term, word) => seen.push([term, word]));
    expect(seen).toEqual([
      ['fail', 'failing'],
      ['login', 'login'],
      ['login', 'login'],
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

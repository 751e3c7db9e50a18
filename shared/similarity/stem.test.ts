import { describe, expect, it } from 'vitest';
import { stem } from './stem.ts';

describe('stem', () => {
  it.each([
    // Forms of one verb meet.
    ['fails', 'fail'],
    ['failed', 'fail'],
    ['failing', 'fail'],
    ['fail', 'fail'],
    ['update', 'updat'],
    ['updates', 'updat'],
    ['updated', 'updat'],
    ['updating', 'updat'],
    ['charged', 'charg'],
    ['charge', 'charg'],
    ['charges', 'charg'],
    // Doubled consonants are undoubled, except l, s and z.
    ['stopped', 'stop'],
    ['logged', 'log'],
    ['billing', 'bill'],
    ['missing', 'miss'],
    // -ies / -ied.
    ['replies', 'reply'],
    ['replied', 'reply'],
    ['copied', 'copy'],
    // Plurals, and words that only look like plurals.
    ['invoices', 'invoic'],
    ['logins', 'login'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['access', 'access'],
    ['addresses', 'address'],
    ['bus', 'bus'],
    // Too short, or no vowel before the ending: left alone.
    ['need', 'need'],
    ['red', 'red'],
    ['string', 'string'],
    ['thing', 'thing'],
    ['use', 'use'],
    // Not plain ASCII words: numbers, codes, other scripts.
    ['403', '403'],
    ['e1021', 'e1021'],
    ['café', 'café'],
    ['пароль', 'пароль'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

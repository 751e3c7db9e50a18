import { describe, expect, it } from 'vitest';
import { REPLY_SUBJECT_MAX, replySubject } from './reply-subject.ts';

describe('replySubject', () => {
  it('prefixes Re: and tags the ticket number', () => {
    expect(replySubject('Printer on fire', 42)).toBe('Re: Printer on fire [#42]');
  });

  it('does not stack reply prefixes, in any of the usual languages', () => {
    expect(replySubject('Re: RE: Printer', 42)).toBe('Re: Printer [#42]');
    expect(replySubject('AW: Sv: Re[2]: Re : Printer', 42)).toBe('Re: Printer [#42]');
    expect(replySubject('Réf. : Printer', 42)).toBe('Re: Réf. : Printer [#42]');
    expect(replySubject('Réf: Printer', 42)).toBe('Re: Printer [#42]');
  });

  it('keeps forwarded subjects and words that merely start like a prefix', () => {
    expect(replySubject('Fwd: Printer', 42)).toBe('Re: Fwd: Printer [#42]');
    expect(replySubject('Refund please', 42)).toBe('Re: Refund please [#42]');
  });

  it('keeps the ticket tag from duplicating, wherever the thread put it', () => {
    expect(replySubject('Re: Printer [#42]', 42)).toBe('Re: Printer [#42]');
    expect(replySubject('[#42] Re: Printer', 42)).toBe('Re: Printer [#42]');
    expect(replySubject('Printer [#7]', 42)).toBe('Re: Printer [#7] [#42]');
  });

  it('strips line breaks and control and direction characters (no header injection)', () => {
    const subject = replySubject('Hello\r\nBcc: victim@example.com\u0000\u202Etxt.exe', 42);
    expect(subject).toBe('Re: Hello Bcc: victim@example.com txt.exe [#42]');
    expect(subject).not.toMatch(/[\p{Cc}\u202E]/u);
  });

  it('names an empty subject', () => {
    expect(replySubject('  \r\n ', 3)).toBe('Re: (no subject) [#3]');
    expect(replySubject('Re:', 3)).toBe('Re: (no subject) [#3]');
  });

  it('caps the subject at 250 characters, keeping the tag and whole characters', () => {
    const long = replySubject('x'.repeat(1_000), 123456);
    expect(long).toHaveLength(REPLY_SUBJECT_MAX);
    expect(long.endsWith('… [#123456]')).toBe(true);
    const emoji = replySubject('😀'.repeat(400), 1);
    expect(Array.from(emoji).length).toBeLessThanOrEqual(REPLY_SUBJECT_MAX);
    expect(() => encodeURIComponent(emoji)).not.toThrow();
  });
});

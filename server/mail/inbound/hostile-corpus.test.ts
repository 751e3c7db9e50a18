import { describe, expect, it } from 'vitest';
import { HOSTILE_CORPUS_LIMITS, HOSTILE_MAILS } from './hostile-corpus.ts';
import { hostileExpectationFailures } from './hostile-corpus-check.ts';
import { parseInboundMail } from './parse-inbound-mail.ts';

/** What an SMTP relay carries unchanged: CRLF lines of at most 998 bytes, no NUL, a header block of fields. */
function smtpProblems(raw: Buffer): string[] {
  const problems: string[] = [];
  if (raw.includes(0)) problems.push('has a NUL byte');
  let start = 0;
  let inHeader = true;
  while (start < raw.length) {
    const end = raw.indexOf('\n', start);
    const lineEnd = end < 0 ? raw.length : end;
    if (end >= 0 && raw[end - 1] !== 0x0d) problems.push(`bare LF at ${end}`);
    const line = raw.subarray(start, end >= 0 && raw[end - 1] === 0x0d ? lineEnd - 1 : lineEnd);
    if (line.length > 998) problems.push(`a ${line.length}-byte line at ${start}`);
    if (inHeader) {
      if (line.length === 0) inHeader = false;
      else if (!/^([ \t]|[!-9;-~]+:)/.test(line.toString('latin1', 0, 80)))
        problems.push(`header line without a colon at ${start}`);
    }
    if (problems.length > 0) break;
    start = lineEnd + 1;
  }
  return problems;
}

describe('the hostile corpus', () => {
  it('names each mail once', () => {
    const names = HOSTILE_MAILS.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(HOSTILE_MAILS.map((entry) => [entry.name, entry] as const))(
    '%s is marked smtpSafe exactly when SMTP can carry it',
    (_name, entry) => {
      const problems = smtpProblems(entry.raw());
      if (entry.smtpSafe) expect(problems).toEqual([]);
      else expect(problems).not.toEqual([]);
    },
    60_000,
  );

  it.each(HOSTILE_MAILS.map((entry) => [entry.name, entry] as const))(
    '%s parses as its entry expects',
    async (name, entry) => {
      const raw = entry.raw();
      const started = performance.now();
      const mail = await parseInboundMail(raw, HOSTILE_CORPUS_LIMITS);
      const ms = Math.round(performance.now() - started);
      console.log(`hostile corpus: ${name}, ${raw.length.toLocaleString('en')} bytes, parsed in ${ms} ms`);
      expect(hostileExpectationFailures(entry, mail)).toEqual([]);
    },
    60_000,
  );
});

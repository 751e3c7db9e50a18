import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { MESSAGE_BODY_MAX } from '#shared/domain/message';
import { HOSTILE_MAILS } from './hostile-corpus.ts';
import { NO_SUBJECT, NO_TEXT } from './inbound-mail.ts';
import { parseInboundMail } from './parse-inbound-mail.ts';

const LIMITS = { attachmentMaxBytes: 1024 * 1024 };
/** Fixed, so a failure replays; fast-check prints the seed and path of any counterexample. */
const SEED = 20_261_201;

/** A mail from header pairs and a body, with CRLF line endings. */
function rawMail(headers: Record<string, string>, body: string | Buffer = 'Hello.'): Buffer {
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const bodyBytes = typeof body === 'string' ? Buffer.from(body.replace(/\r?\n/g, '\r\n')) : body;
  return Buffer.concat([Buffer.from(`${head}\r\n`), bodyBytes]);
}

const BASE = { From: 'Jane <jane@customer.test>', To: 'support@shiftdesk.test', Subject: 'Printer' };

describe('parseInboundMail: headers', () => {
  it('keeps ids bare, In-Reply-To and References in order', async () => {
    const mail = await parseInboundMail(
      rawMail({
        ...BASE,
        'Message-ID': ' <abc.123@customer.test> ',
        'In-Reply-To': "<shiftdesk.msg_a.wsp_b@shiftdesk.test> (Support's message of Monday)",
        References: '<root@x.test>\r\n <middle@x.test> <shiftdesk.msg_a.wsp_b@shiftdesk.test> <root@x.test>',
      }),
      LIMITS,
    );
    expect(mail.messageId).toBe('abc.123@customer.test');
    expect(mail.inReplyTo).toEqual(['shiftdesk.msg_a.wsp_b@shiftdesk.test']);
    expect(mail.references).toEqual(['root@x.test', 'middle@x.test', 'shiftdesk.msg_a.wsp_b@shiftdesk.test']);
  });

  it('keeps the root and the newest 49 of more than 50 references, and says so', async () => {
    const ids = Array.from({ length: 80 }, (_, index) => `<ref-${index}@x.test>`);
    const mail = await parseInboundMail(rawMail({ ...BASE, References: ids.join('\r\n ') }), LIMITS);
    expect(mail.references).toHaveLength(50);
    expect(mail.references[0]).toBe('ref-0@x.test');
    expect(mail.references[1]).toBe('ref-31@x.test');
    expect(mail.references.at(-1)).toBe('ref-79@x.test');
    expect(mail.problems.join(' ')).toContain('80 ids');
  });

  it('has a null Message-ID when the mail has none or only garbage', async () => {
    expect((await parseInboundMail(rawMail(BASE), LIMITS)).messageId).toBeNull();
    expect((await parseInboundMail(rawMail({ ...BASE, 'Message-ID': '<>' }), LIMITS)).messageId).toBeNull();
  });

  it('lowercases and validates the sender, decodes and cleans the name, reads Reply-To', async () => {
    const mail = await parseInboundMail(
      rawMail({
        ...BASE,
        From:
          '=?utf-8?B?' + Buffer.from('J\u202Eane\u0000 Müller').toString('base64') + '?= <Jane.Muller@Customer.TEST>',
        'Reply-To': 'Desk <Desk@Customer.test>',
      }),
      LIMITS,
    );
    expect(mail.from).toEqual({ email: 'jane.muller@customer.test', name: 'Jane Müller' });
    expect(mail.replyTo).toEqual({ email: 'desk@customer.test', name: 'Desk' });
  });

  it('takes the first mailbox of a group and leaves out an empty name', async () => {
    const mail = await parseInboundMail(rawMail({ ...BASE, From: 'Team: <a@x.test>, b@x.test;' }), LIMITS);
    expect(mail.from).toEqual({ email: 'a@x.test' });
  });

  it('cleans the subject: decoded, no controls or direction overrides, at most 300 characters', async () => {
    const encoded = '=?utf-8?Q?Caf=C3=A9_=E2=80=AEevil?=';
    expect((await parseInboundMail(rawMail({ ...BASE, Subject: `  ${encoded}\t x ` }), LIMITS)).subject).toBe(
      'Café evil x',
    );
    const long = await parseInboundMail(rawMail({ ...BASE, Subject: 'a'.repeat(500) }), LIMITS);
    expect(long.subject).toBe('a'.repeat(300));
    const { From, To } = BASE;
    expect((await parseInboundMail(rawMail({ From, To }), LIMITS)).subject).toBe(NO_SUBJECT);
  });

  it('reads the date, ignoring comments, and gives null for one it cannot read', async () => {
    const mail = await parseInboundMail(rawMail({ ...BASE, Date: 'Tue, 01 Dec 2026 10:00:00 +0100 (CET)' }), LIMITS);
    expect(mail.date).toBe(Date.UTC(2026, 11, 1, 9, 0, 0));
    expect((await parseInboundMail(rawMail(BASE), LIMITS)).date).toBeNull();
    const bad = await parseInboundMail(rawMail({ ...BASE, Date: 'Someday' }), LIMITS);
    expect(bad.date).toBeNull();
    expect(bad.problems.join(' ')).toContain('Date');
  });
});

describe('parseInboundMail: body', () => {
  it('prefers the text/plain part', async () => {
    const body = [
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Plain words.',
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>HTML words.</p>',
      '--b--',
      '',
    ].join('\n');
    const mail = await parseInboundMail(
      rawMail({ ...BASE, 'Content-Type': 'multipart/alternative; boundary="b"' }, body),
      LIMITS,
    );
    expect(mail.text).toBe('Plain words.');
  });

  it('turns HTML into text: entities decoded, links with their web address, no pixel, no markup', async () => {
    const html =
      '<p>Price &lt; 5 &amp; more</p><img src="http://127.0.0.1:9/pixel.gif"><a href="https://x.test/a">docs</a> ' +
      '<a href="https://x.test/b">https://x.test/b</a> <a href="mailto:a@x.test">mail us</a> <a href="data:text/html,x">data</a>';
    const mail = await parseInboundMail(rawMail({ ...BASE, 'Content-Type': 'text/html; charset=utf-8' }, html), LIMITS);
    expect(mail.text).toBe('Price < 5 & more\n\ndocs (https://x.test/a) https://x.test/b mail us (a@x.test) data');
  });

  it('cuts a text over the message limit, saying how long it was', async () => {
    const mail = await parseInboundMail(rawMail(BASE, 'word '.repeat(40_000)), LIMITS);
    expect(mail.text.length).toBeLessThanOrEqual(MESSAGE_BODY_MAX);
    expect(mail.text).toMatch(/The text was cut here: it had 199,999 characters/);
    expect(mail.problems.join(' ')).toContain('199,999 characters');
  });

  it('never gives an empty text', async () => {
    expect((await parseInboundMail(rawMail(BASE, ''), LIMITS)).text).toBe(NO_TEXT);
    expect((await parseInboundMail(rawMail(BASE, '\r\n \t\r\n'), LIMITS)).text).toBe(NO_TEXT);
    const imageOnly = await parseInboundMail(
      rawMail({ ...BASE, 'Content-Type': 'text/html' }, '<img src="http://127.0.0.1:9/pixel.gif">'),
      LIMITS,
    );
    expect(imageOnly.text).toBe(NO_TEXT);
  });

  it('normalises line breaks and drops control characters but keeps tabs', async () => {
    const mail = await parseInboundMail(rawMail(BASE, Buffer.from('a\tb\u0007c\r\n\r\n\r\n\r\n\r\nd  \r\n')), LIMITS);
    expect(mail.text).toBe('a\tbc\n\n\nd');
  });
});

describe('parseInboundMail: attachments', () => {
  function withAttachments(parts: string[]): Buffer {
    const body = [
      '--p',
      'Content-Type: text/plain',
      '',
      'See attached.',
      ...parts.flatMap((part) => ['--p', part]),
      '--p--',
      '',
    ];
    return rawMail({ ...BASE, 'Content-Type': 'multipart/mixed; boundary="p"' }, body.join('\n'));
  }

  it('keeps content up to the limit, lists a larger file without it', async () => {
    const small = Buffer.alloc(1000, 1);
    const large = Buffer.alloc(LIMITS.attachmentMaxBytes + 1, 2);
    const mail = await parseInboundMail(
      withAttachments([
        `Content-Type: Application/PDF; name="a.pdf"\nContent-Transfer-Encoding: base64\n\n${small.toString('base64')}`,
        `Content-Type: application/zip\nContent-Disposition: attachment; filename="b.zip"\nContent-Transfer-Encoding: base64\n\n${large.toString('base64').replace(/.{76}/g, '$&\n')}`,
      ]),
      LIMITS,
    );
    expect(mail.attachments.map(({ filename, contentType, size }) => ({ filename, contentType, size }))).toEqual([
      { filename: 'a.pdf', contentType: 'application/pdf', size: 1000 },
      { filename: 'b.zip', contentType: 'application/zip', size: LIMITS.attachmentMaxBytes + 1 },
    ]);
    expect(mail.attachments[0]?.content?.equals(small)).toBe(true);
    expect(mail.attachments[1]?.content).toBeNull();
    expect(mail.problems.join(' ')).toContain('"b.zip" (1 MB) is larger than the 1 MB limit');
  });

  it('cleans file names: last path segment, no controls or overrides, extension kept when cut', async () => {
    const mail = await parseInboundMail(
      withAttachments([
        'Content-Type: text/csv\nContent-Disposition: attachment; filename="C:\\\\Users\\\\x\\\\re\u202Eport.csv"\n\na,b',
        `Content-Type: application/pdf\nContent-Disposition: attachment; filename="${'n'.repeat(300)}.pdf"\n\nx`,
        'Content-Type: application/pdf\nContent-Disposition: attachment; filename=".."\n\nx',
      ]),
      LIMITS,
    );
    const names = mail.attachments.map((attachment) => attachment.filename);
    expect(names[0]).toBe('report.csv');
    expect(names[1]).toBe(`${'n'.repeat(251)}.pdf`);
    expect(names[2]).toBe('attachment-3');
  });
});

describe('parseInboundMail: never throws', () => {
  it('falls back to the raw text when the parser takes too long', async () => {
    const raw = rawMail(BASE, 'Slow but readable.\n' + 'x'.repeat(5_000_000));
    const mail = await parseInboundMail(raw, { ...LIMITS, parseTimeoutMs: 1 });
    expect(mail.problems[0]).toMatch(/could not be read \(parsing took longer than 1 ms\); the raw text is shown/);
    expect(mail.text.startsWith('Slow but readable.')).toBe(true);
    expect(mail.from).toEqual({ email: 'jane@customer.test', name: 'Jane' });
  });

  it('decodes a single base64 part and strips HTML in the raw fallback', async () => {
    const huge = { 'X-Junk': 'j'.repeat(1_100_000) };
    const html = Buffer.from('<p>Hidden <script>alert(1)</script>words</p>').toString('base64');
    const mail = await parseInboundMail(
      rawMail({ ...BASE, ...huge, 'Content-Type': 'text/html', 'Content-Transfer-Encoding': 'base64' }, html),
      LIMITS,
    );
    expect(mail.problems[0]).toContain('the raw text is shown');
    expect(mail.text).toBe('Hidden words');
  });

  it('reads a mail nested 900 multiparts deep, just under the part limit', async () => {
    let part = 'Content-Type: text/plain\r\n\r\nDeep inside.';
    for (let level = 900; level >= 1; level -= 1) {
      part = `Content-Type: multipart/mixed; boundary="n${level}"\r\n\r\n--n${level}\r\n${part}\r\n--n${level}--`;
    }
    const mail = await parseInboundMail(Buffer.from(`From: a@x.test\r\n${part}\r\n`), LIMITS);
    expect(mail.text).toBe('Deep inside.');
  });

  it('survives any bytes at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        const mail = await parseInboundMail(Buffer.from(bytes), LIMITS);
        expect(mail.text.length).toBeGreaterThan(0);
        expect(mail.subject.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('survives corpus mails with bytes flipped, cut or repeated', async () => {
    const small = HOSTILE_MAILS.filter((entry) => entry.raw().length < 200_000).map((entry) => entry.raw());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...small),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.nat(),
        async (original, flips, cut) => {
          const raw = Buffer.from(original.subarray(0, Math.max(1, cut % (original.length + 1))));
          for (const [position, byte] of flips) raw[position % raw.length] = byte;
          const mail = await parseInboundMail(raw, LIMITS);
          // Only never-empty: a damaged Content-Type makes an HTML part plain text, and plain text is shown as written.
          expect(mail.text.length).toBeGreaterThan(0);
          expect(mail.subject.length).toBeGreaterThan(0);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});

setFlagsFromString('--expose-gc');
/** The garbage collector, so each measurement starts from live memory only. */
const collectGarbage = runInNewContext('gc') as () => void;

/** Runs `work`, sampling the process's memory every 10 ms, and reports the time and the peaks above the start. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; rssMb: number; buffersMb: number }> {
  collectGarbage();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakBuffers = start.arrayBuffers;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
  }, 10);
  const started = performance.now();
  try {
    const result = await work();
    return {
      result,
      ms: Math.round(performance.now() - started),
      rssMb: Math.round((peakRss - start.rss) / 1024 / 1024),
      buffersMb: Math.round((peakBuffers - start.arrayBuffers) / 1024 / 1024),
    };
  } finally {
    clearInterval(sampler);
  }
}

describe('parseInboundMail: a 35 MB mail', () => {
  it('reads it in seconds, holding the 25 MB attachment only when it is under the limit', async () => {
    const entry = HOSTILE_MAILS.find((candidate) => candidate.name === 'attachment-25mb');
    if (!entry) throw new Error('the corpus lost its 25 MB mail');
    const raw = entry.raw();
    await parseInboundMail(raw, { attachmentMaxBytes: 0 }); // warms up the code paths, so the first figure is not slower
    const dropped = await measured(() => parseInboundMail(raw, { attachmentMaxBytes: 10 * 1024 * 1024 }));
    const kept = await measured(() => parseInboundMail(raw, { attachmentMaxBytes: 30 * 1024 * 1024 }));
    const plain = await measured(() => simpleParser(raw));
    const mb = (raw.length / 1024 / 1024).toFixed(1);
    console.log(
      [
        `${mb} MB raw mail (25 MB attachment):`,
        `  parseInboundMail, attachment over the limit: ${dropped.ms} ms, peak +${dropped.rssMb} MB RSS, +${dropped.buffersMb} MB buffers`,
        `  parseInboundMail, attachment kept:           ${kept.ms} ms, peak +${kept.rssMb} MB RSS, +${kept.buffersMb} MB buffers`,
        `  mailparser simpleParser, for comparison:     ${plain.ms} ms, peak +${plain.rssMb} MB RSS, +${plain.buffersMb} MB buffers`,
      ].join('\n'),
    );
    expect(dropped.result.attachments[0]?.content).toBeNull();
    expect(kept.result.attachments[0]?.content?.length).toBe(25 * 1024 * 1024);
    expect(dropped.ms).toBeLessThan(20_000);
    expect(kept.ms).toBeLessThan(20_000);
  }, 120_000);
});

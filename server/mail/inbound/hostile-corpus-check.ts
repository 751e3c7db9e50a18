import { isDeepStrictEqual } from 'node:util';
import { MESSAGE_ATTACHMENTS_MAX, MESSAGE_BODY_MAX } from '#shared/domain/message';
import { CORPUS_OUR_MESSAGE_ID, HOSTILE_TEXT_NEVER, type HostileContext, type HostileMail } from './hostile-corpus.ts';
import { INBOUND_REFERENCES_MAX, INBOUND_SUBJECT_MAX, type InboundMail } from './inbound-mail.ts';

/** The tags the corpus's HTML uses as markup: none may survive into text. */
const HTML_TAG =
  /<\/?(?:html|head|title|body|p|div|a|img|script|style|iframe|svg|form|input|button|object|embed|table|tr|td|meta|link|base)\b/i;
/** Characters no one-line field may keep: controls and direction overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The contract every InboundMail keeps, whatever the mail was. */
function invariantFailures(mail: InboundMail): string[] {
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };
  check(mail.text.trim().length > 0, 'text is empty');
  check(mail.text.length <= MESSAGE_BODY_MAX, `text has ${mail.text.length} characters`);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  check(!/[\u0000\r]/.test(mail.text), 'text has NUL or CR');
  check(mail.subject.length > 0 && mail.subject.length <= INBOUND_SUBJECT_MAX, 'subject length out of range');
  check(!UNSAFE_IN_LINE.test(mail.subject), 'subject has control or direction characters');
  for (const address of [mail.from, mail.replyTo]) {
    check(!address || address.email === address.email.toLowerCase(), 'address not lowercased');
    check(!address?.name || !UNSAFE_IN_LINE.test(address.name), 'name has control or direction characters');
  }
  check(mail.attachments.length <= MESSAGE_ATTACHMENTS_MAX, `${mail.attachments.length} attachments`);
  for (const attachment of mail.attachments) {
    check(
      attachment.filename.length > 0 && attachment.filename.length <= 255 && !/[/\\]/.test(attachment.filename),
      `bad filename ${JSON.stringify(attachment.filename)}`,
    );
    check(!UNSAFE_IN_LINE.test(attachment.filename), 'filename has control or direction characters');
    check(
      attachment.contentType === attachment.contentType.toLowerCase() && attachment.contentType.length <= 255,
      `bad content type ${attachment.contentType}`,
    );
    check(!attachment.content || attachment.content.length === attachment.size, 'content length differs from size');
  }
  check(mail.references.length <= INBOUND_REFERENCES_MAX, `${mail.references.length} references`);
  check(mail.automatic === null || mail.automatic.length <= 200, 'automatic too long');
  check(mail.bounce === null || mail.automatic !== null, 'a bounce that is not automatic');
  return failures;
}

/**
 * Where a parsed corpus mail differs from what its entry expects (and from
 * the contract of every InboundMail): an empty list when it is all as it
 * should be. `context` must be the one the raw mail was built with.
 */
export function hostileExpectationFailures(
  entry: HostileMail,
  mail: InboundMail,
  context: Partial<HostileContext> = {},
): string[] {
  const expected = entry.expect;
  const ourMessageId = context.ourMessageId ?? CORPUS_OUR_MESSAGE_ID;
  const failures = invariantFailures(mail);
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };
  check((mail.automatic !== null) === expected.automatic, `automatic is ${JSON.stringify(mail.automatic)}`);
  check((mail.bounce !== null) === expected.bounce, `bounce is ${JSON.stringify(mail.bounce)}`);
  const fellBack = mail.problems.some((problem) => problem.includes('the raw text is shown'));
  check(fellBack === (expected.rawFallback ?? false), `raw fallback: ${fellBack}`);
  for (const text of expected.textIncludes ?? []) check(mail.text.includes(text), `text lacks ${JSON.stringify(text)}`);
  for (const text of [...HOSTILE_TEXT_NEVER, ...(expected.textExcludes ?? [])]) {
    check(!mail.text.toLowerCase().includes(text.toLowerCase()), `text has ${JSON.stringify(text)}`);
  }
  check(!HTML_TAG.test(mail.text), `text has a tag: ${HTML_TAG.exec(mail.text)?.[0]}`);
  const stored = mail.attachments.filter((attachment) => attachment.content !== null).length;
  const overLimit = mail.attachments.length - stored;
  if (expected.attachmentsStored !== undefined) {
    check(stored === expected.attachmentsStored, `${stored} attachments stored`);
  }
  if (expected.attachmentsOverLimit !== undefined) {
    check(overLimit === expected.attachmentsOverLimit, `${overLimit} attachments over the limit`);
  }
  if (expected.attachmentNames) {
    const names = mail.attachments.map((attachment) => attachment.filename);
    check(isDeepStrictEqual(names, expected.attachmentNames), `attachment names ${JSON.stringify(names)}`);
  }
  if (expected.from !== undefined)
    check(isDeepStrictEqual(mail.from, expected.from), `from is ${JSON.stringify(mail.from)}`);
  if (expected.subject !== undefined)
    check(mail.subject === expected.subject, `subject is ${JSON.stringify(mail.subject)}`);
  if (expected.repliesToOurMessage)
    check(mail.inReplyTo.includes(ourMessageId), `inReplyTo is ${JSON.stringify(mail.inReplyTo)}`);
  if (expected.bounceOfOurMessage) {
    check(mail.bounce?.originalMessageId === ourMessageId, `bounced id is ${mail.bounce?.originalMessageId}`);
  }
  if (expected.bounceRecipient !== undefined) {
    check(mail.bounce?.recipient === expected.bounceRecipient, `bounced recipient is ${mail.bounce?.recipient}`);
  }
  return failures;
}

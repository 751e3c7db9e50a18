import {
  HANDOVER_SEVERITY_LABELS,
  type Handover,
  type HandoverAction,
  type HandoverItem,
  type HandoverStatus,
} from '../domain/handover.ts';
import { handoverProgress } from './completion.ts';

/**
 * A handover as Markdown, for pasting into a chat or a wiki and for the record:
 * every item with its I-PASS fields, who acknowledged it and how they read it
 * back, then the snapshot. Pure and time-zone free (times in UTC), so the same
 * handover always exports the same text.
 *
 * Everything typed by a person (subjects carry customers' ticket subjects) is
 * escaped: where the export is rendered, it must show as the text it was, never
 * as a link, an image or HTML.
 */
export function handoverMarkdown(handover: Handover, nameOf: (userId: string) => string): string {
  const name = (userId: string) => oneLine(nameOf(userId));
  const progress = handoverProgress(handover);
  const lines = [
    `# Handover from ${name(handover.fromUserId)}${handover.toUserId === null ? '' : ` to ${name(handover.toUserId)}`}`,
    '',
    `- Status: ${STATUS_LABELS[handover.status]} (${progress.acknowledged} of ${progress.items} items acknowledged)`,
    `- Started: ${time(handover.createdAt)}`,
    ...(handover.submittedAt === undefined ? [] : [`- Submitted: ${time(handover.submittedAt)}`]),
    ...(handover.completedAt === undefined ? [] : [`- Completed: ${time(handover.completedAt)}`]),
    '',
    '## Items',
    '',
    ...(handover.items.length === 0 ? ['No items.', ''] : []),
    ...handover.items.flatMap((item, index) => [...itemLines(item, index + 1, name), '']),
  ];
  if (handover.snapshot) {
    lines.push(`## Queue at submission (${time(handover.snapshot.at)})`, '');
    for (const section of handover.snapshot.sections) {
      lines.push(`### ${oneLine(section.title)}: ${section.count}`, '');
      lines.push(...section.lines.map((line) => `- ${oneLine(line.text)}`));
      if (section.lines.length > 0) lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

const STATUS_LABELS: Readonly<Record<HandoverStatus, string>> = {
  building: 'Being built',
  submitted: 'Waiting for acknowledgement',
  complete: 'Complete',
};

const SUBJECT_KINDS: Readonly<Record<HandoverItem['subject']['kind'], string>> = {
  ticket: 'ticket',
  escalation: 'escalation',
  problem: 'problem',
  customer: 'customer',
};

function itemLines(item: HandoverItem, number: number, name: (userId: string) => string): string[] {
  return [
    `### ${number}. ${oneLine(item.subject.label)} (${SUBJECT_KINDS[item.subject.kind]})`,
    '',
    `- Severity: ${HANDOVER_SEVERITY_LABELS[item.severity]}`,
    ...(item.carried === undefined ? [] : [`- Carried over from an earlier handover (${times(item.carried.times)})`]),
    ...(item.closedAt === undefined ? [] : [`- Closed: ${time(item.closedAt)}`]),
    `- Summary: ${text(item.summary)}`,
    item.actions.length === 0 ? '- Actions: none' : '- Actions:',
    ...item.actions.map(actionLine),
    `- Situation awareness: ${text(item.awareness)}`,
    `- Contingency: ${text(item.contingency)}`,
    `- Added by ${name(item.addedBy)} at ${time(item.addedAt)}`,
    item.acknowledged === undefined
      ? '- Not acknowledged yet'
      : `- Acknowledged by ${name(item.acknowledged.by)} at ${time(item.acknowledged.at)}` +
        (item.acknowledged.readBack === undefined ? '' : `; read-back: ${text(item.acknowledged.readBack)}`),
  ];
}

function actionLine(action: HandoverAction): string {
  const when = [
    ...(action.dueAt === undefined ? [] : [`due ${time(action.dueAt)}`]),
    ...(action.doneAt === undefined ? [] : [`done ${time(action.doneAt)}`]),
  ];
  return `  - [${action.doneAt === undefined ? ' ' : 'x'}] ${text(action.text)}${when.length === 0 ? '' : ` (${when.join(', ')})`}`;
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/** `2027-01-15 06:00 UTC`. */
function time(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(ms);
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A free-text field: "none" when empty; further lines indented so they stay inside their list item. */
function text(value: string): string {
  const lines = value
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return 'none';
  return lines.map(escapeMarkdown).join('\n    ');
}

/**
 * A field written on one line of the export (a subject, a title, a name): a
 * line break in it would start a line of its own, a forged heading or
 * "Acknowledged by" entry, so breaks become spaces before escaping.
 */
function oneLine(value: string): string {
  return escapeMarkdown(value.replace(/\r\n?|\n/g, ' '));
}

/**
 * Escapes text for Markdown (CommonMark and GitHub's dialect): the punctuation
 * that opens emphasis, code, links, images, tables and HTML is backslash-escaped,
 * and so is what starts a block at the beginning of any line; GitHub's bare-URL
 * and email autolinks are broken up the same way (`https\://`, `www\.`, `\@`).
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_{}[\]()<>!|~&]/g, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
    .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\./gm, '$1\\.');
}

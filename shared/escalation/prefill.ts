import type { PacketFields } from '../domain/escalation.ts';
import { suggestedSeverity } from './readiness.ts';

/**
 * A packet to start from, read off the tickets being escalated (and their
 * problem, if any): the agent confirms or rewrites every field. Each rule is
 * one the agent can check at a glance:
 * - summary: the problem's title (the team already named the fault), else the
 *   subject that shares the most words with the others (the first on a tie);
 * - severity: suggestedSeverity from the tickets' priorities and the customers hit;
 * - environment: versions ("4.12", "v4.12.1") and platforms ("iOS 17.2",
 *   "Android", "web") the tickets mention, most mentioned first;
 * - everything else blank: steps, expected, actual and what was tried are the
 *   agent's judgement, and evidence is pasted, never guessed.
 */
export interface PrefillTicket {
  subject: string;
  body: string;
  priority: string;
  customerId: string;
  merged?: readonly { customerId: string }[] | undefined;
}

export interface PrefillProblem {
  title: string;
  affectedCustomers: number;
}

export const SUMMARY_MAX = 200;
/** More than this many environment facts is a list nobody reads; the most mentioned are kept. */
export const ENVIRONMENT_FACTS_MAX = 8;

export function prefillPacket(
  tickets: readonly PrefillTicket[],
  problem?: PrefillProblem | null,
): Pick<PacketFields, 'summary' | 'severity' | 'environment'> {
  const customers = new Set<string>();
  for (const ticket of tickets) {
    customers.add(ticket.customerId);
    for (const merged of ticket.merged ?? []) customers.add(merged.customerId);
  }
  const affected = Math.max(customers.size, problem?.affectedCustomers ?? 0);
  return {
    summary: clip(problem?.title.trim() || representativeSubject(tickets.map((ticket) => ticket.subject))),
    severity: suggestedSeverity(tickets, affected),
    environment: environmentFacts(tickets.map((ticket) => `${ticket.subject}\n${ticket.body}`))
      .slice(0, ENVIRONMENT_FACTS_MAX)
      .join(', '),
  };
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SUMMARY_MAX ? `${line.slice(0, SUMMARY_MAX - 1)}…` : line;
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);

/** The subject sharing the most words with the other subjects: the one most like the rest. First on a tie. */
export function representativeSubject(subjects: readonly string[]): string {
  const sets = subjects.map(words);
  let best = 0;
  let bestShared = -1;
  sets.forEach((set, i) => {
    let shared = 0;
    sets.forEach((other, j) => {
      if (i !== j) for (const word of set) if (other.has(word)) shared++;
    });
    if (shared > bestShared) {
      best = i;
      bestShared = shared;
    }
  });
  return subjects[best] ?? '';
}

/**
 * Platforms, each with the version written after it when there is one. Words
 * that are also ordinary English ("windows", "edge") count only capitalised
 * or with a version after them.
 */
const PLATFORMS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'iPadOS', pattern: /\bipados\b/giu },
  { name: 'iOS', pattern: /\bios\b/giu },
  { name: 'Android', pattern: /\bandroid\b/giu },
  { name: 'macOS', pattern: /\b(?:macos|mac os(?: x)?|os x)\b/giu },
  { name: 'Windows', pattern: /\b(?:Windows|windows(?=\s+\d))\b/gu },
  { name: 'Linux', pattern: /\blinux\b/giu },
  { name: 'Chrome', pattern: /\bchrome\b/giu },
  { name: 'Firefox', pattern: /\bfirefox\b/giu },
  { name: 'Safari', pattern: /\bsafari\b/giu },
  { name: 'Edge', pattern: /\b(?:Edge|edge(?=\s+\d))\b/gu },
  { name: 'web', pattern: /\b(?:web(?: app| version| browser)?|browser)\b/giu },
];
/** "17", "17.2", "4.12.1" right after a platform's name. */
const PLATFORM_VERSION = /^\s*v?(\d{1,3}(?:\.\d{1,4}){0,2})\b/u;
/** An app version: introduced by a word that says so ("version 4.12", "v4.12", "app 4.12"), or three-part ("4.12.1"). */
const APP_VERSION =
  /(?:\b(?:version|ver\.?|v|app|release|build|update)\s*)(\d{1,3}\.\d{1,4}(?:\.\d{1,4})?)\b|(?<![\d.$€£])\b(\d{1,3}\.\d{1,4}\.\d{1,3})\b(?!\.\d)/giu;

/** Environment facts the texts mention (versions first, then platforms), each most mentioned first. */
export function environmentFacts(texts: readonly string[]): string[] {
  const versions = new Map<string, number>();
  const platforms = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const text of texts) {
    // Platforms first, blanked out (same length, so offsets hold), so "iOS 17.2.1" is not also read as the app's version.
    let rest = text;
    for (const { name, pattern } of PLATFORMS) {
      for (const match of rest.matchAll(pattern)) {
        const end = match.index + match[0].length;
        const version = name === 'web' ? null : PLATFORM_VERSION.exec(rest.slice(end));
        count(platforms, version ? `${name} ${version[1]}` : name);
        const length = end - match.index + (version ? version[0].length : 0);
        rest = `${rest.slice(0, match.index)}${' '.repeat(length)}${rest.slice(match.index + length)}`;
      }
    }
    for (const match of rest.matchAll(APP_VERSION)) count(versions, (match[1] ?? match[2])!);
  }
  const ranked = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]).map(([fact]) => fact);
  // A bare "iOS" adds nothing when "iOS 17.2" is listed.
  const platformList = ranked(platforms);
  const withVersion = new Set(platformList.filter((fact) => fact.includes(' ')).map((fact) => fact.split(' ')[0]));
  return [...ranked(versions), ...platformList.filter((fact) => fact.includes(' ') || !withVersion.has(fact))];
}

import { describe, expect, it } from 'vitest';
import type { EscalationLogEntry, EscalationQuestion } from '../domain/escalation.ts';
import { escalationFixture } from '../testing/fixtures.ts';
import {
  type NotificationReader,
  escalationNotifications,
  newestAt,
  openQuestionsFor,
  unreadCount,
} from './notifications.ts';

const NAMES: Record<string, string> = { usr_agent: 'Sam Lee', usr_priya: 'Priya Nair', usr_omar: 'Omar Haddad' };
const nameOf = (id: string | null) => (id === null ? 'A customer' : (NAMES[id] ?? 'A teammate'));

const agent: NotificationReader = { id: 'usr_agent', works: false };
const priya: NotificationReader = { id: 'usr_priya', works: true };
const omar: NotificationReader = { id: 'usr_omar', works: true };

const entry = (at: number, by: string | null, step: EscalationLogEntry['step'], detail?: string): EscalationLogEntry =>
  ({ at, by, step, ...(detail === undefined ? {} : { detail }) }) as EscalationLogEntry;

/** A packet's whole life: written by Sam, worked by Priya. */
const LOG: EscalationLogEntry[] = [
  entry(1_000, 'usr_agent', 'created'),
  entry(2_000, 'usr_agent', 'sent'),
  entry(3_000, 'usr_priya', 'acknowledged'),
  entry(4_000, 'usr_priya', 'asked', 'Which app version?'),
  entry(5_000, 'usr_agent', 'answered', '4.12.0'),
  entry(6_000, 'usr_priya', 'started'),
  entry(7_000, 'usr_priya', 'forwarded', 'https://tracker.example.com/ENG-1'),
  entry(8_000, 'usr_priya', 'fixed', 'Fixed in 4.12.1'),
  entry(9_000, null, 'regression', '#1203 reopened after the fix'),
  entry(10_000, 'usr_agent', 'reopened', 'Still broken'),
  entry(11_000, 'usr_agent', 'followed_up'),
];

describe('escalationNotifications', () => {
  it.each<[string, NotificationReader, string | null, string[]]>([
    [
      'the author hears every analyst step and the regression, never their own',
      agent,
      'usr_priya',
      [
        'Possible regression: #1203 reopened after the fix',
        'Priya Nair marked it fixed: Fixed in 4.12.1',
        'Priya Nair forwarded it to engineering: https://tracker.example.com/ENG-1',
        'Priya Nair started work on it',
        'Priya Nair asked: Which app version?',
        'Priya Nair acknowledged it',
      ],
    ],
    [
      'the assigned analyst hears sent, answered, a regression of her fix and reopened',
      priya,
      'usr_priya',
      [
        'Sam Lee reopened it: Still broken',
        'Possible regression: #1203 reopened after the fix',
        'Sam Lee answered: 4.12.0',
        'Sam Lee sent it',
      ],
    ],
    ['another analyst hears nothing of a packet that is not theirs', omar, 'usr_priya', []],
    [
      'an analyst who asked hears the answer, though the packet moved to a colleague since',
      priya,
      'usr_omar',
      ['Sam Lee answered: 4.12.0'],
    ],
    [
      'every analyst hears about a packet sent to anyone',
      omar,
      null,
      [
        'Sam Lee reopened it: Still broken',
        'Possible regression: #1203 reopened after the fix',
        'Sam Lee answered: 4.12.0',
        'Sam Lee sent it',
      ],
    ],
    [
      'an agent who does not work escalations hears nothing of packets sent to anyone',
      { id: 'usr_omar', works: false },
      null,
      [],
    ],
  ])('%s', (_title, reader, analystId, texts) => {
    const escalation = escalationFixture({
      status: 'sent',
      analystId: analystId as never,
      log: LOG,
      // Priya's question in the log above, answered by Sam.
      questions: [
        {
          id: 'q1',
          askedBy: 'usr_priya' as never,
          askedAt: 4_000,
          text: 'Which app version?',
          answer: '4.12.0',
          answeredBy: 'usr_agent' as never,
          answeredAt: 5_000,
        },
      ],
    });
    const notifications = escalationNotifications([escalation], reader, nameOf);
    expect(notifications.map((notification) => notification.text)).toEqual(texts);
  });

  it('names the packet and keys each entry stably, newest first across packets', () => {
    const a = escalationFixture({
      id: 'esc_a' as never,
      summary: 'Login fails',
      log: [entry(3_000, 'usr_priya', 'started')],
    });
    const b = escalationFixture({
      id: 'esc_b' as never,
      summary: '  ',
      log: [entry(4_000, 'usr_priya', 'acknowledged')],
    });
    const notifications = escalationNotifications([a, b], agent, nameOf);
    expect(notifications.map(({ key, summary }) => [key, summary])).toEqual([
      ['esc_b@4000:acknowledged', 'an untitled packet'],
      ['esc_a@3000:started', 'Login fails'],
    ]);
  });
});

describe('unread and seen', () => {
  it.each<[number, number, number]>([
    [0, 3, 3_000],
    [2_000, 1, 3_000],
    [3_000, 0, 3_000],
    [5_000, 0, 5_000],
  ])('seen up to %i: %i unread, marked up to %i', (seen, unread, marked) => {
    const list = [{ at: 1_000 }, { at: 2_000 }, { at: 3_000 }];
    expect(unreadCount(list, seen)).toBe(unread);
    expect(newestAt(list, seen)).toBe(marked);
  });
});

describe('openQuestionsFor', () => {
  const question = (id: string, askedAt: number, answered = false): EscalationQuestion =>
    ({
      id,
      askedBy: 'usr_priya',
      askedAt,
      text: `Question ${id}`,
      ...(answered ? { answer: 'Yes', answeredBy: 'usr_agent', answeredAt: askedAt + 1 } : {}),
    }) as EscalationQuestion;

  it('lists the unanswered questions on my packets, oldest first', () => {
    const mine = escalationFixture({
      id: 'esc_mine' as never,
      status: 'needs_info',
      questions: [question('q2', 20), question('q1', 10, true), question('q3', 5)],
    });
    const theirs = escalationFixture({
      id: 'esc_theirs' as never,
      createdBy: 'usr_omar' as never,
      questions: [question('q9', 1)],
    });
    expect(openQuestionsFor([mine, theirs], 'usr_agent').map((open) => [open.escalationId, open.questionId])).toEqual([
      ['esc_mine', 'q3'],
      ['esc_mine', 'q2'],
    ]);
    expect(openQuestionsFor([mine], 'usr_omar')).toEqual([]);
  });
});

import type { Macro } from '../domain/macro.ts';

/**
 * The macros every new team starts with: what a night shift types most,
 * written once, well. Team macros (shared), owned by the team's first admin;
 * leads edit or delete them like any other. Variables are filled from the
 * ticket; `{{incident.…}}` are open slots the agent fills before sending.
 */
export const STARTER_MACROS: readonly Omit<Macro, 'ownerId' | 'createdAt' | 'updatedAt'>[] = [
  {
    id: 'mac_starter_outage' as Macro['id'],
    name: 'Outage apology',
    messageKind: 'reply',
    visibility: 'shared',
    actions: { status: 'on_hold', addTags: ['outage'] },
    body: [
      'Hi {{requester.first_name}},',
      '',
      'I’m sorry: {{incident.summary}}, and it affects {{customer.name}} right now. Our engineers are on it.',
      '',
      'You don’t need to do anything. I’ll update you here on ticket #{{ticket.number}} by {{incident.next_update}}, or sooner if it is fixed.',
      '',
      '{{agent.first_name}}',
    ].join('\n'),
  },
  {
    id: 'mac_starter_logs' as Macro['id'],
    name: 'Ask for logs',
    messageKind: 'reply',
    visibility: 'shared',
    actions: { status: 'pending' },
    body: [
      'Hi {{requester.first_name}},',
      '',
      'Thanks for reporting “{{ticket.subject}}”. To find the cause quickly, could you send us:',
      '',
      '1. the log file (Help → Export logs, or `~/.config/app/logs`),',
      '2. roughly when it last happened, with your time zone,',
      '3. the steps that lead to it, if you can repeat them.',
      '',
      'This ticket waits for your answer and reopens as soon as you reply.',
      '',
      '{{agent.first_name}}',
    ].join('\n'),
  },
  {
    id: 'mac_starter_fixed' as Macro['id'],
    name: 'Follow-up after a fix',
    messageKind: 'reply',
    visibility: 'shared',
    actions: { status: 'pending', removeTags: ['outage'] },
    body: [
      'Hi {{requester.first_name}},',
      '',
      'Good news: the fix for “{{ticket.subject}}” is live. Could you check that it works for you now?',
      '',
      'If anything is still wrong, just reply here; ticket #{{ticket.number}} stays open for you.',
      '',
      '{{agent.first_name}}',
    ].join('\n'),
  },
  {
    id: 'mac_starter_close' as Macro['id'],
    name: 'Close as solved',
    messageKind: 'reply',
    visibility: 'shared',
    actions: { status: 'solved' },
    body: [
      'Hi {{requester.first_name}},',
      '',
      'I’m marking ticket #{{ticket.number}} as solved. If the problem comes back, reply to this message and it reopens with everything we already know.',
      '',
      'Thanks for your patience,',
      '{{agent.first_name}}',
    ].join('\n'),
  },
  {
    id: 'mac_starter_ack' as Macro['id'],
    name: 'Acknowledge and take it',
    messageKind: 'reply',
    visibility: 'shared',
    actions: { status: 'open', assignee: 'me' },
    body: [
      'Hi {{requester.first_name}},',
      '',
      'Thanks for getting in touch. I’m {{agent.first_name}}, and I’m looking into “{{ticket.subject}}” now. I’ll get back to you as soon as I know more.',
    ].join('\n'),
  },
];

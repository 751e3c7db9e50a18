import { describe, expect, it } from 'vitest';
import { type MacroContext, fillPerRecipient, openSlotsIn, renderMacro } from './render-macro.ts';

const CONTEXT: MacroContext = {
  ticket: {
    number: 1042,
    subject: 'Login fails',
    requesterName: 'Ana María Costa',
    requesterEmail: 'ana@acme.example',
  },
  customer: { name: 'Acme Rockets' },
  agent: { name: 'Priya Nair' },
};

describe('renderMacro', () => {
  it.each([
    ['Hi {{requester.first_name}},', 'Hi Ana,', []],
    ['{{ requester.name }} at {{customer.name}}', 'Ana María Costa at Acme Rockets', []],
    ['Ticket #{{ticket.number}}: “{{ticket.subject}}”', 'Ticket #1042: “Login fails”', []],
    ['— {{agent.first_name}} ({{agent.name}})', '— Priya (Priya Nair)', []],
    ['Next update by {{incident.next_update}}.', 'Next update by {{incident.next_update}}.', ['incident.next_update']],
    [
      '{{requester.nickname}} {{requester.nickname}}',
      '{{requester.nickname}} {{requester.nickname}}',
      ['requester.nickname'],
    ],
    ['No variables at all.', 'No variables at all.', []],
    ['{{ticket.number}', '{{ticket.number}', []],
  ])('%j → %j, open slots %j', (template, text, slots) => {
    expect(renderMacro(template, CONTEXT)).toEqual({ text, openSlots: slots });
  });

  it('leaves what the ticket cannot fill as an open slot: no number yet, no customer', () => {
    const bare: MacroContext = { ...CONTEXT, ticket: { ...CONTEXT.ticket, number: undefined }, customer: undefined };
    expect(renderMacro('#{{ticket.number}} for {{customer.name}}', bare).openSlots).toEqual([
      'ticket.number',
      'customer.name',
    ]);
  });

  it.each([
    [
      'a Markdown link in a subject stays words',
      '[Reset password](https://evil.example)',
      '\\[Reset password\\](https://evil.example)',
    ],
    ['a placeholder in a subject is no open slot', 'About {{incident.summary}}', 'About \\{\\{incident.summary\\}\\}'],
    ['emphasis and code marks are literal', '*urgent* `now`', '\\*urgent\\* \\`now\\`'],
    ['direction controls are dropped', 'Refund \u202Edeen I', 'Refund deen I'],
  ])('customer values are literal text: %s', (_title, subject, filled) => {
    const context: MacroContext = { ...CONTEXT, ticket: { ...CONTEXT.ticket, subject } };
    expect(renderMacro('Re: {{ticket.subject}}', context)).toEqual({ text: `Re: ${filled}`, openSlots: [] });
  });

  it('finds slots the agent left while editing', () => {
    expect(openSlotsIn('Fixed by {{incident.summary}}, thanks')).toEqual(['incident.summary']);
    expect(openSlotsIn('All filled in')).toEqual([]);
  });
});

describe('replies to several requesters (merged tickets)', () => {
  const context = {
    ticket: { number: 7, subject: 'Login fails', requesterName: 'Dana Whitfield', requesterEmail: 'dana@a.example' },
    customer: { name: 'Whitfield Freight' },
    agent: { name: 'Sam Rivera' },
  };

  it('keeps the per-requester variables for the server and fills the agent', () => {
    const rendered = renderMacro(
      'Hi {{requester.first_name}} at {{customer.name}} (#{{ticket.number}}), {{agent.first_name}}',
      {
        ...context,
        perRecipient: true,
      },
    );
    expect(rendered.text).toBe('Hi {{requester.first_name}} at {{customer.name}} (#{{ticket.number}}), Sam');
    expect(openSlotsIn(rendered.text, { perRecipient: true })).toEqual([]);
    expect(openSlotsIn(rendered.text)).toEqual(['requester.first_name', 'customer.name', 'ticket.number']);
  });

  it.each([
    ['Hi {{requester.first_name}},', { name: 'Bo Li', company: 'Acme', number: 12 }, 'Hi Bo,'],
    ['{{customer.name}} / #{{ticket.number}}', { name: 'Bo Li', company: 'Acme', number: 12 }, 'Acme / #12'],
    [
      '{{customer.name}} / #{{ticket.number}}',
      { name: 'Bo Li', company: undefined, number: undefined },
      'your team / #your request',
    ],
    [
      '{{incident.summary}} stays open',
      { name: 'Bo Li', company: 'Acme', number: 12 },
      '{{incident.summary}} stays open',
    ],
    [
      '{{requester.name}}',
      { name: '[x](https://evil.example)', company: 'Acme', number: 1 },
      '\\[x\\](https://evil.example)',
    ],
  ])('fills %j for one copy', (text, who, expected) => {
    expect(
      fillPerRecipient(text, {
        ticket: { number: who.number, subject: 'S', requesterName: who.name, requesterEmail: 'x@b.example' },
        customer: who.company === undefined ? undefined : { name: who.company },
      }),
    ).toBe(expected);
  });
});

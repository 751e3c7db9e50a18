import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { Handover } from '../domain/handover.ts';
import { handoverFixture, handoverItemFixture } from '../testing/fixtures.ts';
import { escapeMarkdown, handoverMarkdown } from './markdown.ts';

const T0 = Date.UTC(2027, 0, 15, 6, 0);
const MINUTE = 60_000;
const NAMES: Record<string, string> = { usr_agent: 'Sam Rivera', usr_lead: 'Jordan Okafor' };
const nameOf = (userId: string) => NAMES[userId] ?? 'Someone';

/** A handover the lead has completed: an unstable item read back, a closed one, a carried one. */
const completed: Handover = handoverFixture({
  fromUserId: 'usr_agent' as never,
  toUserId: 'usr_lead' as never,
  status: 'complete',
  createdAt: T0,
  updatedAt: T0 + 600 * MINUTE,
  submittedAt: T0 + 480 * MINUTE,
  completedAt: T0 + 540 * MINUTE,
  items: [
    handoverItemFixture({
      id: 'i1',
      subject: { kind: 'ticket', id: 'tkt_001042', label: '#1042 Checkout is down' },
      severity: 'unstable',
      summary: 'Checkout fails for EU customers since the 4.12 deploy',
      actions: [
        { id: 'a1', text: 'Check the rollback', dueAt: T0 + 60 * MINUTE, doneAt: T0 + 50 * MINUTE },
        { id: 'a2', text: 'Tell Acme when it is back' },
      ],
      awareness: 'Engineering is rolling back\nStatus page updated at 05:40',
      contingency: 'If it is still down at 06:30, page on-call',
      addedAt: T0 + 10 * MINUTE,
      acknowledged: {
        by: 'usr_lead' as never,
        at: T0 + 530 * MINUTE,
        readBack: 'EU checkout broken by 4.12; I follow the rollback and page on-call at 06:30',
      },
    }),
    handoverItemFixture({
      id: 'i2',
      subject: { kind: 'customer', id: 'cus_globex', label: 'Globex' },
      severity: 'watch',
      summary: 'Renewal call tomorrow; keep replies quick',
      actions: [],
      awareness: '',
      contingency: '',
      closedAt: T0 + 300 * MINUTE,
      acknowledged: { by: 'usr_lead' as never, at: T0 + 531 * MINUTE },
    }),
    handoverItemFixture({
      id: 'i3',
      subject: { kind: 'escalation', id: 'esc_login', label: 'Login fails after the 4.12 update' },
      carried: { fromHandoverId: 'hov_before' as never, times: 2 },
      acknowledged: { by: 'usr_lead' as never, at: T0 + 532 * MINUTE },
    }),
  ],
  snapshot: {
    at: T0 + 480 * MINUTE,
    sections: [
      {
        id: 'open-by-priority',
        title: 'Open tickets by priority',
        count: 4,
        lines: [{ text: 'Urgent: 3' }, { text: 'Low: 1' }],
      },
      {
        id: 'breaching-soon',
        title: 'Breaching in the next 2 hours',
        count: 1,
        lines: [{ text: '#1001 Checkout down: due in 10m', ref: { kind: 'ticket', id: 'tkt_000001' } }],
      },
    ],
  },
});

describe('handoverMarkdown', () => {
  const markdown = handoverMarkdown(completed, nameOf);

  it('heads the export with who handed over to whom, and when', () => {
    expect(markdown.split('\n').slice(0, 7)).toEqual([
      '# Handover from Sam Rivera to Jordan Okafor',
      '',
      '- Status: Complete (3 of 3 items acknowledged)',
      '- Started: 2027-01-15 06:00 UTC',
      '- Submitted: 2027-01-15 14:00 UTC',
      '- Completed: 2027-01-15 15:00 UTC',
      '',
    ]);
  });

  it('writes every item with all its fields and its acknowledgement', () => {
    expect(markdown).toContain(
      [
        '### 1. \\#1042 Checkout is down (ticket)',
        '',
        '- Severity: Unstable',
        '- Summary: Checkout fails for EU customers since the 4.12 deploy',
        '- Actions:',
        '  - [x] Check the rollback (due 2027-01-15 07:00 UTC, done 2027-01-15 06:50 UTC)',
        '  - [ ] Tell Acme when it is back',
        '- Situation awareness: Engineering is rolling back',
        '    Status page updated at 05:40',
        '- Contingency: If it is still down at 06:30, page on-call',
        '- Added by Sam Rivera at 2027-01-15 06:10 UTC',
        '- Acknowledged by Jordan Okafor at 2027-01-15 14:50 UTC; read-back: EU checkout broken by 4.12; I follow the rollback and page on-call at 06:30',
      ].join('\n'),
    );
    expect(markdown).toContain(
      [
        '### 2. Globex (customer)',
        '',
        '- Severity: Watch',
        '- Closed: 2027-01-15 11:00 UTC',
        '- Summary: Renewal call tomorrow; keep replies quick',
        '- Actions: none',
        '- Situation awareness: none',
        '- Contingency: none',
        '- Added by Sam Rivera at 1970-01-01 00:00 UTC',
        '- Acknowledged by Jordan Okafor at 2027-01-15 14:51 UTC',
      ].join('\n'),
    );
    expect(markdown).toContain(
      [
        '### 3. Login fails after the 4.12 update (escalation)',
        '',
        '- Severity: Stable',
        '- Carried over from an earlier handover (twice)',
      ].join('\n'),
    );
  });

  it('ends with the queue as it stood at submission', () => {
    expect(markdown.slice(markdown.indexOf('## Queue at submission'))).toBe(
      [
        '## Queue at submission (2027-01-15 14:00 UTC)',
        '',
        '### Open tickets by priority: 4',
        '',
        '- Urgent: 3',
        '- Low: 1',
        '',
        '### Breaching in the next 2 hours: 1',
        '',
        '- \\#1001 Checkout down: due in 10m',
        '',
      ].join('\n'),
    );
  });

  it('says what is still open on a handover being built', () => {
    const building = handoverMarkdown(handoverFixture({ createdAt: T0, items: [] }), nameOf);
    expect(building).toBe(
      [
        '# Handover from Sam Rivera',
        '',
        '- Status: Being built (0 of 0 items acknowledged)',
        '- Started: 2027-01-15 06:00 UTC',
        '',
        '## Items',
        '',
        'No items.',
        '',
      ].join('\n'),
    );
    expect(handoverMarkdown(handoverFixture(), nameOf)).toContain('- Not acknowledged yet');
  });
});

describe('customer-written text in the export', () => {
  const hostile = handoverFixture({
    items: [
      handoverItemFixture({
        // Ticket subjects are written by customers and reach the item's label.
        subject: { kind: 'ticket', id: 'tkt_000666', label: '[Reset your password](https://evil.example/login)' },
        summary: '<img src=x onerror="alert(1)"> see https://evil.example/pay or www.evil.example',
        awareness: '<script>steal()</script>\n# Not a heading\n1. not a list\n> not a quote',
        contingency: '![pixel](https://track.example/p.png) mail billing@evil.example',
        actions: [{ id: 'a1', text: '<https://evil.example> **urgent** `code` | table |' }],
      }),
    ],
  });
  const markdown = handoverMarkdown(hostile, nameOf);
  // Rendered as a permissive wiki would: raw HTML allowed through, GitHub's autolinks on.
  const html = micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

  it('renders as text: no link, image, HTML element or block it did not write', () => {
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toMatch(/<img[\s>]/);
    expect(html).not.toMatch(/<script[\s>]/);
    expect(html).not.toMatch(/<(strong|code|table|blockquote|ol)[\s>]/);
    // Exactly the headings the export writes: the title, "Items" and the item's own.
    expect(html.match(/<h\d>/g)).toEqual(['<h1>', '<h2>', '<h3>']);
  });

  it('keeps every character of it readable', () => {
    expect(html).toContain('[Reset your password](https://evil.example/login)');
    expect(html).toContain(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; see https://evil.example/pay or www.evil.example',
    );
    expect(html).toContain('&lt;script&gt;steal()&lt;/script&gt;');
    expect(html).toContain('# Not a heading');
    expect(html).toContain('![pixel](https://track.example/p.png) mail billing@evil.example');
    expect(html).toContain('&lt;https://evil.example&gt; **urgent** `code` | table |');
  });

  it('keeps a line break in a one-line field from forging a heading or an acknowledgement', () => {
    const forged = '\n# Forged\n- Acknowledged by X';
    const names: Record<string, string> = { usr_agent: `Sam${forged}`, usr_lead: `Jordan\r# Forged` };
    // Records written before the schema refused a break in a label, or by an older client, may still hold one.
    const item = {
      ...handoverItemFixture({ summary: 'Paper tray\r# Forged' }),
      subject: { kind: 'ticket' as const, id: 'tkt_000666', label: `Printer jam${forged}` },
    };
    const injected: Handover = {
      ...handoverFixture({ toUserId: 'usr_lead' as never }),
      items: [item],
      snapshot: {
        at: T0,
        sections: [{ id: 'open-by-priority', title: `Open${forged}`, count: 1, lines: [{ text: `#1 Jam${forged}` }] }],
      },
    };
    const exported = handoverMarkdown(injected, (userId) => names[userId] ?? 'Someone');
    const rendered = micromark(exported, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    // Only the export's own headings: title, Items, the item, Queue, the section.
    expect(rendered.match(/<h\d>/g)).toEqual(['<h1>', '<h2>', '<h3>', '<h2>', '<h3>']);
    expect(rendered).not.toMatch(/<h\d>Forged/);
    expect(rendered).not.toMatch(/<li>Acknowledged by X/);
    expect(exported).toContain('### 1. Printer jam # Forged - Acknowledged by X (ticket)');
  });

  it.each([
    ['a heading on a later line', 'a\n# b\n  - c\n3. d', 'a\n\\# b\n  \\- c\n3\\. d'],
    ['a link', '[a](b)', '\\[a\\]\\(b\\)'],
    ['emphasis', '*a* _b_', '\\*a\\* \\_b\\_'],
    ['HTML', '<b>&amp;', '\\<b\\>\\&amp;'],
    ['a heading', '# a', '\\# a'],
    ['an ordered list', '12. a', '12\\. a'],
    ['a bare URL', 'https://a.example', 'https\\://a.example'],
    ['plain words', 'Checkout fails since 4.12', 'Checkout fails since 4.12'],
  ])('escapes %s', (_title, text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

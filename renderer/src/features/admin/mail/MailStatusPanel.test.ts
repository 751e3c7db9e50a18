import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MailSettings } from '#shared/api/mail';
import { startTags } from '../../conversation/content/render-markup.ts';
import { MailStatusPanel } from './MailStatusPanel.tsx';

const SETTINGS: MailSettings = {
  source: 'admin',
  inbound: { enabled: true, imap: null, pollSeconds: 60 },
  outbound: { enabled: true, smtp: null, from: null },
  status: {
    inbound: { state: 'ok', at: 1_700_000_000_000, detail: 'Watching INBOX (IDLE)' },
    outbound: { state: 'error', at: null, detail: 'Sign-in refused (535)' },
  },
  queue: { waiting: 2, failed: 1 },
  held: [
    { at: 1_700_000_000_000, from: 'bot@loop.test', subject: '<script>alert(1)</script>', reason: 'mail loop' },
    { at: 1_700_000_000_000, from: '"<b>x</b>" <x@y.test>', subject: '', reason: 'automatic reply' },
  ],
};

describe('MailStatusPanel', () => {
  const html = renderToStaticMarkup(createElement(MailStatusPanel, { settings: SETTINGS }));

  it('says each direction’s state in words, and the queue', () => {
    expect(html).toContain('Receiving: connected — Watching INBOX (IDLE)');
    expect(html).toContain('Sending: not working — Sign-in refused (535)');
    expect(html).toContain('Outgoing: 2 waiting, 1 failed');
    expect(html).toContain('the originals stay in the mailbox');
  });

  it('shows held senders and subjects as text, never as markup', () => {
    const tags = startTags(html).map((tag) => tag.name);
    expect(tags).not.toContain('script');
    expect(tags).not.toContain('b');
    expect(html).toContain('<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>');
    expect(html).toContain('(no subject)');
  });
});

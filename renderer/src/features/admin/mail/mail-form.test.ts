import { describe, expect, it } from 'vitest';
import { type MailSettings, TestMailConnectionRequest, UpdateMailSettingsRequest } from '#shared/api/mail';
import { type MailDraft, draftOf, mailRequest, testRequest, withPreset } from './mail-form.ts';
import { MAIL_PRESETS, presetMatching } from './mail-presets.ts';

const OFF = { state: 'off', at: null, detail: '' } as const;

const NONE: MailSettings = {
  source: 'none',
  inbound: { enabled: false, imap: null, pollSeconds: 60 },
  outbound: { enabled: false, smtp: null, from: null },
  status: { inbound: OFF, outbound: OFF },
  queue: { waiting: 0, failed: 0 },
  held: [],
};

const SAVED: MailSettings = {
  ...NONE,
  source: 'admin',
  inbound: {
    enabled: true,
    imap: {
      host: 'imap.gmail.com',
      port: 993,
      security: 'tls',
      user: 'help@acme.test',
      passwordSet: true,
      mailbox: 'Support',
    },
    pollSeconds: 120,
  },
  outbound: {
    enabled: true,
    smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls', user: 'help@acme.test', passwordSet: true },
    from: { email: 'help@acme.test', name: 'Acme Support' },
  },
};

/** The peer of the e2e tests, typed in as an admin would. */
function peerDraft(): MailDraft {
  const draft = draftOf(NONE);
  const server = { security: 'none' as const, user: 'ops@customer.test', password: 'peer-secret', passwordSet: false };
  return {
    inbound: { ...draft.inbound, enabled: true, server: { ...server, host: '127.0.0.1', port: '31143' } },
    outbound: {
      ...draft.outbound,
      enabled: true,
      server: { ...server, host: '127.0.0.1', port: '31025' },
      fromEmail: ' ops@customer.test ',
      fromName: ' Ops ',
    },
  };
}

describe('draftOf', () => {
  it('fills what the server holds, never a password', () => {
    const draft = draftOf(SAVED);
    expect(draft.inbound).toEqual({
      enabled: true,
      server: {
        host: 'imap.gmail.com',
        port: '993',
        security: 'tls',
        user: 'help@acme.test',
        password: '',
        passwordSet: true,
      },
      mailbox: 'Support',
      pollSeconds: '120',
    });
    expect(draft.outbound.fromName).toBe('Acme Support');
  });

  it('no settings yet: TLS on the standard ports, INBOX, empty hosts', () => {
    const draft = draftOf(NONE);
    expect(draft.inbound.server).toMatchObject({ host: '', port: '993', security: 'tls', passwordSet: false });
    expect(draft.outbound.server).toMatchObject({ host: '', port: '465', security: 'tls' });
    expect(draft.inbound.mailbox).toBe('INBOX');
  });
});

describe('mailRequest', () => {
  it('the saved settings unchanged: passwords left out, so the stored ones stay', () => {
    const result = mailRequest(draftOf(SAVED));
    expect(result).toEqual({
      ok: true,
      value: {
        inbound: {
          enabled: true,
          imap: { host: 'imap.gmail.com', port: 993, security: 'tls', user: 'help@acme.test', mailbox: 'Support' },
          pollSeconds: 120,
        },
        outbound: {
          enabled: true,
          smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls', user: 'help@acme.test' },
          from: { email: 'help@acme.test', name: 'Acme Support' },
        },
      },
    });
    if (result.ok) expect(UpdateMailSettingsRequest.safeParse(result.value).success).toBe(true);
  });

  it('a typed password goes in exactly as typed; trimmed everything else', () => {
    const draft = peerDraft();
    draft.inbound.server.password = ' pass with spaces ';
    const result = mailRequest(draft);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.inbound.imap).toMatchObject({ host: '127.0.0.1', port: 31143, password: ' pass with spaces ' });
    expect(result.value.outbound.smtp).toMatchObject({ port: 31025, security: 'none', password: 'peer-secret' });
    expect(result.value.outbound.from).toEqual({ email: 'ops@customer.test', name: 'Ops' });
    expect(UpdateMailSettingsRequest.safeParse(result.value).success).toBe(true);
  });

  it('nothing set up and both off: no servers, a valid request', () => {
    const result = mailRequest(draftOf(NONE));
    expect(result).toEqual({
      ok: true,
      value: {
        inbound: { enabled: false, imap: null, pollSeconds: 60 },
        outbound: { enabled: false, smtp: null, from: null },
      },
    });
  });

  it('switched off with a server: the server is kept for later', () => {
    const draft = draftOf(SAVED);
    draft.inbound.enabled = false;
    draft.outbound.enabled = false;
    const result = mailRequest(draft);
    expect(result.ok && result.value.inbound.imap?.host).toBe('imap.gmail.com');
    expect(result.ok && result.value.outbound.smtp?.host).toBe('smtp.gmail.com');
  });

  it('no user: no sign-in, so no password is asked for or sent', () => {
    const draft = peerDraft();
    draft.outbound.server.user = '';
    const result = mailRequest(draft);
    expect(result.ok && result.value.outbound.smtp).toEqual({
      host: '127.0.0.1',
      port: 31025,
      security: 'none',
      user: '',
    });
  });

  it.each<[string, (draft: MailDraft) => void, string[]]>([
    ['receiving on without a server', (d) => (d.inbound.server.host = ''), ['imapHost']],
    ['a host with a path', (d) => (d.inbound.server.host = 'imap.example.com/x'), ['imapHost']],
    [
      'port 0 and port 70000',
      (d) => ((d.inbound.server.port = '0'), (d.outbound.server.port = '70000')),
      ['imapPort', 'smtpPort'],
    ],
    ['a port with letters', (d) => (d.inbound.server.port = '99x'), ['imapPort']],
    ['a user with no password typed or saved', (d) => (d.outbound.server.password = ''), ['smtpPassword']],
    ['an empty mailbox', (d) => (d.inbound.mailbox = '  '), ['mailbox']],
    ['polling every 5 seconds', (d) => (d.inbound.pollSeconds = '5'), ['pollSeconds']],
    ['polling every 2.5 seconds', (d) => (d.inbound.pollSeconds = '2.5'), ['pollSeconds']],
    ['sending on without a from address', (d) => (d.outbound.fromEmail = ''), ['fromEmail']],
    ['a from address that is not one', (d) => (d.outbound.fromEmail = 'support at acme'), ['fromEmail']],
  ])('refuses %s, beside the field', (_title, change, fields) => {
    const draft = peerDraft();
    change(draft);
    const result = mailRequest(draft);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual([...fields].sort());
  });
});

describe('testRequest', () => {
  it('tries one section as typed, with the stored password when none is typed', () => {
    expect(testRequest(draftOf(SAVED), 'imap')).toEqual({
      ok: true,
      value: {
        kind: 'imap',
        server: { host: 'imap.gmail.com', port: 993, security: 'tls', user: 'help@acme.test', mailbox: 'Support' },
      },
    });
    const smtp = testRequest(peerDraft(), 'smtp');
    expect(smtp).toEqual({
      ok: true,
      value: {
        kind: 'smtp',
        server: {
          host: '127.0.0.1',
          port: 31025,
          security: 'none',
          user: 'ops@customer.test',
          password: 'peer-secret',
        },
      },
    });
    if (smtp.ok) expect(TestMailConnectionRequest.safeParse(smtp.value).success).toBe(true);
  });

  it('checks only the section being tried', () => {
    const draft = peerDraft();
    draft.outbound.server.host = '';
    draft.outbound.fromEmail = 'nope';
    expect(testRequest(draft, 'imap').ok).toBe(true);
    const smtp = testRequest(draft, 'smtp');
    expect(!smtp.ok && Object.keys(smtp.problems)).toEqual(['smtpHost']);
  });
});

describe('presets', () => {
  it('fill hosts, ports and security in both sections, and keep users and passwords', () => {
    const draft = withPreset(peerDraft(), 'microsoft365');
    expect(draft.inbound.server).toMatchObject({
      host: 'outlook.office365.com',
      port: '993',
      security: 'tls',
      user: 'ops@customer.test',
      password: 'peer-secret',
    });
    expect(draft.outbound.server).toMatchObject({ host: 'smtp.office365.com', port: '587', security: 'starttls' });
    expect(withPreset(draftOf(NONE), 'fastmail').outbound.server).toMatchObject({
      host: 'smtp.fastmail.com',
      port: '465',
      security: 'tls',
    });
    expect(withPreset(draftOf(NONE), 'gmail').inbound.server).toMatchObject({
      host: 'imap.gmail.com',
      port: '993',
      security: 'tls',
    });
  });

  it('Other leaves the fields as they are', () => {
    const draft = peerDraft();
    expect(withPreset(draft, 'other')).toBe(draft);
  });

  it('the menu opens on the provider the saved hosts belong to', () => {
    expect(presetMatching('imap.gmail.com', 'smtp.gmail.com')).toBe('gmail');
    expect(presetMatching(' Outlook.Office365.com', 'smtp.office365.com')).toBe('microsoft365');
    expect(presetMatching('imap.gmail.com', 'smtp.example.com')).toBe('other');
    expect(presetMatching('', '')).toBe('other');
    expect(MAIL_PRESETS.map((preset) => preset.id)).toEqual(['gmail', 'microsoft365', 'fastmail', 'other']);
  });
});

import { describe, expect, it } from 'vitest';
import { SHELL_METHODS } from '#shared/shell/channels';
import type { ShellHandlers, StoredSession } from '#shared/shell/contract';
import { IpcRejected, type SenderFrame, createShellInvoker, isTrustedSender, registerShellIpc } from './ipc-guard.ts';

const trusted = ['app://shiftdesk'];
const appFrame: SenderFrame = { url: 'app://shiftdesk/index.html', parent: null };

const session: StoredSession = {
  token: 'a'.repeat(43),
  expiresAt: Date.now() + 60_000,
  user: { id: 'usr_agent', workspaceId: 'wsp_demo', email: 'agent@demo.shiftdesk.test', name: 'Sam', role: 'agent' },
} as StoredSession;

function handlers(calls: unknown[][] = []): ShellHandlers {
  return {
    getAppInfo: () => ({ name: 'Shiftdesk', version: '1.0.0', shell: 'electron', serverUrl: 'http://127.0.0.1:4870' }),
    loadSession: () => null,
    saveSession: (s) => void calls.push(['saveSession', s]),
    clearSession: () => void calls.push(['clearSession']),
    notify: (n) => void calls.push(['notify', n]),
  };
}

describe('IPC sender validation', () => {
  it.each([
    ['the app page', appFrame, true],
    ['a subframe of the app', { url: 'app://shiftdesk/index.html', parent: {} }, false],
    ['another origin', { url: 'https://evil.example/', parent: null }, false],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }, false],
    ['a destroyed frame', null, false],
  ])('%s → trusted=%s', (_label, frame, expected) => {
    expect(isTrustedSender(frame, trusted)).toBe(expected);
  });
});

describe('shell invoker', () => {
  it('runs a valid call from the app and returns the validated result', async () => {
    const calls: unknown[][] = [];
    const invoke = createShellInvoker(handlers(calls), trusted);
    await invoke('saveSession', appFrame, [session]);
    expect(calls).toEqual([['saveSession', session]]);
    await expect(invoke('getAppInfo', appFrame, [])).resolves.toMatchObject({ shell: 'electron' });
  });

  it('refuses an untrusted sender before touching the handler', async () => {
    const calls: unknown[][] = [];
    const invoke = createShellInvoker(handlers(calls), trusted);
    await expect(invoke('clearSession', { url: 'https://evil.example/', parent: null }, [])).rejects.toBeInstanceOf(
      IpcRejected,
    );
    expect(calls).toEqual([]);
  });

  it.each([
    ['extra arguments', 'clearSession', ['surprise']],
    ['a session without a token', 'saveSession', [{ ...session, token: '' }]],
    ['a notification with a huge title', 'notify', [{ title: 'x'.repeat(500), body: '' }]],
    ['a non-object payload', 'notify', ['<script>']],
  ] as const)('refuses %s', async (_label, method, args) => {
    const calls: unknown[][] = [];
    const invoke = createShellInvoker(handlers(calls), trusted);
    await expect(invoke(method, appFrame, [...args])).rejects.toThrow(/invalid arguments/);
    expect(calls).toEqual([]);
  });

  it('refuses to hand the renderer a result that breaks the contract', async () => {
    const broken = { ...handlers(), getAppInfo: () => ({ name: 'x' }) } as unknown as ShellHandlers;
    await expect(createShellInvoker(broken, trusted)('getAppInfo', appFrame, [])).rejects.toThrow();
  });

  it('registers exactly one channel per contract method', () => {
    const channels: string[] = [];
    registerShellIpc({ handle: (channel) => void channels.push(channel) }, async () => undefined);
    expect(channels).toEqual(SHELL_METHODS.map((method) => `shiftdesk:${method}`));
  });
});

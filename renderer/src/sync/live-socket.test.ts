import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_INTERVAL_MS, HEARTBEAT_TIMEOUT_MS } from '#shared/sync/socket-protocol';
import { LiveSocket } from './live-socket.ts';
import { FakeSocket } from './testing/fake-socket.ts';

function events() {
  const log: string[] = [];
  return {
    log,
    handlers: {
      onReady: (id: string) => log.push(`ready ${id}`),
      onDown: () => log.push('down'),
      onPoke: (version: number) => log.push(`poke ${version}`),
      onPresence: () => log.push('presence'),
      onNotice: (notice: { title: string }) => log.push(`notice ${notice.title}`),
      onUnauthenticated: () => log.push('unauthenticated'),
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.created = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('live socket', () => {
  it('notices a connection that went silent within the heartbeat timeout, and reconnects', () => {
    const { log, handlers } = events();
    const live = new LiveSocket('http://server', 'token', handlers, (url) => new FakeSocket(url));
    live.start();
    const first = FakeSocket.created[0];
    first?.open('c1');
    expect(first?.url).toBe('ws://server/api/v1/sync/socket');
    expect(log).toEqual(['ready c1']);

    // The server answers pings for a while...
    vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS);
    expect(first?.sent.at(-1)).toMatchObject({ type: 'ping' });
    first?.deliver({ type: 'pong', at: 1 });
    vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS);
    expect(log).toEqual(['ready c1']);
    // ...then nothing comes back, and no close event either (a cut network).
    vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS + HEARTBEAT_TIMEOUT_MS);
    expect(log).toEqual(['ready c1', 'down']);
    vi.advanceTimersByTime(5_000);
    expect(FakeSocket.created).toHaveLength(2);
    live.stop();
  });

  it('sends presence once ready, and again after a reconnect', () => {
    const { handlers } = events();
    const live = new LiveSocket('http://server', 'token', handlers, (url) => new FakeSocket(url));
    live.start();
    live.setPresence({ ticketId: 'tkt_000001' as never, activity: 'viewing' });
    const first = FakeSocket.created[0];
    expect(first?.sent).toEqual([]);
    first?.open();
    expect(first?.sent).toEqual([
      { type: 'hello', token: 'token' },
      { type: 'presence', state: { ticketId: 'tkt_000001', activity: 'viewing' } },
    ]);
    first?.drop();
    vi.advanceTimersByTime(5_000);
    const second = FakeSocket.created[1];
    second?.open();
    expect(second?.sent.at(-1)).toEqual({ type: 'presence', state: { ticketId: 'tkt_000001', activity: 'viewing' } });
    live.stop();
  });

  it('ignores what it cannot parse and stops for good when the session ended', () => {
    const { log, handlers } = events();
    const live = new LiveSocket('http://server', 'token', handlers, (url) => new FakeSocket(url));
    live.start();
    const socket = FakeSocket.created[0];
    socket?.open();
    socket?.onmessage?.({ data: '{nonsense' });
    socket?.deliver({ type: 'poke', version: 7 });
    socket?.deliver({ type: 'notice', title: 'Assigned', body: 'x', ticketId: null });
    socket?.deliver({ type: 'error', code: 'unauthenticated', message: 'Sign in again.' });
    socket?.drop();
    vi.advanceTimersByTime(60_000);
    expect(log).toEqual(['ready conn-1', 'poke 7', 'notice Assigned', 'unauthenticated', 'down']);
    expect(FakeSocket.created).toHaveLength(1);
    live.stop();
  });
});

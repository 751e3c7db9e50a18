import { afterEach, describe, expect, it, vi } from 'vitest';
import { webLocksLeader } from './leader-election.ts';

/** Just enough of the Web Locks API: one exclusive holder per name, the rest queue; abort leaves the queue. */
function fakeLocks() {
  const queue: { grant: () => void; signal?: AbortSignal }[] = [];
  let held = false;
  const next = () => {
    while (!held && queue.length > 0) {
      const waiter = queue.shift();
      if (waiter && !waiter.signal?.aborted) waiter.grant();
    }
  };
  return {
    request: (_name: string, options: { signal?: AbortSignal }, work: () => Promise<void>) =>
      new Promise<void>((resolve, reject) => {
        options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        queue.push({
          signal: options.signal,
          grant: () => {
            held = true;
            void work().then(() => {
              held = false;
              resolve();
              next();
            });
          },
        });
        next();
      }),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('leader election with Web Locks', () => {
  it('lets one window lead, and hands over when it goes', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const led: string[] = [];
    const first = webLocksLeader('shiftdesk-sync:db').run(() => led.push('first'));
    const second = webLocksLeader('shiftdesk-sync:db').run(() => led.push('second'));
    await vi.waitFor(() => expect(led).toEqual(['first']));
    first(); // the first window closes
    await vi.waitFor(() => expect(led).toEqual(['first', 'second']));
    second();
  });

  it('stops waiting when a window closes before it ever led', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() });
    const led: string[] = [];
    const first = webLocksLeader('l').run(() => led.push('first'));
    const second = webLocksLeader('l').run(() => led.push('second'));
    second();
    first();
    const third = webLocksLeader('l').run(() => led.push('third'));
    await vi.waitFor(() => expect(led).toEqual(['first', 'third']));
    third();
  });
});

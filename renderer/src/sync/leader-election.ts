/**
 * One sync leader per profile (BRIEF: several windows, one engine doing the
 * network work). Every window writes to the outbox and reads IndexedDB; only
 * the leader pushes and pulls. When the leader's window closes, its lock is
 * released and another window takes over.
 */
export interface LeaderElection {
  /** Calls `onLeader` once this window leads; the returned function gives leadership up (or stops waiting). */
  run: (onLeader: () => void) => () => void;
}

/** For one window per profile (tests, the simulation, a browser without Web Locks). */
export const soleLeader: LeaderElection = {
  run: (onLeader) => {
    let stopped = false;
    queueMicrotask(() => {
      if (!stopped) onLeader();
    });
    return () => {
      stopped = true;
    };
  },
};

/** Web Locks: held for as long as this window leads, released by the browser when the window goes. */
export function webLocksLeader(lockName: string): LeaderElection {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return soleLeader;
  return {
    run: (onLeader) => {
      const controller = new AbortController();
      let resigned = false;
      let release: (() => void) | undefined;
      locks
        .request(lockName, { signal: controller.signal }, () => {
          // Granted just as this window gave up: hand the lock straight back.
          if (resigned) return Promise.resolve();
          onLeader();
          return new Promise<void>((resolve) => (release = resolve));
        })
        .catch(() => undefined); // Aborted while waiting: this window closed first.
      return () => {
        resigned = true;
        controller.abort();
        release?.();
      };
    },
  };
}

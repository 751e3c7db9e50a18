import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MailStatus } from '#shared/api/mail';

/** How old a known status may get before it is asked for again: an admin's change reaches agents within this. */
export const MAIL_STATUS_MAX_AGE_MS = 3 * 60_000;

export interface MailStatusState {
  /** Null while unknown: not asked yet, offline, or the server did not say. Nothing is claimed then. */
  status: MailStatus | null;
  /** When `status` arrived (0: never). */
  fetchedAt: number;
}

/**
 * The email channel's on/off state, shared by every component of one session
 * (the thread's delivery lines and the composer's hint ask once, not each).
 * Ephemeral: it is the server's current answer, never stored on the device.
 */
export class MailStatusCache {
  readonly store: StoreApi<MailStatusState> = createStore<MailStatusState>(() => ({ status: null, fetchedAt: 0 }));
  private inflight: Promise<void> | null = null;

  constructor(private readonly read: () => Promise<MailStatus>) {}

  /** Asks the server when the status is unknown or older than `maxAge`; one request at a time. */
  refresh(now: number, maxAge = MAIL_STATUS_MAX_AGE_MS): Promise<void> {
    const { status, fetchedAt } = this.store.getState();
    if (this.inflight) return this.inflight;
    if (status !== null && now - fetchedAt < maxAge) return Promise.resolve();
    this.inflight = this.read()
      .then(
        (next) => this.store.setState({ status: next, fetchedAt: now }),
        // An error (an older server without the route, a network drop) leaves it unknown: no hint beats a wrong one.
        () => this.store.setState({ status: null, fetchedAt: 0 }),
      )
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** Offline or signed out: what the server said may no longer hold. */
  forget(): void {
    this.store.setState({ status: null, fetchedAt: 0 });
  }
}

import { it } from 'vitest';

/**
 * Runs `suite` when the mail peer answers; otherwise registers one skipped test
 * whose title says why (a machine without dovecot/OpenSMTPD, or not root).
 */
export function describeWithMailPeer(title: string, reason: string | null, suite: () => void): void {
  if (reason) {
    it.skip(`${title} — skipped: ${reason}`, () => undefined);
    return;
  }
  suite();
}

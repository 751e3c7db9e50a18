import type { PacingNudge, QuitTimeWarning } from '#shared/escalation/pacing';

const minutes = (ms: number) => Math.max(0, Math.floor(ms / 60_000));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 packets ready but unsent for 15+ min: send them now, one by one." */
export function describeNudges(nudges: readonly PacingNudge[]): string | null {
  if (nudges.length === 0) return null;
  const n = nudges.length;
  return `${plural(n, 'packet', 'packets')} ready but unsent for 15+ min: send ${n === 1 ? 'it' : 'them'} now${n === 1 ? '' : ', one by one'}.`;
}

/**
 * "Your shift ends in 30 min and you hold 4 drafts (2 ready): send the ready
 * ones now, one by one, and finish or hand over the rest before you go."
 */
export function describeQuitTime(warning: QuitTimeWarning | null): string | null {
  if (!warning) return null;
  const when =
    warning.endsInMs >= 60_000
      ? `Your shift ends in ${minutes(warning.endsInMs)} min`
      : warning.endsInMs > -60_000
        ? 'Your shift ends now'
        : `Your shift was planned to end ${minutes(-warning.endsInMs)} min ago`;
  const held = `you hold ${plural(warning.held, 'draft', 'drafts')} (${warning.ready} ready)`;
  const advice =
    warning.ready > 0
      ? `send the ready ${warning.ready === 1 ? 'one' : 'ones'} now, one by one${warning.notReady > 0 ? ', and finish or hand over the rest before you go' : ''}`
      : 'finish them or hand them over before you go, rather than all at once at the end';
  return `${when} and ${held}: ${advice}.`;
}

/** The notification for one nudge, sent once per packet. */
export function nudgeNotification(nudge: PacingNudge, summary: string): { title: string; body: string } {
  const what = summary.trim() === '' ? 'A packet' : `“${summary.trim().slice(0, 120)}”`;
  return {
    title: 'Escalation ready but unsent',
    body: `${what} has been ready for ${minutes(nudge.waitedMs)} min. Send it now: the analyst can start without asking you anything.`,
  };
}

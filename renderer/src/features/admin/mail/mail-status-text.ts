import type { MailChannelState, MailChannelStatus, MailSettings } from '#shared/api/mail';

const DIRECTION_LABELS = { inbound: 'Receiving', outbound: 'Sending' } as const;

/** Each state in words, so the line never depends on its colour. */
export const CHANNEL_STATE_LABELS: Record<MailChannelState, string> = {
  off: 'off',
  connecting: 'connecting',
  ok: 'connected',
  error: 'not working',
};

/** "Receiving: connected — Watching INBOX (IDLE)". */
export function channelLine(direction: keyof typeof DIRECTION_LABELS, status: MailChannelStatus): string {
  const detail = status.detail.trim();
  return `${DIRECTION_LABELS[direction]}: ${CHANNEL_STATE_LABELS[status.state]}${detail ? ` — ${detail}` : ''}`;
}

/** "3 waiting, 1 failed": the outgoing queue at a glance. */
export function queueLine(queue: MailSettings['queue']): string {
  return `${queue.waiting.toLocaleString('en')} waiting, ${queue.failed.toLocaleString('en')} failed`;
}

import type { MailChannelStatus, MailSettings } from '#shared/api/mail';
import { formatSince, formatTimestamp } from '../../../ui/format.ts';
import { useNow } from '../../../ui/use-now.ts';
import { Isolated } from '../../conversation/content/CustomerText.tsx';
import { channelLine, queueLine } from './mail-status-text.ts';

function ChannelLine({
  direction,
  status,
  now,
}: {
  direction: 'inbound' | 'outbound';
  status: MailChannelStatus;
  now: number;
}) {
  return (
    <p className={`mail-status__line mail-status__line--${status.state}`} data-testid={`mail-status-${direction}`}>
      {channelLine(direction, status)}
      {status.at !== null && (
        <>
          {' · '}
          <time dateTime={new Date(status.at).toISOString()} title={formatTimestamp(status.at)}>
            {formatSince(status.at, now)}
          </time>
        </>
      )}
    </p>
  );
}

/** How each direction is doing, the outgoing queue, and the mail kept out of it. */
export function MailStatusPanel({ settings }: { settings: MailSettings }) {
  const now = useNow();
  const { status, queue, held } = settings;
  return (
    <section className="mail-status" aria-labelledby="mail-status-heading" data-testid="mail-status">
      <h3 id="mail-status-heading">Status</h3>
      <ChannelLine direction="inbound" status={status.inbound} now={now} />
      <ChannelLine direction="outbound" status={status.outbound} now={now} />
      <p className="mail-status__line" data-testid="mail-queue">
        Outgoing: {queueLine(queue)}
      </p>
      <h4>Held mail</h4>
      <p className="mail-status__explain">
        Automatic replies, loops and senders over their limit are kept out of the queue; the originals stay in the
        mailbox.
      </p>
      {held.length === 0 ? (
        <p className="mail-status__explain">No mail is held.</p>
      ) : (
        <table className="admin-table held-mail" data-testid="held-mail">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">From</th>
              <th scope="col">Subject</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {held.map((mail, index) => (
              // Held mail has no id of its own; the list is newest first and only ever replaced whole.
              <tr key={`${mail.at}-${index}`}>
                <td>
                  <time dateTime={new Date(mail.at).toISOString()}>{formatTimestamp(mail.at)}</time>
                </td>
                {/* Sender and subject are whatever the mail said: text in isolates, never markup. */}
                <td>
                  <Isolated>{mail.from}</Isolated>
                </td>
                <td>{mail.subject.trim() ? <Isolated>{mail.subject}</Isolated> : '(no subject)'}</td>
                <td>{mail.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import type { Customer } from '#shared/domain/customer';
import type { CustomerFailure } from '#shared/domain/customer-failure';
import { TRUST_WINDOW_DAYS, TRUST_WINDOW_MS, daysAgo } from '#shared/trust/assess-trust';
import { formatTimestamp } from '../../ui/format.ts';
import { Isolated } from '../conversation/content/CustomerText.tsx';
import type { CustomerTrust } from './use-customer-trust.ts';

interface TrustLedgerProps {
  trust: CustomerTrust | undefined;
  customer: Customer | undefined;
  now: number;
}

interface FailureListProps {
  failures: readonly CustomerFailure[];
  /** What the list is, for a screen reader: its own label, or the id of the text that says it. */
  label: { text: string } | { by: string };
  now: number;
}

function FailureList({ failures, label, now }: FailureListProps) {
  return (
    <ul
      className="trust__failures"
      aria-label={'text' in label ? label.text : undefined}
      aria-labelledby={'by' in label ? label.by : undefined}
    >
      {failures.map((failure) => (
        <li key={failure.key} data-failure-kind={failure.kind}>
          <Isolated>{failure.what}</Isolated>{' '}
          <time
            className="trust__when"
            dateTime={new Date(failure.at).toISOString()}
            title={formatTimestamp(failure.at)}
          >
            {daysAgo(failure.at, now)}
          </time>
        </li>
      ))}
    </ul>
  );
}

/**
 * The customer's trust ledger in the ticket's side panel: whether they are at
 * risk and why, the failures of the last 90 days, deadlines passing right now
 * on their other tickets, and how many older failures the record holds.
 * Ledger lines may quote a problem's title: text only, bidi-isolated like
 * every other string people wrote.
 */
export function TrustLedger({ trust, customer, now }: TrustLedgerProps) {
  const older = (customer?.failures ?? []).filter((failure) => now - failure.at > TRUST_WINDOW_MS).length;
  const assessment = trust?.assessment;
  return (
    <section
      className="ticket-panel__section"
      aria-labelledby="ticket-panel-trust"
      data-testid="trust-ledger"
      data-at-risk={assessment ? String(assessment.atRisk) : undefined}
    >
      <h3 id="ticket-panel-trust">Trust</h3>
      {assessment === undefined ? null : assessment.atRisk ? (
        <>
          <p className="trust__risk">
            <span className="trust-badge">At risk</span> <Isolated>{assessment.reason ?? ''}</Isolated>
          </p>
          <FailureList
            failures={assessment.recent}
            label={{ text: `Failures in the last ${TRUST_WINDOW_DAYS} days` }}
            now={now}
          />
        </>
      ) : (
        <p className="ticket-panel__quiet">No failures in the last {TRUST_WINDOW_DAYS} days.</p>
      )}
      {trust && trust.overdue.length > 0 && (
        <>
          <p className="trust__risk" id="ticket-panel-trust-overdue">
            Late right now on their other tickets:
          </p>
          <FailureList failures={trust.overdue} label={{ by: 'ticket-panel-trust-overdue' }} now={now} />
        </>
      )}
      {older > 0 && (
        <p className="ticket-panel__quiet">
          {older === 1 ? '1 earlier failure' : `${older.toLocaleString()} earlier failures`}, more than{' '}
          {TRUST_WINDOW_DAYS} days ago.
        </p>
      )}
    </section>
  );
}

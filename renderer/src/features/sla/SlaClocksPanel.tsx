import { useMemo } from 'react';
import { type SlaTicket, slaClocks } from '#shared/sla/sla-clocks';
import { formatTimestamp } from '../../ui/format.ts';
import { slaClockRows } from './sla-clock-rows.ts';
import { useQuerySlaConfig, useSlaNow } from './use-query-sla.ts';

/**
 * Every SLA clock of one ticket (first response, next response, resolution)
 * with its due time and state, for the ticket detail. Clocks without a target
 * are not listed; a ticket with none says so. Ticks with the queue's timers.
 */
export function SlaClocksPanel({ ticket }: { ticket: SlaTicket }) {
  const config = useQuerySlaConfig();
  const now = useSlaNow();
  const clocks = useMemo(() => (config ? slaClocks(ticket, config) : null), [ticket, config]);
  if (clocks === null) return null;
  const rows = slaClockRows(clocks, now);
  return (
    <section className="sla-clocks" aria-labelledby="sla-clocks-heading">
      <h3 id="sla-clocks-heading" className="sla-clocks__heading">
        SLA
      </h3>
      {rows.length === 0 ? (
        <p className="sla-clocks__none">No SLA target applies to this ticket.</p>
      ) : (
        <ul className="sla-clocks__list">
          {rows.map((row) => (
            <li
              key={row.metric}
              className="sla-clocks__clock"
              data-sla-metric={row.metric}
              data-sla-state={row.state}
              data-sla-step={row.step ?? undefined}
            >
              <span className="sla-clocks__name">{row.name}</span>
              <span
                className="sla-clocks__summary sla-timer"
                data-sla-step={row.state === 'paused' ? 'paused' : (row.step ?? undefined)}
                aria-label={row.label}
                role="img"
              >
                {row.summary}
              </span>
              {row.dueAt !== null && (
                <time className="sla-clocks__due" dateTime={new Date(row.dueAt).toISOString()}>
                  {row.state === 'running' ? 'due ' : 'was due '}
                  {formatTimestamp(row.dueAt)}
                </time>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

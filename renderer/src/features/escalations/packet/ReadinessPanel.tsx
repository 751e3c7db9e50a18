import { PACING } from '#shared/escalation/pacing';
import type { Readiness } from '#shared/escalation/readiness';
import { describeReadyAge } from './packet-edits.ts';

interface ReadinessPanelProps {
  readiness: Readiness;
  /** How long the packet has been ready (readyAge); null while it is not. */
  readyAgeMs: number | null;
  /** Only a draft waits to be sent; later the checklist is just a record. */
  draft: boolean;
}

/**
 * The readiness check, live as the agent types: what is still missing, what
 * is advised, and once ready, how long it has waited (send it the moment it
 * is ready: one by one through the shift, not a pile at quit time).
 */
export function ReadinessPanel({ readiness, readyAgeMs, draft }: ReadinessPanelProps) {
  const age = describeReadyAge(readyAgeMs);
  const late = readyAgeMs !== null && readyAgeMs >= PACING.nudgeAfterMs;
  return (
    <section className="packet-readiness" aria-labelledby="packet-readiness-heading" data-testid="packet-readiness">
      <h3 id="packet-readiness-heading">
        {readiness.ready ? 'Ready to send' : `Not ready: ${readiness.missing.length} missing`}
      </h3>
      <div role="status" aria-live="polite">
        {readiness.ready ? (
          draft && (
            <p className={late ? 'packet-readiness__late' : undefined} data-testid="packet-ready-age">
              {age ?? 'Ready'}
              {late ? ': send it now, the analyst can start without asking you anything.' : '.'}
            </p>
          )
        ) : (
          <ul className="packet-readiness__missing">
            {readiness.missing.map((gap) => (
              <li key={`${gap.field}:${gap.says}`}>Missing: {gap.says}</li>
            ))}
          </ul>
        )}
        {readiness.advice.length > 0 && (
          <ul className="packet-readiness__advice">
            {readiness.advice.map((gap) => (
              <li key={gap.field}>Advice: {gap.says}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

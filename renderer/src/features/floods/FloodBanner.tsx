import type { FloodAlert } from './use-flood-alert.ts';

export interface FloodBannerProps {
  alert: FloodAlert;
  onSelect: () => void;
  onLink: () => void;
  onDismiss: () => void;
}

/** "38 new tickets in 20 min (usually about 4)". */
export function describeInflow(report: FloodAlert['report']): string {
  const usually = report.expected < 1 ? 'usually fewer than one' : `usually about ${Math.round(report.expected)}`;
  return `${report.count} new ${report.count === 1 ? 'ticket' : 'tickets'} in ${report.windowMinutes} min (${usually})`;
}

/**
 * Says what is happening when tickets flood in, and offers the moves that
 * turn a flood into a problem: select the look-alikes (to set their priority
 * or merge them), or link them all to a problem in one go. "Not now" holds
 * until enough new look-alikes arrive to make it news again.
 */
export function FloodBanner({ alert, onSelect, onLink, onDismiss }: FloodBannerProps) {
  const { report, cluster } = alert;
  const size = cluster?.ticketIds.length ?? 0;
  return (
    <section className="flood-banner" role="region" aria-label="Flood alert" data-testid="flood-banner">
      <p className="flood-banner__text" role="status">
        <strong data-testid="flood-summary">
          {describeInflow(report)}
          {cluster ? `, ${size} look like “${cluster.label}”` : ''}.
        </strong>
        {cluster && cluster.topTerms.length > 0 && (
          <span className="flood-banner__terms"> They share: {cluster.topTerms.join(', ')}.</span>
        )}
      </p>
      <div className="button-row">
        {cluster && (
          <>
            <button type="button" className="button button--small" aria-keyshortcuts="Shift+F" onClick={onSelect}>
              <kbd>⇧F</kbd> Select the {size}
            </button>
            <button
              type="button"
              className="button button--small button--primary"
              aria-keyshortcuts="Shift+L"
              onClick={onLink}
            >
              <kbd>⇧L</kbd> Link them to a problem…
            </button>
          </>
        )}
        <button type="button" className="button button--small button--quiet" onClick={onDismiss}>
          Not now
        </button>
      </div>
    </section>
  );
}

import { useEscalationDialogs } from '../escalation-dialogs-store.ts';
import { describeNudges, describeQuitTime } from './pacing-view.ts';
import { usePacing } from './use-pacing.ts';

/** Buttons shown at most: the banner points at packets, it is not a list of them. */
const SHOWN = 5;

/**
 * Pacing, in the queue: packets ready but left unsent for 15 minutes, and
 * drafts piling up near the end of the shift, each with a button that opens
 * the packet. Send them one by one as they are ready; a pile at quit time
 * only moves the bottleneck to the analyst.
 */
export function PacingBanner() {
  const { nudges, warning, drafts } = usePacing();
  const openEditor = useEscalationDialogs((s) => s.openEditor);
  const nudgeText = describeNudges(nudges);
  const quitText = describeQuitTime(warning);
  if (!nudgeText && !quitText) return null;
  // The ready ones first (longest wait first), then the other held drafts.
  const ids = [...new Set([...nudges.map((nudge) => nudge.escalationId), ...(warning ? drafts.keys() : [])])];
  return (
    <section className="pacing-banner" role="region" aria-label="Escalation pacing" data-testid="pacing-banner">
      <p role="status">
        {nudgeText && <strong data-testid="pacing-nudge">{nudgeText}</strong>}
        {nudgeText && quitText && ' '}
        {quitText && <span data-testid="pacing-quit-time">{quitText}</span>}
      </p>
      <div className="button-row">
        {ids.slice(0, SHOWN).map((id) => {
          const summary = drafts.get(id)?.summary.trim() || 'Untitled draft';
          return (
            <button key={id} type="button" className="button button--small" onClick={() => openEditor(id)}>
              Open “{summary.length > 60 ? `${summary.slice(0, 59)}…` : summary}”
            </button>
          );
        })}
      </div>
    </section>
  );
}

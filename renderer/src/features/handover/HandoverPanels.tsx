import { useDeferredValue, useEffect, useMemo } from 'react';
import { can } from '#shared/domain/permissions';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useHandoverScreen } from './handover-screen-store.ts';
import { HandoverList } from './HandoverList.tsx';
import { handoverSearchText, matchesHandoverSearch, searchTerms } from './history-search.ts';
import { OpenHandover } from './OpenHandover.tsx';
import { teamHandovers } from './team-handovers.ts';
import { useReceivedHandovers, useVisibleHandovers } from './use-handovers.ts';
import { useNameOf } from './use-name-of.ts';

/** Handed to me: the ones to acknowledge first, then those done. The first to acknowledge opens by itself. */
export function ReceivePanel({ now }: { now: number }) {
  const received = useReceivedHandovers();
  const nameOf = useNameOf();
  const { openId, open } = useHandoverScreen();
  const ordered = useMemo(
    () => [...(received ?? [])].sort((a, b) => Number(a.status !== 'submitted') - Number(b.status !== 'submitted')),
    [received],
  );
  const shown = ordered.find((handover) => handover.id === openId) ?? ordered.find((h) => h.status === 'submitted');
  // Held open once shown, so acknowledging the last item leaves the completed handover in view.
  useEffect(() => {
    if (openId === null && shown) open(shown.id);
  }, [openId, shown, open]);
  return (
    <div className="handover__split">
      <div className="handover__side no-print">
        <HandoverList
          label="Handovers to you"
          handovers={ordered}
          openId={shown?.id ?? null}
          onOpen={open}
          nameOf={nameOf}
          now={now}
          empty={received === undefined ? 'Loading…' : 'Nobody has handed over to you yet.'}
          testId="received-handovers"
        />
      </div>
      <OpenHandover handover={shown} now={now} hint="Pick a handover to review it." />
    </div>
  );
}

/** For leads: handovers waiting to be completed, longest waiting first, then complete ones. */
export function TeamPanel({ now }: { now: number }) {
  const all = useVisibleHandovers(true);
  const nameOf = useNameOf();
  const { openId, open } = useHandoverScreen();
  const { waiting, complete } = useMemo(() => teamHandovers(all ?? [], now), [all, now]);
  const shown = all?.find((handover) => handover.id === openId);
  return (
    <div className="handover__split">
      <div className="handover__side no-print">
        <h3 className="handover__list-title">Not yet complete</h3>
        <HandoverList
          label="Incomplete handovers"
          handovers={waiting.map((w) => w.handover)}
          openId={openId}
          onOpen={open}
          nameOf={nameOf}
          now={now}
          empty={all === undefined ? 'Loading…' : 'Every handover is complete.'}
          testId="team-incomplete-handovers"
        />
        <h3 className="handover__list-title">Complete</h3>
        <HandoverList
          label="Complete handovers"
          handovers={complete}
          openId={openId}
          onOpen={open}
          nameOf={nameOf}
          now={now}
          empty="None yet."
          testId="team-complete-handovers"
        />
      </div>
      <OpenHandover handover={shown} now={now} hint="Pick a handover to see it." />
    </div>
  );
}

/** Past handovers (the team's for a lead, mine otherwise), searchable by their words and people. */
export function HistoryPanel({ now }: { now: number }) {
  const { user } = useWorkspace();
  const all = useVisibleHandovers(can(user.role, 'team.view'));
  const nameOf = useNameOf();
  const { openId, open, search, setSearch } = useHandoverScreen();
  const past = useMemo(() => (all ?? []).filter((handover) => handover.status !== 'building'), [all]);
  const texts = useMemo(
    () => new Map(past.map((handover) => [handover.id, handoverSearchText(handover, nameOf)])),
    [past, nameOf],
  );
  // The field keeps up with typing; matching a year of the team's handovers follows when React has time.
  const deferredSearch = useDeferredValue(search);
  const terms = useMemo(() => searchTerms(deferredSearch), [deferredSearch]);
  const found = useMemo(
    () => past.filter((handover) => matchesHandoverSearch(texts.get(handover.id) ?? '', terms)),
    [past, texts, terms],
  );
  const shown = found.find((handover) => handover.id === openId);
  return (
    <div className="handover__split">
      <div className="handover__side no-print">
        <div className="field">
          <label htmlFor="handover-history-search">Search handovers</label>
          <input
            id="handover-history-search"
            type="search"
            value={search}
            placeholder="Summary, ticket, customer, name, read-back…"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <p className="handover__count" role="status">
          {found.length} of {past.length} {past.length === 1 ? 'handover' : 'handovers'}
        </p>
        <HandoverList
          label="Past handovers"
          handovers={found}
          openId={shown?.id ?? null}
          onOpen={open}
          nameOf={nameOf}
          now={now}
          empty={all === undefined ? 'Loading…' : terms.length > 0 ? 'No handover matches.' : 'No past handovers yet.'}
          testId="handover-history"
        />
      </div>
      <OpenHandover handover={shown} now={now} hint="Pick a handover to see it." />
    </div>
  );
}

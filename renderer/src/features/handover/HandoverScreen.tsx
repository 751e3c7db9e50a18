import { useMemo, useRef } from 'react';
import { can } from '#shared/domain/permissions';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { useFocusOnMount } from '../../ui/use-focus-on-mount.ts';
import { useNow } from '../../ui/use-now.ts';
import { HANDOVER_TAB_LABELS, type HandoverTab, useHandoverScreen } from './handover-screen-store.ts';
import { HistoryPanel, ReceivePanel, TeamPanel } from './HandoverPanels.tsx';
import { MyHandover } from './MyHandover.tsx';
import './handover.css';

/**
 * The shift handover, beside the queue: the one I am building, the ones
 * handed to me to acknowledge, the team's (for leads), and the history.
 * Everything reads the local database live, so it works offline.
 */
export function HandoverScreen() {
  const { user } = useWorkspace();
  const now = useNow();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const tab = useHandoverScreen((s) => s.tab);
  const setTab = useHandoverScreen((s) => s.setTab);
  const tabs = useMemo(() => {
    const ids: HandoverTab[] = [
      'mine',
      'receive',
      ...(can(user.role, 'team.view') ? (['team'] as const) : []),
      'history',
    ];
    return ids.map((id) => ({ id, label: HANDOVER_TAB_LABELS[id] }));
  }, [user.role]);
  const shown = tabs.some((t) => t.id === tab) ? tab : 'mine';

  return (
    <main className="handover" aria-labelledby="handover-heading" data-testid="handover-screen">
      <h1 id="handover-heading" ref={heading} tabIndex={-1} className="handover__title no-print">
        Handover
      </h1>
      <div className="handover__tabs">
        <Tabs label="Handovers" tabs={tabs} selected={shown} onSelect={setTab}>
          {shown === 'mine' ? (
            <MyHandover />
          ) : shown === 'receive' ? (
            <ReceivePanel now={now} />
          ) : shown === 'team' ? (
            <TeamPanel now={now} />
          ) : (
            <HistoryPanel now={now} />
          )}
        </Tabs>
      </div>
    </main>
  );
}

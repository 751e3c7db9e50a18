import { useEffect, useMemo, useRef } from 'react';
import { can } from '#shared/domain/permissions';
import {
  CONSOLE_FILTERS,
  CONSOLE_FILTER_LABELS,
  analystConsoleList,
  myPackets,
} from '#shared/escalation/analyst-console';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { Tabs } from '../../../ui/Tabs.tsx';
import { useNow } from '../../../ui/use-now.ts';
import { useRegisterActions } from '../../actions/ActionsProvider.tsx';
import { EscalationHandoverKeys } from '../../handover/HandoverKeys.tsx';
import { escalationSubject } from '../../handover/subject-label.ts';
import { useEscalations } from '../use-escalations.ts';
import { LIST_ACTIONS, type ListCtx } from './console-actions.ts';
import { useEscalationConsole } from './console-store.ts';
import { EscalationDetail } from './EscalationDetail.tsx';
import { EscalationList } from './EscalationList.tsx';
import { AnalystRow, MyPacketRow } from './EscalationRows.tsx';
import './escalations.css';

/**
 * Escalations: for analysts (and leads) the console of open packets, most
 * severe and longest waiting first; for everyone the packets they wrote; and
 * the open packet beside them with what can be done with it.
 */
export function EscalationsScreen() {
  const { user } = useWorkspace();
  const works = can(user.role, 'escalations.work');
  const all = useEscalations();
  const now = useNow();
  const { selectedId, filter, select, setFilter } = useEscalationConsole();
  const heading = useRef<HTMLHeadingElement>(null);
  // Land on the heading, unless the screen opened to answer a question: its field has the focus then.
  useEffect(() => {
    if (useEscalationConsole.getState().answering === null) heading.current?.focus();
  }, []);

  const consoleRows = useMemo(
    () => (works && all ? analystConsoleList(all, filter, user.id) : []),
    [works, all, filter, user.id],
  );
  const mine = useMemo(() => (all ? myPackets(all, user.id) : []), [all, user.id]);

  // j / k walk the list the open packet is in (the console first), as the arrows do inside a list.
  const listOf = consoleRows.some((row) => row.id === selectedId) || mine.length === 0 ? consoleRows : mine;
  const ctx: ListCtx = {
    count: listOf.length,
    move: (by) => {
      const index = listOf.findIndex((row) => row.id === selectedId);
      const next = listOf[Math.max(0, Math.min(listOf.length - 1, index < 0 ? 0 : index + by))];
      if (next) select(next.id);
    },
  };
  useRegisterActions(LIST_ACTIONS, ctx);
  const open = all?.find((packet) => packet.id === selectedId);

  return (
    <main className="escalations" aria-labelledby="escalations-heading" data-testid="escalations-screen">
      <h1 id="escalations-heading" ref={heading} tabIndex={-1} className="escalations__title">
        Escalations
      </h1>
      <div className="escalations__lists">
        {works && (
          <section aria-labelledby="analyst-console-heading" className="escalations__section">
            <h2 id="analyst-console-heading">Analyst console</h2>
            <Tabs
              label="Which escalations"
              tabs={CONSOLE_FILTERS.map((id) => ({ id, label: CONSOLE_FILTER_LABELS[id] }))}
              selected={filter}
              onSelect={setFilter}
            >
              {all === undefined ? (
                <p className="escalations__empty">Loading…</p>
              ) : (
                <EscalationList
                  label={`Escalations: ${CONSOLE_FILTER_LABELS[filter]}`}
                  rows={consoleRows}
                  selectedId={selectedId}
                  onSelect={select}
                  renderRow={(row) => <AnalystRow packet={row} now={now} />}
                  empty={filter === 'finished' ? 'Nothing finished yet.' : 'No open escalations here.'}
                  testId="analyst-console-list"
                />
              )}
            </Tabs>
          </section>
        )}
        <section aria-labelledby="my-packets-heading" className="escalations__section">
          <h2 id="my-packets-heading">My packets</h2>
          <EscalationList
            label="My packets"
            rows={mine}
            selectedId={selectedId}
            onSelect={select}
            renderRow={(row) => <MyPacketRow packet={row} now={now} />}
            empty="You have not written an escalation packet yet. Select tickets in the queue and press Shift+E."
            testId="my-packets-list"
          />
        </section>
      </div>
      <EscalationDetail escalationId={selectedId} now={now} />
      <EscalationHandoverKeys subject={open ? escalationSubject(open) : null} />
    </main>
  );
}

import type { Customer } from '#shared/domain/customer';
import type { HandoverSubject } from '#shared/domain/handover';
import { can } from '#shared/domain/permissions';
import type { Ticket } from '#shared/domain/ticket';
import { useWorkspace } from '../../app/workspace-context.tsx';
import { useScreenRequest } from '../../app/screen-request.ts';
import { useRegisterActions } from '../actions/ActionsProvider.tsx';
import { useProblem } from '../problems/use-problems.ts';
import {
  type AddCtx,
  ESCALATION_HANDOVER_ACTIONS,
  HANDOVER_SCREEN_ACTIONS,
  QUEUE_HANDOVER_ACTIONS,
} from './handover-actions.ts';
import { useHandoverDialogs } from './handover-dialogs-store.ts';
import { customerSubject, problemSubject, ticketSubject } from './subject-label.ts';

interface Subjects {
  subject: HandoverSubject | null;
  problem?: HandoverSubject | null;
  customer?: HandoverSubject | null;
}

function useAddCtx(subjects: Subjects): AddCtx {
  const { user } = useWorkspace();
  return { may: can(user.role, 'handover.work'), ...subjects, add: useHandoverDialogs.getState().openAdd };
}

/** Shift+H on the queue: the open ticket (and, from the palette, its problem or customer). */
export function QueueHandoverKeys({
  ticket,
  customer,
}: {
  ticket: Ticket | undefined;
  customer: Customer | undefined;
}) {
  const problem = useProblem(ticket?.problemId);
  const ctx = useAddCtx({
    subject: ticket ? ticketSubject(ticket) : null,
    problem: problem ? problemSubject(problem) : null,
    customer: customer ? customerSubject(customer) : null,
  });
  useRegisterActions(QUEUE_HANDOVER_ACTIONS, ctx);
  return null;
}

/** Shift+H on the escalations screen: the open packet. */
export function EscalationHandoverKeys({ subject }: { subject: HandoverSubject | null }) {
  useRegisterActions(ESCALATION_HANDOVER_ACTIONS, useAddCtx({ subject }));
  return null;
}

/** g h from any screen. */
export function HandoverScreenKeys() {
  const { user } = useWorkspace();
  useRegisterActions(HANDOVER_SCREEN_ACTIONS, {
    may: can(user.role, 'handover.work'),
    show: () => useScreenRequest.getState().show('handover'),
  });
  return null;
}

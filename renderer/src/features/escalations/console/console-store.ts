import { create } from 'zustand';
import type { ConsoleFilter } from '#shared/escalation/analyst-console';
import { useScreenRequest } from '../../../app/screen-request.ts';

/**
 * The escalations screen's ephemeral state: which packet is open, the
 * analyst's filter, and a question to answer straight away (set by the
 * "Answer" of a notification, so the answer field is open and focused when
 * the screen shows).
 */
export const useEscalationConsole = create<{
  selectedId: string | null;
  filter: ConsoleFilter;
  answering: string | null;
  select: (escalationId: string | null) => void;
  setFilter: (filter: ConsoleFilter) => void;
  setAnswering: (questionId: string | null) => void;
  /** Back to nothing open: the next person to sign in on this window starts afresh. */
  reset: () => void;
}>((set) => ({
  selectedId: null,
  filter: 'mine',
  answering: null,
  select: (selectedId) => set((state) => (state.selectedId === selectedId ? state : { selectedId, answering: null })),
  setFilter: (filter) => set({ filter }),
  setAnswering: (answering) => set({ answering }),
  reset: () => set({ selectedId: null, filter: 'mine', answering: null }),
}));

/** Opens the escalations screen on one packet, from anywhere (a notification, a banner). */
export function showPacket(escalationId: string, answerQuestionId?: string): void {
  useEscalationConsole.setState({ selectedId: escalationId, answering: answerQuestionId ?? null });
  useScreenRequest.getState().show('escalations');
}

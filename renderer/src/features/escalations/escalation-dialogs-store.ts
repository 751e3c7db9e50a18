import { create } from 'zustand';

/**
 * Which escalation dialog is open, and for which packet: ephemeral UI state.
 * The packet editor (write, check readiness, send) and the follow-up dialog
 * (one reply to every affected customer once it is fixed) open from the
 * queue, the ticket panel and the escalations screen alike.
 */
export const useEscalationDialogs = create<{
  editing: string | null;
  followingUp: string | null;
  openEditor: (escalationId: string) => void;
  openFollowUp: (escalationId: string) => void;
  close: () => void;
}>((set) => ({
  editing: null,
  followingUp: null,
  openEditor: (escalationId) => set({ editing: escalationId, followingUp: null }),
  openFollowUp: (escalationId) => set({ followingUp: escalationId, editing: null }),
  close: () => set({ editing: null, followingUp: null }),
}));

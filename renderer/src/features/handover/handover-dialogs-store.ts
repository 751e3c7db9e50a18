import { create } from 'zustand';
import type { HandoverSubject } from '#shared/domain/handover';

/**
 * Which handover dialog is open: "Add to handover" for a subject (from the
 * queue, the escalations screen, a ticket's problem or customer), or the
 * editor of one item of my handover. Ephemeral UI state.
 */
export const useHandoverDialogs = create<{
  adding: HandoverSubject | null;
  editing: { handoverId: string; itemId: string } | null;
  openAdd: (subject: HandoverSubject) => void;
  openEdit: (handoverId: string, itemId: string) => void;
  close: () => void;
}>((set) => ({
  adding: null,
  editing: null,
  openAdd: (subject) => set({ adding: subject, editing: null }),
  openEdit: (handoverId, itemId) => set({ editing: { handoverId, itemId }, adding: null }),
  close: () => set({ adding: null, editing: null }),
}));

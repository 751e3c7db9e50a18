import { create } from 'zustand';

/** Ephemeral UI state only. Rows from the database never go in here. */
export interface UiState {
  selectedTicketId: string | null;
  /** A short message about the agent's last action (e.g. a change the rules refused). */
  flash: { id: number; text: string } | null;
  selectTicket: (id: string | null) => void;
  showFlash: (text: string) => void;
  clearFlash: () => void;
}

export const useUiStore = create<UiState>((set) => ({
  selectedTicketId: null,
  flash: null,
  selectTicket: (id) => set({ selectedTicketId: id }),
  showFlash: (text) => set({ flash: { id: Date.now(), text } }),
  clearFlash: () => set({ flash: null }),
}));

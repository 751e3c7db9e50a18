import { create } from 'zustand';

export interface ProblemDialogRequest {
  ticketIds: readonly string[];
  suggestedTitle: string;
}

/** Whether the "link to a problem" dialog is open, and for which tickets: ephemeral UI state. */
export const useProblemDialogStore = create<{
  request: ProblemDialogRequest | null;
  open: (request: ProblemDialogRequest) => void;
  close: () => void;
}>((set) => ({
  request: null,
  open: (request) => set({ request }),
  close: () => set({ request: null }),
}));

import { create } from 'zustand';
import type { AgentMessageKind } from '#shared/domain/message';

/**
 * Which ticket's composer is open, and for what (ephemeral UI state; the text
 * itself is the draft in IndexedDB). `focusRequest` grows each time someone
 * asks for the composer, so the textarea takes focus again even when it was
 * already open (pressing `r` twice, applying a macro).
 */
interface ComposerState {
  open: { ticketId: string; kind: AgentMessageKind } | null;
  focusRequest: number;
  openComposer: (ticketId: string, kind: AgentMessageKind) => void;
  closeComposer: () => void;
}

export const useComposerStore = create<ComposerState>((set) => ({
  open: null,
  focusRequest: 0,
  openComposer: (ticketId, kind) =>
    set((state) => ({ open: { ticketId, kind }, focusRequest: state.focusRequest + 1 })),
  closeComposer: () => set({ open: null }),
}));

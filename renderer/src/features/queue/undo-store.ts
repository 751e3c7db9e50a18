import { create } from 'zustand';
import type { BatchChange } from '../../sync/mutate.ts';

/** The last change the agent can take back (one level, as in Gmail), and a bulk change's progress. */
interface UndoState {
  last: { label: string; changes: BatchChange[] } | null;
  progress: { label: string; done: number; total: number } | null;
  remember: (label: string, changes: BatchChange[]) => void;
  forget: () => void;
  setProgress: (progress: UndoState['progress']) => void;
}

export const useUndoStore = create<UndoState>((set) => ({
  last: null,
  progress: null,
  remember: (label, changes) => set({ last: changes.length > 0 ? { label, changes } : null }),
  forget: () => set({ last: null }),
  setProgress: (progress) => set({ progress }),
}));

import { create } from 'zustand';
import type { ConsoleScreenId } from './console-screens.ts';

/**
 * A request, from anywhere in the console, to show another screen: a
 * notification's "Answer" opens the escalations screen, a linked ticket opens
 * the queue. The console owns which screen is open and takes the request
 * (ConsoleScreen.tsx); ephemeral UI state, like every zustand store here.
 */
export const useScreenRequest = create<{
  requested: ConsoleScreenId | null;
  show: (screen: ConsoleScreenId) => void;
  taken: () => void;
}>((set) => ({
  requested: null,
  show: (screen) => set({ requested: screen }),
  taken: () => set({ requested: null }),
}));

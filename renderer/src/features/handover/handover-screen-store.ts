import { create } from 'zustand';

export type HandoverTab = 'mine' | 'receive' | 'team' | 'history';

export const HANDOVER_TAB_LABELS: Readonly<Record<HandoverTab, string>> = {
  mine: 'My handover',
  receive: 'To receive',
  team: 'Team',
  history: 'History',
};

/** The handover screen's ephemeral state: the open tab, the open handover in it, the history search. */
export const useHandoverScreen = create<{
  tab: HandoverTab;
  openId: string | null;
  search: string;
  setTab: (tab: HandoverTab) => void;
  open: (handoverId: string | null) => void;
  setSearch: (search: string) => void;
  /** Back to the start: the next person to sign in on this window sees nothing of this one's search. */
  reset: () => void;
}>((set) => ({
  tab: 'mine',
  openId: null,
  search: '',
  setTab: (tab) => set({ tab, openId: null }),
  open: (openId) => set({ openId }),
  setSearch: (search) => set({ search }),
  reset: () => set({ tab: 'mine', openId: null, search: '' }),
}));

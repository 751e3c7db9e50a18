import { useMemo } from 'react';
import type { Escalation } from '#shared/domain/escalation';
import { type PacingNudge, type QuitTimeWarning, quitTimeWarning, readyUnsentNudges } from '#shared/escalation/pacing';
import { useWorkspace } from '../../../app/workspace-context.tsx';
import { useNow } from '../../../ui/use-now.ts';
import { useEscalationsBy, useMyShift } from '../use-escalations.ts';

/** Pacing is judged again this often: a nudge is due at 15 min, so a 30 s lag is nothing. */
export const PACING_CHECK_MS = 30_000;

export interface Pacing {
  nudges: PacingNudge[];
  warning: QuitTimeWarning | null;
  /** My drafts, by id (their summaries label the nudges). */
  drafts: ReadonlyMap<string, Escalation>;
}

/** My ready-but-unsent packets and the quit-time warning (none without a running shift), every 30 s. */
export function usePacing(): Pacing {
  const { user } = useWorkspace();
  const mine = useEscalationsBy(user.id);
  const shift = useMyShift();
  const now = useNow(PACING_CHECK_MS);
  return useMemo(() => {
    const packets = mine ?? [];
    return {
      nudges: readyUnsentNudges(packets, user.id, now),
      warning: quitTimeWarning(packets, shift ?? null, user.id, now),
      drafts: new Map(packets.filter((packet) => packet.status === 'draft').map((packet) => [packet.id, packet])),
    };
  }, [mine, shift, user.id, now]);
}

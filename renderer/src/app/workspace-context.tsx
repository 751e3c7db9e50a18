import { createContext, useContext } from 'react';
import type { SessionUser } from '#shared/api/auth';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import type { TicketLinks } from '../platform/shell-types.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';

export interface Workspace {
  db: ShiftdeskDb;
  user: SessionUser;
  sync: SyncEngine;
  ticketLinks: TicketLinks;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

/** The signed-in user's database, identity and sync engine; only inside the console. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() used outside the console');
  return workspace;
}

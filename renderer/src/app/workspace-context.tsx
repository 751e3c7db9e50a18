import { createContext, useContext } from 'react';
import type { SessionUser } from '#shared/api/auth';
import type { ShiftdeskDb } from '../db/shiftdesk-db.ts';
import type { TicketLinks } from '../platform/shell-types.ts';
import type { LocalQueryLayer } from '../query/local-query-layer.ts';
import type { ApiClient } from '../sync/api-client.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';

export interface Workspace {
  db: ShiftdeskDb;
  user: SessionUser;
  sync: SyncEngine;
  /** Every list reads through this: maintained views over the local tickets. */
  query: LocalQueryLayer;
  /** This session's HTTP client, for what is read from the server rather than synced (admin, team). */
  api: ApiClient;
  /** The team backend this console talks to (shown in examples for integrations). */
  serverUrl: string;
  ticketLinks: TicketLinks;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

/** The signed-in user's database, identity, sync engine and API client; only inside the console. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace() used outside the console');
  return workspace;
}

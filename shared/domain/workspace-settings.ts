import { z } from 'zod';

export const DEFAULT_SYNC_WINDOW_DAYS = 30;

/**
 * Team-wide settings every client needs, synced like any other record (one row,
 * id "settings"). Changing the sync window makes every client download its
 * window again, because cookies carry the window they were made for.
 */
export const WorkspaceSettings = z.object({
  id: z.literal('settings'),
  /** Clients keep every active ticket plus tickets changed in the last this-many days. */
  syncWindowDays: z.number().int().min(1).max(3_650),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

export const WORKSPACE_SETTINGS_ID = 'settings';

export function defaultWorkspaceSettings(): WorkspaceSettings {
  return { id: 'settings', syncWindowDays: DEFAULT_SYNC_WINDOW_DAYS };
}

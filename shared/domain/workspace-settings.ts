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
  /**
   * The team's name and time zone, for headers and shift times. Optional:
   * rows written before they were synced lack them (read the zone as
   * DEFAULT_TIME_ZONE then); the server fills them in on the next change.
   * The zone is checked by the server when it is set, not here: a device whose
   * runtime lacks a newer zone name must still accept the row.
   */
  teamName: z.string().min(1).max(100).optional(),
  timeZone: z.string().min(1).max(64).optional(),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

export const WORKSPACE_SETTINGS_ID = 'settings';

export function defaultWorkspaceSettings(): WorkspaceSettings {
  return { id: 'settings', syncWindowDays: DEFAULT_SYNC_WINDOW_DAYS };
}

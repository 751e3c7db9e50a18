import { TeamSettings, TimeZone, type UpdateTeamSettingsRequest } from '#shared/api/team-settings';
import type { FieldProblems } from '../../../ui/field-problems.ts';

/** The settings form as typed (numbers stay text until they are checked). */
export interface SettingsDraft {
  name: string;
  timeZone: string;
  syncWindowDays: string;
}

export type SettingsField = keyof SettingsDraft;

const DAYS = TeamSettings.shape.syncWindowDays;
export const MAX_SYNC_WINDOW_DAYS = 3_650;

export function draftOf(settings: TeamSettings): SettingsDraft {
  return { name: settings.name, timeZone: settings.timeZone, syncWindowDays: String(settings.syncWindowDays) };
}

/**
 * Only what changed is sent, so saving the name never rewrites a time zone
 * another admin changed meanwhile. `patch` is null when nothing changed.
 */
export function settingsPatch(
  saved: TeamSettings,
  draft: SettingsDraft,
): { ok: true; patch: UpdateTeamSettingsRequest | null } | { ok: false; problems: FieldProblems<SettingsField> } {
  const problems: FieldProblems<SettingsField> = {};
  const name = draft.name.trim();
  if (name.length === 0 || name.length > 100) problems.name = 'Enter a team name of 1 to 100 characters.';
  const timeZone = draft.timeZone.trim();
  if (!TimeZone.safeParse(timeZone).success) problems.timeZone = 'Choose a time zone such as Europe/Berlin.';
  const days = draft.syncWindowDays.trim() === '' ? Number.NaN : Number(draft.syncWindowDays);
  if (!DAYS.safeParse(days).success) {
    problems.syncWindowDays = `Enter a whole number of days from 1 to ${MAX_SYNC_WINDOW_DAYS.toLocaleString('en')}.`;
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const patch: UpdateTeamSettingsRequest = {};
  if (name !== saved.name) patch.name = name;
  if (timeZone !== saved.timeZone) patch.timeZone = timeZone;
  if (days !== saved.syncWindowDays) patch.syncWindowDays = days;
  return { ok: true, patch: Object.keys(patch).length > 0 ? patch : null };
}

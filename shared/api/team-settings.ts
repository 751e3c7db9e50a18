import { z } from 'zod';
import { TimeZone } from '../domain/time-zone.ts';

export { TimeZone } from '../domain/time-zone.ts';

export const TeamSettings = z.object({
  name: z.string().trim().min(1).max(100),
  timeZone: TimeZone,
  syncWindowDays: z.number().int().min(1).max(3_650),
});
export type TeamSettings = z.infer<typeof TeamSettings>;

export const UpdateTeamSettingsRequest = TeamSettings.partial().refine(
  (value) => Object.values(value).some((field) => field !== undefined),
  'change at least one setting',
);
export type UpdateTeamSettingsRequest = z.input<typeof UpdateTeamSettingsRequest>;

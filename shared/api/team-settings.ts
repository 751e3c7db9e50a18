import { z } from 'zod';

/** An IANA zone name the runtime knows ("Europe/Berlin"). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be a time zone such as Europe/Berlin');

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

import { z } from 'zod';

/** Where a team works when it has not said: the database's default too. */
export const DEFAULT_TIME_ZONE = 'UTC';

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

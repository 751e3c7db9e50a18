import { z } from 'zod';
import { EpochMs } from './ids.ts';
import type { TicketPriority } from './ticket.ts';
import { TimeZone } from './time-zone.ts';

export const SLA_CONFIG_ID = 'sla';

/** "HH:MM" on a 24-hour clock; "24:00" (the end of the day) is allowed only as an interval's end. */
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_OF_DAY = '24:00';

/** Minutes after local midnight of a valid "HH:MM" (or "24:00"). */
export function minutesOfClockTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export const WorkingInterval = z
  .object({
    start: z.string().regex(CLOCK_TIME, 'must be a time such as 09:00'),
    end: z.string().refine((end) => CLOCK_TIME.test(end) || end === END_OF_DAY, 'must be a time such as 17:00'),
  })
  .refine((interval) => minutesOfClockTime(interval.end) > minutesOfClockTime(interval.start), {
    message: 'must end after it starts',
    path: ['end'],
  });
export type WorkingInterval = z.infer<typeof WorkingInterval>;

/** One weekday's working intervals, in order and not overlapping (touching is fine). */
const WorkingDay = z
  .array(WorkingInterval)
  .max(8)
  .refine(
    (intervals) =>
      intervals.every(
        (interval, i) => i === 0 || minutesOfClockTime(interval.start) >= minutesOfClockTime(intervals[i - 1]!.end),
      ),
    'working intervals must be in order and must not overlap',
  );

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date that exists ("2026-02-30" does not). */
const CalendarDate = z.string().refine((date) => {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}, 'must be a date such as 2026-12-25');

export const Holiday = z.object({ date: CalendarDate, name: z.string().min(1).max(100) });
export type Holiday = z.infer<typeof Holiday>;

export const MAX_HOLIDAYS = 200;

/**
 * When the team works, in its own time zone. Holidays are whole local days
 * off. A week without any working time is refused: a business-hours clock on
 * it would never run out.
 */
export const BusinessCalendar = z
  .object({
    timeZone: TimeZone,
    /** Indexed by weekday, 0 = Sunday … 6 = Saturday (as Date#getUTCDay). */
    week: z.tuple([WorkingDay, WorkingDay, WorkingDay, WorkingDay, WorkingDay, WorkingDay, WorkingDay]),
    holidays: z
      .array(Holiday)
      .max(MAX_HOLIDAYS)
      .refine((holidays) => new Set(holidays.map((h) => h.date)).size === holidays.length, 'each date at most once'),
  })
  .refine((calendar) => calendar.week.some((day) => day.length > 0), {
    message: 'the week needs some working time',
    path: ['week'],
  });
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

/** SLA targets go from one minute to 90 days. */
export const MAX_SLA_TARGET_MINUTES = 90 * 24 * 60;
const TargetMinutes = z.number().int().min(1).max(MAX_SLA_TARGET_MINUTES).nullable();

/**
 * Targets for one priority, in minutes of the chosen schedule: working time of
 * the team's calendar ('business') or wall-clock time ('always', 24×7).
 * null: that metric has no target, so no clock runs for it.
 */
export const SlaPolicy = z.object({
  firstResponseMinutes: TargetMinutes,
  nextResponseMinutes: TargetMinutes,
  resolutionMinutes: TargetMinutes,
  schedule: z.enum(['business', 'always']),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

/** Synced like the workspace settings: one row, id "sla". */
export const SlaConfig = z.object({
  id: z.literal(SLA_CONFIG_ID),
  calendar: BusinessCalendar,
  policies: z.object({
    urgent: SlaPolicy,
    high: SlaPolicy,
    normal: SlaPolicy,
    low: SlaPolicy,
  } satisfies Record<TicketPriority, typeof SlaPolicy>),
  updatedAt: EpochMs,
});
export type SlaConfig = z.infer<typeof SlaConfig>;

const HOUR = 60;
/** A business day of the default calendar: 09:00–17:00. */
const BUSINESS_DAY = 8 * HOUR;

/**
 * A starter a support team can keep or edit: Monday to Friday 09:00–17:00,
 * no holidays (they are local, so the team adds its own).
 * - urgent runs around the clock (an outage does not wait for Monday):
 *   first response 30 min, next response 1 h, resolution 4 h;
 * - high: 1 h / 4 h / 1 business day (8 working hours);
 * - normal: 4 h / 1 business day / 3 business days;
 * - low: 1 business day / 1 business day / 5 business days.
 * Business targets count working minutes, so "1 day" is 480 of them.
 */
export function defaultSlaConfig(now: number, timeZone = 'UTC'): SlaConfig {
  const workday = [{ start: '09:00', end: '17:00' }];
  return {
    id: SLA_CONFIG_ID,
    calendar: { timeZone, week: [[], workday, workday, workday, workday, workday, []], holidays: [] },
    policies: {
      urgent: { firstResponseMinutes: 30, nextResponseMinutes: HOUR, resolutionMinutes: 4 * HOUR, schedule: 'always' },
      high: {
        firstResponseMinutes: HOUR,
        nextResponseMinutes: 4 * HOUR,
        resolutionMinutes: BUSINESS_DAY,
        schedule: 'business',
      },
      normal: {
        firstResponseMinutes: 4 * HOUR,
        nextResponseMinutes: BUSINESS_DAY,
        resolutionMinutes: 3 * BUSINESS_DAY,
        schedule: 'business',
      },
      low: {
        firstResponseMinutes: BUSINESS_DAY,
        nextResponseMinutes: BUSINESS_DAY,
        resolutionMinutes: 5 * BUSINESS_DAY,
        schedule: 'business',
      },
    },
    updatedAt: now,
  };
}

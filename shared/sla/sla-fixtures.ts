import type { BusinessCalendar, WorkingInterval } from '../domain/sla-config.ts';

/** An explicit instant from an ISO string with its offset: at('2026-01-05T09:00Z'). */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${iso}`);
  return ms;
};

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

const NINE_TO_FIVE: WorkingInterval[] = [{ start: '09:00', end: '17:00' }];

/** Monday to Friday 09:00–17:00 in `timeZone`, with optional holidays. */
export function officeHours(timeZone: string, holidays: string[] = []): BusinessCalendar {
  return {
    timeZone,
    week: [[], NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, NINE_TO_FIVE, []],
    holidays: holidays.map((date) => ({ date, name: 'Holiday' })),
  };
}

/** Only Sundays, with the given intervals: DST changes in Europe and the US fall on Sundays. */
export function sundaysOnly(timeZone: string, intervals: WorkingInterval[]): BusinessCalendar {
  return { timeZone, week: [intervals, [], [], [], [], [], []], holidays: [] };
}

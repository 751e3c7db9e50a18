import type { z } from 'zod';
import {
  MAX_SLA_TARGET_MINUTES,
  type SlaConfig,
  SlaConfig as SlaConfigSchema,
  type SlaPolicy,
} from '#shared/domain/sla-config';
import { TICKET_PRIORITIES, type TicketPriority } from '#shared/domain/ticket';

/** What updateSlaConfig takes: the calendar and the policies, saved as a whole. */
export const SlaConfigArgs = SlaConfigSchema.pick({ calendar: true, policies: true });
export type SlaConfigArgs = z.infer<typeof SlaConfigArgs>;

export const TARGET_FIELDS = ['firstResponseMinutes', 'nextResponseMinutes', 'resolutionMinutes'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export const TARGET_LABELS: Record<TargetField, string> = {
  firstResponseMinutes: 'First response',
  nextResponseMinutes: 'Next response',
  resolutionMinutes: 'Resolution',
};

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** The order the editor lists days in: the working week first. */
export const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export type TargetUnit = 'minutes' | 'hours';
export interface TargetDraft {
  /** No target: no clock runs for this metric. */
  none: boolean;
  amount: string;
  unit: TargetUnit;
}
export interface PolicyDraft {
  schedule: SlaPolicy['schedule'];
  targets: Record<TargetField, TargetDraft>;
}
export interface DayDraft {
  open: boolean;
  start: string;
  end: string;
}
export interface HolidayDraft {
  date: string;
  name: string;
}
export interface SlaDraft {
  timeZone: string;
  /** Indexed like the calendar: 0 = Sunday. One working interval per day. */
  week: DayDraft[];
  holidays: HolidayDraft[];
  policies: Record<TicketPriority, PolicyDraft>;
}

/** Field keys errors are reported under: `timeZone`, `week`, `week.1`, `holidays`, `holidays.0.date`, `policies.normal.firstResponseMinutes`. */
export type SlaProblems = Record<string, string>;

const HOUR = 60;

function targetDraft(minutes: number | null): TargetDraft {
  if (minutes === null) return { none: true, amount: '', unit: 'hours' };
  return minutes % HOUR === 0
    ? { none: false, amount: String(minutes / HOUR), unit: 'hours' }
    : { none: false, amount: String(minutes), unit: 'minutes' };
}

/**
 * The form's fields for a config. A day is shown as one interval, from its
 * first start to its last end: the editor is the only way to set hours and it
 * saves one interval per day.
 */
export function draftOf(config: Pick<SlaConfig, 'calendar' | 'policies'>): SlaDraft {
  return {
    timeZone: config.calendar.timeZone,
    week: config.calendar.week.map((intervals) => {
      const first = intervals[0];
      const last = intervals[intervals.length - 1];
      return first && last
        ? { open: true, start: first.start, end: last.end }
        : { open: false, start: '09:00', end: '17:00' };
    }),
    holidays: config.calendar.holidays.map((holiday) => ({ ...holiday })),
    policies: Object.fromEntries(
      TICKET_PRIORITIES.map((priority) => {
        const policy = config.policies[priority];
        return [
          priority,
          {
            schedule: policy.schedule,
            targets: Object.fromEntries(TARGET_FIELDS.map((field) => [field, targetDraft(policy[field])])),
          },
        ];
      }),
    ) as SlaDraft['policies'],
  };
}

/** Minutes for a target's fields, or what is wrong with them. */
function targetMinutes(target: TargetDraft): { minutes: number | null } | { problem: string } {
  if (target.none) return { minutes: null };
  const text = target.amount.trim();
  if (text === '') return { problem: 'Enter a target, or tick “No target”' };
  const amount = Number(text.replace(',', '.'));
  if (!Number.isFinite(amount) || amount <= 0) return { problem: 'Enter a number greater than 0' };
  // Rounded to a thousandth first: 0.7 hours is 42 minutes, not 41.99999999999999.
  const minutes = Math.round((target.unit === 'hours' ? amount * HOUR : amount) * 1000) / 1000;
  if (!Number.isInteger(minutes)) {
    return { problem: 'Enter whole minutes (for example 1.5 hours is 90 minutes)' };
  }
  if (minutes > MAX_SLA_TARGET_MINUTES) return { problem: 'A target can be at most 90 days' };
  return { minutes };
}

/** Where a schema problem is shown: the field it is about, or the section it belongs to. */
export function problemKey(path: readonly PropertyKey[]): string {
  const [area, ...rest] = path.map(String);
  if (area === 'calendar') {
    const [part, index, field] = rest;
    if (part === 'timeZone') return 'timeZone';
    if (part === 'week') return index === undefined ? 'week' : `week.${index}`;
    if (part === 'holidays') return index === undefined ? 'holidays' : `holidays.${index}.${field ?? 'date'}`;
    return 'calendar';
  }
  if (area === 'policies') return rest.length >= 2 ? `policies.${rest[0]}.${rest[1]}` : 'policies';
  return 'form';
}

/**
 * Checks the draft with the same schema the mutation and the server use, and
 * returns the mutation's arguments or the problems, field by field, in words.
 */
export function slaArgs(draft: SlaDraft): { ok: true; args: SlaConfigArgs } | { ok: false; problems: SlaProblems } {
  const problems: SlaProblems = {};
  const policies = {} as Record<TicketPriority, SlaPolicy>;
  for (const priority of TICKET_PRIORITIES) {
    const policy = draft.policies[priority];
    const minutes = {} as Record<TargetField, number | null>;
    for (const field of TARGET_FIELDS) {
      const result = targetMinutes(policy.targets[field]);
      if ('problem' in result) problems[`policies.${priority}.${field}`] = result.problem;
      else minutes[field] = result.minutes;
    }
    policies[priority] = { ...minutes, schedule: policy.schedule };
  }
  const args = {
    calendar: {
      timeZone: draft.timeZone,
      week: draft.week.map((day) => (day.open ? [{ start: day.start, end: day.end }] : [])),
      holidays: draft.holidays.map((holiday) => ({ date: holiday.date.trim(), name: holiday.name.trim() })),
    },
    policies,
  };
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const parsed = SlaConfigArgs.safeParse(args);
  if (parsed.success) return { ok: true, args: parsed.data };
  for (const issue of parsed.error.issues) {
    const key = problemKey(issue.path);
    problems[key] ??= friendlier(key, issue.message);
  }
  return { ok: false, problems };
}

/** The schema's words where they are already plain; a sentence where they are zod's own. */
function friendlier(key: string, message: string): string {
  if (key === 'week') return 'The week needs some working time: open at least one day';
  if (key === 'holidays') return 'Each date can be a holiday only once';
  if (key.endsWith('.name')) return 'Give the holiday a name (up to 100 characters)';
  if (key === 'timeZone') return 'Pick a time zone from the list';
  return message.charAt(0).toUpperCase() + message.slice(1);
}

import { SHIFT_MAX_MS } from '#shared/domain/shift';

const pad = (value: number) => String(value).padStart(2, '0');

/** "06:00": a time of day on the 24-hour clock, as shifts are spoken of ("on until six"). */
export function formatClock(at: number): string {
  const date = new Date(at);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of a time input: "HH:MM". */
export function clockInputValue(at: number): string {
  return formatClock(at);
}

export const DEFAULT_SHIFT_MS = 8 * 60 * 60 * 1000;

/**
 * The planned end a time of day means: its next occurrence after now (a
 * night shift's "06:00" is tomorrow morning). An error in words for what the
 * server would refuse: an unreadable time, or a shift longer than 16 hours.
 */
export function plannedEndFrom(now: number, time: string): { at: number } | { error: string } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  if (!match || hours > 23 || minutes > 59) return { error: 'Enter the time your shift ends, like 06:00.' };
  const end = new Date(now);
  end.setHours(hours, minutes, 0, 0);
  if (end.getTime() <= now) end.setDate(end.getDate() + 1);
  const at = end.getTime();
  if (at - now > SHIFT_MAX_MS) return { error: 'A shift is at most 16 hours: pick an earlier end.' };
  return { at };
}

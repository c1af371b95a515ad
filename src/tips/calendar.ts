/**
 * Calendar dates ("YYYY-MM-DD") and the local wall clock in an IANA zone. Intl.DateTimeFormat does the zone
 * arithmetic (offsets, DST, historical rules); dates themselves are plain day counts, free of any zone.
 */

const MS_PER_DAY = 86_400_000;

/** The local date and time of `instant` in `timeZone`: { date: "2026-03-29", time: "09:00" }. */
export function localDateTime(instant: Date | number, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    wallClock(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA prints ISO-like numbers; hourCycle h23 prints midnight as 00, not 24.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether `text` is a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return dateOfDayNumber(dayNumber(text)) === text;
}

/** Days since 1970-01-01 (negative before it). */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dateOfDayNumber(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(dayNumber(date) * MS_PER_DAY).getUTCDay();
}

export const addDays = (date: string, days: number): string => dateOfDayNumber(dayNumber(date) + days);

/** The first moment any zone on Earth could call `date` "today": its UTC midnight less the largest offset (+14 h). */
export function earliestStartOf(date: string): number {
  return dayNumber(date) * MS_PER_DAY - 14 * 3_600_000;
}

/** The last moment any zone on Earth could call `date` "today": the UTC end of the day plus the largest offset behind UTC (−12 h). */
export function latestEndOf(date: string): number {
  return (dayNumber(date) + 1) * MS_PER_DAY + 12 * 3_600_000;
}

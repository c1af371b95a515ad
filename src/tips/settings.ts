/** When and where the daily tip is posted (TIP_* in the environment). */
export interface TipSettings {
  /** Channel ids that get the tip; empty: no in-process schedule. */
  channels: readonly string[];
  /** Local posting time, "HH:MM" on a 24-hour clock. */
  time: string;
  /** IANA zone the time and "today" are read in, in its canonical spelling. */
  timeZone: string;
  /** Days of the week that get a tip, 0 = Sunday … 6 = Saturday, ascending. */
  days: readonly number[];
}

export const TIP_DEFAULTS = { time: '09:00', timeZone: 'UTC', days: 'mon-fri' } as const;

/** Day names in JavaScript's order (getUTCDay): 0 is Sunday. */
export const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const DAY_WORDS: ReadonlyMap<string, number> = new Map(
  ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].flatMap((name, day) => [
    [name, day],
    [name.slice(0, 3), day],
  ]),
);

const DAY_SETS: ReadonlyMap<string, readonly number[]> = new Map([
  ['weekdays', [1, 2, 3, 4, 5]],
  ['weekends', [0, 6]],
  ['daily', [0, 1, 2, 3, 4, 5, 6]],
  ['everyday', [0, 1, 2, 3, 4, 5, 6]],
]);

/** Slack channel ids: public channels start with C, older private ones with G. */
export const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;

/** A comma-separated list of channel ids ("C1, C2"), and the entries in it that are not channel ids. */
export function parseChannelList(list: string): { ids: string[]; bad: string[] } {
  const ids = list
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return { ids, bad: ids.filter((id) => !CHANNEL_ID.test(id)) };
}

/**
 * "mon-fri", "mon,wed,fri", "weekdays", "daily", "sat-sun" or "fri-mon" (a range may wrap past Sunday) → sorted day
 * numbers; a string saying what is wrong otherwise.
 */
export function parseTipDays(text: string): number[] | string {
  const days = new Set<number>();
  const parts = text
    .toLowerCase()
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  for (const part of parts) {
    const set = DAY_SETS.get(part);
    if (set) {
      for (const day of set) days.add(day);
      continue;
    }
    const [from, to, ...extra] = part.split('-').map((word) => DAY_WORDS.get(word.trim()));
    if (from === undefined || extra.length > 0 || (part.includes('-') && to === undefined)) {
      return `"${part}" is not a day: use mon, tue, wed, thu, fri, sat, sun, ranges such as mon-fri, or weekdays, weekends, daily`;
    }
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === (to ?? from)) break;
    }
  }
  if (days.size === 0) return 'names no day: use e.g. mon-fri, mon,wed,fri or daily';
  return [...days].sort((a, b) => a - b);
}

/** "9:00" or "09:00" → "09:00"; null when it is not a time of day. */
export function parseTipTime(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/** The canonical name of an IANA time zone ("europe/berlin" → "Europe/Berlin"), or null when Intl does not know it. */
export function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone.trim() }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** [1,2,3,4,5] → "mon-fri"; [1,3,5] → "mon,wed,fri": how the days read back in a message. */
export function describeDays(days: readonly number[]): string {
  const week = [1, 2, 3, 4, 5, 6, 0].filter((day) => days.includes(day));
  const runs: number[][] = [];
  for (const day of week) {
    const run = runs.at(-1);
    if (run && (run.at(-1)! + 1) % 7 === day) run.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length > 2 ? `${DAY_NAMES[run[0]!]}-${DAY_NAMES[run.at(-1)!]}` : run.map((day) => DAY_NAMES[day]).join(','))).join(',');
}

import { dayNumber } from '../tips/calendar.js';

/**
 * A streak follows the tip schedule: with one tip a week it counts weeks in a row with an answer; otherwise days,
 * where a day without a tip (a weekend under mon-fri) neither breaks a streak nor is needed for one.
 */
export type StreakUnit = 'day' | 'week';

export interface StreakSchedule {
  /** TIP_DAYS: 0 = Sunday … 6 = Saturday. */
  days: readonly number[];
  /** TIP_TIMEZONE: where a day starts and ends. */
  timeZone: string;
}

export interface Streak {
  unit: StreakUnit;
  /** Days (or weeks) in the run that is still going: it ends today or at the last scheduled day before it. */
  current: number;
  longest: number;
}

export const streakUnit = (days: readonly number[]): StreakUnit => (days.length === 1 ? 'week' : 'day');

/** Weeks start on Monday; 1970-01-01, day 0, was a Thursday. */
const weekNumber = (day: number) => Math.floor((day + 3) / 7);

/**
 * The streaks in a person's answers, from the local dates ("YYYY-MM-DD") on which they answered at least once and
 * today's local date.
 */
export function streakOf(answeredDates: readonly string[], today: string, schedule: StreakSchedule): Streak {
  const unit = streakUnit(schedule.days);
  const scheduled = new Set(schedule.days);
  const period = unit === 'week' ? weekNumber : (day: number) => day;
  // Between two periods with an answer, did the person miss one that counted?
  const missedBetween =
    unit === 'week'
      ? (earlier: number, later: number) => later - earlier > 1
      : (earlier: number, later: number) => {
          for (let day = earlier + 1; day < later; day++) if (scheduled.has((((day + 4) % 7) + 7) % 7)) return true;
          return false;
        };
  const periods = [...new Set(answeredDates.map((date) => period(dayNumber(date))))].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (const [index, current] of periods.entries()) {
    run = index > 0 && !missedBetween(periods[index - 1]!, current) ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const last = periods.at(-1);
  const stillGoing = last !== undefined && !missedBetween(last, period(dayNumber(today)));
  return { unit, current: stillGoing ? run : 0, longest };
}

import { addDays, localDateTime } from '../tips/calendar.js';
import type { Queryable } from './database.js';
import { streakOf, streakUnit, type StreakSchedule, type StreakUnit } from './streak.js';

/** A leaderboard covers the seven local days that end on the day it is posted. */
const LEADERBOARD_WEEK_DAYS = 7;
/** How many people each list names at most. */
const LEADERBOARD_SIZE = 5;

/**
 * The week's best: only the top of each list, so nobody is ever named for doing badly. `people` and `answers`
 * count everyone, without names.
 */
export interface Leaderboard {
  /** First and last local date of the week, both included. */
  from: string;
  to: string;
  people: number;
  answers: number;
  /** Most correct answers in the week, at least one; ties by who got there with fewer answers, then by user id. */
  mostCorrect: Array<{ user: string; correct: number }>;
  /** Longest streaks still going, at least two in a row, by the tip schedule's cadence. */
  longestStreaks: Array<{ user: string; current: number }>;
  streakUnit: StreakUnit;
}

export interface LeaderboardQuery {
  workspace: string;
  schedule: StreakSchedule;
  now: Date;
}

/** The shortest run worth a place on the board: one day (or week) is a start, not a streak. */
const MIN_STREAK = 2;

export async function leaderboardFor(database: Queryable, { workspace, schedule, now }: LeaderboardQuery): Promise<Leaderboard> {
  const to = localDateTime(now, schedule.timeZone).date;
  const from = addDays(to, -(LEADERBOARD_WEEK_DAYS - 1));
  const weekStart = [workspace, from, schedule.timeZone] as const;
  const [totals, correct, days] = await Promise.all([
    database.query<{ people: number; answers: number }>(
      `SELECT count(DISTINCT user_id)::int AS people, count(*)::int AS answers
       FROM quiz_answers WHERE workspace = $1 AND answered_at >= ($2::date)::timestamp AT TIME ZONE $3`,
      weekStart,
    ),
    database.query<{ user_id: string; correct: number }>(
      `SELECT user_id, (count(*) FILTER (WHERE correct))::int AS correct
       FROM quiz_answers WHERE workspace = $1 AND answered_at >= ($2::date)::timestamp AT TIME ZONE $3
       GROUP BY user_id HAVING count(*) FILTER (WHERE correct) > 0
       ORDER BY correct DESC, count(*) ASC, user_id ASC LIMIT $4`,
      [...weekStart, LEADERBOARD_SIZE],
    ),
    // A streak still going has an answer in this week or the one before (a weekly cadence): only those people's
    // days are read, not the whole history of everyone.
    database.query<{ user_id: string; day: string }>(
      `SELECT DISTINCT user_id, ((answered_at AT TIME ZONE $3)::date)::text AS day FROM quiz_answers
       WHERE workspace = $1 AND user_id IN (
         SELECT user_id FROM quiz_answers WHERE workspace = $1 AND answered_at >= ($2::date - 7)::timestamp AT TIME ZONE $3)`,
      weekStart,
    ),
  ]);
  const daysByUser = new Map<string, string[]>();
  for (const { user_id: user, day } of days.rows) daysByUser.set(user, [...(daysByUser.get(user) ?? []), day]);
  const longestStreaks = [...daysByUser]
    .map(([user, answered]) => ({ user, current: streakOf(answered, to, schedule).current }))
    .filter((entry) => entry.current >= MIN_STREAK)
    .sort((a, b) => b.current - a.current || (a.user < b.user ? -1 : 1))
    .slice(0, LEADERBOARD_SIZE);
  return {
    from,
    to,
    people: totals.rows[0]?.people ?? 0,
    answers: totals.rows[0]?.answers ?? 0,
    mostCorrect: correct.rows.map((row) => ({ user: row.user_id, correct: row.correct })),
    longestStreaks,
    streakUnit: streakUnit(schedule.days),
  };
}

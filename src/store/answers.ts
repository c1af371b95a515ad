import { addDays, localDateTime } from '../tips/calendar.js';
import type { Queryable } from './database.js';
import { streakOf, type Streak, type StreakSchedule } from './streak.js';

/** One click on a quiz answer, as the listener saw it. */
export interface QuizAnswer {
  /** Slack team id (T…) of the workspace. */
  workspace: string;
  /** Slack user id (U… or W…) of the person who clicked. */
  user: string;
  /** Their name as Slack sent it with the click, for the evidence export; null when unknown. */
  userName: string | null;
  /** The quiz question's id (knowledge/quiz.yml). */
  question: string;
  /**
   * What makes this answer one attempt: the quiz message the button is on (its ts, or the response_url of an
   * ephemeral one). A second click on it, or Slack retrying the request, carries the same attempt.
   */
  attempt: string;
  correct: boolean;
  answeredAt: Date;
}

/** Longest id or name kept: Slack's are far shorter, so anything longer was not made by Slack. */
const MAX_TEXT = 255;

/** Why an answer cannot be stored, or null: a listener passes what Slack sent, and Slack's payloads are input too. */
export function answerProblem(answer: QuizAnswer): string | null {
  for (const field of ['workspace', 'user', 'question', 'attempt'] as const) {
    const value = answer[field];
    if (typeof value !== 'string' || value === '' || value.length > MAX_TEXT) return `${field} must be 1 to ${MAX_TEXT} characters`;
  }
  if (answer.userName !== null && (typeof answer.userName !== 'string' || answer.userName.length > MAX_TEXT))
    return `userName must be at most ${MAX_TEXT} characters`;
  if (Number.isNaN(answer.answeredAt.getTime())) return 'answeredAt must be a valid time';
  return null;
}

/**
 * Stores the answer unless this attempt is already stored: true when it was new. Any number of calls with the
 * same click, from any number of replicas at once, leave one row (the primary key decides, not a prior read).
 */
export async function recordQuizAnswer(database: Queryable, answer: QuizAnswer): Promise<boolean> {
  const problem = answerProblem(answer);
  if (problem !== null) throw new TypeError(`quiz answer not stored: ${problem}`);
  const { rowCount } = await database.query(
    `INSERT INTO quiz_answers (workspace, user_id, question, attempt, correct, answered_at, user_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (workspace, user_id, question, attempt) DO NOTHING`,
    [answer.workspace, answer.user, answer.question, answer.attempt, answer.correct, answer.answeredAt, answer.userName],
  );
  return rowCount === 1;
}

/** Team participation is counted over four weeks: a month of daily tips or four weekly ones. */
export const TEAM_WINDOW_DAYS = 28;

export interface QuizStats {
  /** Every answer the person gave that is still kept (QUIZ_RETENTION_DAYS). */
  answered: number;
  correct: number;
  streak: Streak;
  team: {
    /** The window's first local date; it ends today. */
    since: string;
    /** People in the workspace with at least one answer in the window, the person included. */
    people: number;
    answers: number;
    correct: number;
  };
}

export interface StatsQuery {
  workspace: string;
  user: string;
  schedule: StreakSchedule;
  now: Date;
}

/** What `/srm stats` shows a person: their score, their streak by the tip schedule's cadence, their team's activity. */
export async function statsFor(database: Queryable, { workspace, user, schedule, now }: StatsQuery): Promise<QuizStats> {
  const today = localDateTime(now, schedule.timeZone).date;
  const since = addDays(today, -(TEAM_WINDOW_DAYS - 1));
  const [score, days, team] = await Promise.all([
    database.query<{ answered: number; correct: number }>(
      'SELECT count(*)::int AS answered, (count(*) FILTER (WHERE correct))::int AS correct FROM quiz_answers WHERE workspace = $1 AND user_id = $2',
      [workspace, user],
    ),
    database.query<{ day: string }>(
      'SELECT DISTINCT ((answered_at AT TIME ZONE $3)::date)::text AS day FROM quiz_answers WHERE workspace = $1 AND user_id = $2',
      [workspace, user, schedule.timeZone],
    ),
    database.query<{ people: number; answers: number; correct: number }>(
      `SELECT count(DISTINCT user_id)::int AS people, count(*)::int AS answers, (count(*) FILTER (WHERE correct))::int AS correct
       FROM quiz_answers WHERE workspace = $1 AND answered_at >= ($2::date)::timestamp AT TIME ZONE $3`,
      [workspace, since, schedule.timeZone],
    ),
  ]);
  const teamRow = team.rows[0] ?? { people: 0, answers: 0, correct: 0 };
  return {
    answered: score.rows[0]?.answered ?? 0,
    correct: score.rows[0]?.correct ?? 0,
    streak: streakOf(
      days.rows.map((row) => row.day),
      today,
      schedule,
    ),
    team: { since, people: teamRow.people, answers: teamRow.answers, correct: teamRow.correct },
  };
}

/** Retention: deletes the answers given before `cutoff`; returns how many. */
export async function deleteAnswersBefore(database: Queryable, cutoff: Date): Promise<number> {
  return (await database.query('DELETE FROM quiz_answers WHERE answered_at < $1', [cutoff])).rowCount;
}

/** `srm forget`: erases every answer of a person, in every workspace or in one; returns how many. */
export async function forgetUser(database: Queryable, user: string, workspace?: string): Promise<number> {
  const { rowCount } =
    workspace === undefined
      ? await database.query('DELETE FROM quiz_answers WHERE user_id = $1', [user])
      : await database.query('DELETE FROM quiz_answers WHERE user_id = $1 AND workspace = $2', [user, workspace]);
  return rowCount;
}

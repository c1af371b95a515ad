import type { Queryable } from './database.js';

/** One person's quiz activity in a period: what an auditor asks for as evidence of awareness training. */
export interface PersonEvidence {
  workspace: string;
  user: string;
  /** The latest name Slack sent with one of their clicks; null when none was sent. */
  name: string | null;
  answered: number;
  correct: number;
  /** Local dates (TIP_TIMEZONE), YYYY-MM-DD. */
  firstDate: string;
  lastDate: string;
  daysActive: number;
}

export interface EvidencePeriod {
  /** First and last local date, both included. */
  from: string;
  to: string;
  timeZone: string;
  /** Only this workspace (T…); every workspace when absent. */
  workspace?: string;
}

/** One row per person who answered in the period, by workspace then user id. */
export async function evidenceFor(database: Queryable, period: EvidencePeriod): Promise<PersonEvidence[]> {
  const { rows } = await database.query<{
    workspace: string;
    user_id: string;
    user_name: string | null;
    answered: number;
    correct: number;
    first_date: string;
    last_date: string;
    days_active: number;
  }>(
    `WITH period AS (
       SELECT workspace, user_id, user_name, correct, answered_at, (answered_at AT TIME ZONE $3)::date AS day
       FROM quiz_answers
       WHERE answered_at >= ($1::date)::timestamp AT TIME ZONE $3
         AND answered_at < ($2::date + 1)::timestamp AT TIME ZONE $3
         AND ($4::text IS NULL OR workspace = $4)
     )
     SELECT workspace, user_id,
            (array_agg(user_name ORDER BY answered_at DESC) FILTER (WHERE user_name IS NOT NULL))[1] AS user_name,
            count(*)::int AS answered, (count(*) FILTER (WHERE correct))::int AS correct,
            min(day)::text AS first_date, max(day)::text AS last_date, count(DISTINCT day)::int AS days_active
     FROM period GROUP BY workspace, user_id ORDER BY workspace, user_id`,
    [period.from, period.to, period.timeZone, period.workspace ?? null],
  );
  return rows.map((row) => ({
    workspace: row.workspace,
    user: row.user_id,
    name: row.user_name,
    answered: row.answered,
    correct: row.correct,
    firstDate: row.first_date,
    lastDate: row.last_date,
    daysActive: row.days_active,
  }));
}

/** A CSV column: its header and how a row gives its field. */
export type CsvColumn<T> = readonly [header: string, value: (row: T) => string | number];

const PERSON_COLUMNS: readonly CsvColumn<PersonEvidence>[] = [
  ['workspace', (p) => p.workspace],
  ['user_id', (p) => p.user],
  ['name', (p) => p.name ?? ''],
  ['questions_answered', (p) => p.answered],
  ['correct', (p) => p.correct],
  ['first_date', (p) => p.firstDate],
  ['last_date', (p) => p.lastDate],
  ['days_active', (p) => p.daysActive],
];

/** One row per person, under a header row. */
export const evidenceCsv = (people: readonly PersonEvidence[]): string => csvTable(PERSON_COLUMNS, people);

/** RFC 4180: a header row, CRLF line ends, a field quoted when it holds a comma, a quote or a line break. */
export function csvTable<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map(([header]) => header), ...rows.map((row) => columns.map(([, value]) => csvField(value(row))))];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // A name is typed by its owner: one starting like a formula would run as one when the file is opened in a
  // spreadsheet, so it is kept as text with a leading apostrophe (OWASP's advice on CSV injection).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

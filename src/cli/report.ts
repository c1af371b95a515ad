import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { oneLineUserText } from '../cards/index.js';
import { cardTitle, lookupCard, openKnowledge } from '../knowledge/index.js';
import { foldPhrase } from '../text/phrase.js';

/*
 * `srm report <log file>`: what maintainers should write next, from the bot's own pino JSON log. It reads the
 * feedback lines (src/feedback: "unanswered query" and "card feedback", each with a `feedback` object) and
 * ignores every other line, so a whole log, or several replicas' logs run together, can be given as they are.
 */

export interface UnansweredQuery {
  /** The form it was asked in most often. */
  query: string;
  count: number;
  /** Distinct people who asked it. */
  askers: number;
  /** Why the engine gave no card, most frequent first ("not_understood", "too_vague", "out_of_scope"). */
  reasons: string[];
  lastSeen: string | null;
}

export interface CardRating {
  card: string;
  title: string;
  up: number;
  down: number;
  /** What people had asked when they voted 👎, most frequent first. */
  missedQueries: Array<{ query: string; count: number }>;
}

export interface FeedbackSummary {
  linesRead: number;
  /** Lines that were not JSON objects (pretty-printed logs, npm's own output): skipped. */
  notJson: number;
  votes: number;
  unanswered: number;
  from: string | null;
  to: string | null;
  /** Distinct unanswered questions, most frequent first (all of them; the text output shows the top ones). */
  topUnanswered: UnansweredQuery[];
  /** Cards with at least one 👎, worst first: most 👎 net of 👍, then most 👎. */
  worstCards: CardRating[];
}

type Json = Record<string, unknown>;

/** Counts by key, with the most frequent first and ties in first-seen order. */
class Tally {
  private readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  sorted(): Array<[string, number]> {
    return [...this.counts].sort((a, b) => b[1] - a[1]);
  }
}

interface QueryGroup {
  forms: Tally;
  count: number;
  askers: Set<string>;
  reasons: Tally;
  lastSeen: string | null;
}

interface VoteGroup {
  up: number;
  down: number;
  missed: Tally;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A feedback line's report, or null for any other line. Lines from before votes carried a `kind` count as votes. */
function feedbackOf(line: Json): Json | null {
  const feedback = line.feedback;
  if (!isObject(feedback)) return null;
  if (feedback.kind === 'no_match' && typeof feedback.query === 'string') return feedback;
  if ((feedback.kind === 'vote' || feedback.kind === undefined) && (feedback.vote === 'up' || feedback.vote === 'down') && typeof feedback.card === 'string') {
    return { ...feedback, kind: 'vote' };
  }
  return null;
}

/** Reads log lines and tallies the feedback in them. */
export async function summarizeFeedback(lines: AsyncIterable<string> | Iterable<string>, titleOf: (card: string) => string): Promise<FeedbackSummary> {
  const summary: FeedbackSummary = { linesRead: 0, notJson: 0, votes: 0, unanswered: 0, from: null, to: null, topUnanswered: [], worstCards: [] };
  const queries = new Map<string, QueryGroup>();
  const cards = new Map<string, VoteGroup>();
  for await (const raw of lines) {
    if (raw.trim().length === 0) continue;
    summary.linesRead += 1;
    let line: unknown;
    try {
      line = JSON.parse(raw);
    } catch {
      line = undefined;
    }
    if (!isObject(line)) {
      summary.notJson += 1;
      continue;
    }
    const feedback = feedbackOf(line);
    if (!feedback) continue;
    const time = typeof line.time === 'string' ? line.time : null;
    if (time !== null) {
      if (summary.from === null || time < summary.from) summary.from = time;
      if (summary.to === null || time > summary.to) summary.to = time;
    }
    const query = typeof feedback.query === 'string' ? feedback.query : '';
    if (feedback.kind === 'no_match') {
      const key = foldPhrase(query);
      if (key.length === 0) continue;
      summary.unanswered += 1;
      const group = queries.get(key) ?? { forms: new Tally(), count: 0, askers: new Set<string>(), reasons: new Tally(), lastSeen: null };
      queries.set(key, group);
      group.count += 1;
      group.forms.add(query.trim());
      if (typeof feedback.user === 'string') group.askers.add(feedback.user);
      if (typeof feedback.reason === 'string') group.reasons.add(feedback.reason);
      if (time !== null && (group.lastSeen === null || time > group.lastSeen)) group.lastSeen = time;
    } else {
      summary.votes += 1;
      const card = feedback.card as string;
      const group = cards.get(card) ?? { up: 0, down: 0, missed: new Tally() };
      cards.set(card, group);
      if (feedback.vote === 'up') group.up += 1;
      else {
        group.down += 1;
        if (foldPhrase(query).length > 0) group.missed.add(query.trim());
      }
    }
  }
  summary.topUnanswered = [...queries.values()]
    .map((group) => ({
      query: group.forms.sorted()[0]![0],
      count: group.count,
      askers: group.askers.size,
      reasons: group.reasons.sorted().map(([reason]) => reason),
      lastSeen: group.lastSeen,
    }))
    .sort((a, b) => b.count - a.count || b.askers - a.askers);
  summary.worstCards = [...cards]
    .filter(([, group]) => group.down > 0)
    .map(([card, group]) => ({
      card,
      title: titleOf(card),
      up: group.up,
      down: group.down,
      missedQueries: group.missed.sorted().map(([query, count]) => ({ query, count })),
    }))
    .sort((a, b) => b.down - b.up - (a.down - a.up) || b.down - a.down || a.card.localeCompare(b.card));
  return summary;
}

const QUERY_CHARS = 70;
const MISSED_SHOWN = 3;
const shownQuery = (query: string) => `"${oneLineUserText(query, QUERY_CHARS)}"`;
const pad = (value: number | string, width: number) => String(value).padStart(width);

/** The summary as a person reads it in a terminal: the top `top` of each list. */
export function formatSummary(source: string, summary: FeedbackSummary, top: number): string {
  const out: string[] = [];
  const span = summary.from && summary.to ? `, ${summary.from} to ${summary.to}` : '';
  out.push(
    `Feedback in ${source}: ${summary.unanswered} unanswered question${summary.unanswered === 1 ? '' : 's'} and ${summary.votes} vote${summary.votes === 1 ? '' : 's'}${span}`,
  );
  out.push(`(${summary.linesRead} log lines read${summary.notJson > 0 ? `; ${summary.notJson} not JSON, skipped` : ''})`);
  if (summary.unanswered + summary.votes === 0) {
    out.push('', "No feedback lines found. Is this the bot's JSON log (not pretty-printed), written at LOG_LEVEL info or lower?");
    return out.join('\n');
  }

  out.push('', `Most frequent unanswered questions (top ${Math.min(top, summary.topUnanswered.length)} of ${summary.topUnanswered.length})`);
  if (summary.topUnanswered.length === 0) out.push('  none: every question got a card');
  else {
    out.push(`  ${pad('asked', 5)}  ${pad('people', 6)}  ${'why'.padEnd(15)}  question`);
    for (const q of summary.topUnanswered.slice(0, top)) {
      out.push(`  ${pad(q.count, 5)}  ${pad(q.askers, 6)}  ${(q.reasons[0] ?? '').replace(/_/g, ' ').padEnd(15)}  ${shownQuery(q.query)}`);
    }
  }

  out.push('', `Worst-rated cards (top ${Math.min(top, summary.worstCards.length)} of ${summary.worstCards.length} with a thumbs-down)`);
  if (summary.worstCards.length === 0) out.push('  none: no card got a thumbs-down');
  else {
    out.push(`  ${pad('down', 5)}  ${pad('up', 6)}  card`);
    for (const card of summary.worstCards.slice(0, top)) {
      out.push(`  ${pad(card.down, 5)}  ${pad(card.up, 6)}  ${card.title} (${card.card})`);
      const missed = card.missedQueries.slice(0, MISSED_SHOWN).map((m) => `${shownQuery(m.query)}${m.count > 1 ? ` x${m.count}` : ''}`);
      if (missed.length > 0) out.push(`  ${''.padStart(15)}  asked as: ${missed.join(', ')}`);
    }
  }
  return out.join('\n');
}

export interface ReportOptions {
  top: number;
  json: boolean;
}

/** `srm report <file|->`: 0 when the log was read, 1 when it could not be. */
export async function runReport(
  source: string,
  options: ReportOptions,
  io: { stdin: Readable; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const input = source === '-' ? io.stdin : createReadStream(source, { encoding: 'utf8' });
  // Titles only: the knowledge base, not the engine (its vocabulary and fuzzy indexes).
  const kb = openKnowledge();
  const titleOf = (key: string) => {
    const card = lookupCard(kb, key);
    return card ? cardTitle(card) : 'no such card any more';
  };
  let summary: FeedbackSummary;
  try {
    summary = await summarizeFeedback(createInterface({ input, crlfDelay: Infinity }), titleOf);
  } catch (error) {
    io.stderr.write(`srm report: cannot read ${source}: ${(error as Error).message}\n`);
    return 1;
  }
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ ...summary, topUnanswered: summary.topUnanswered.slice(0, options.top), worstCards: summary.worstCards.slice(0, options.top) })}\n`,
    );
  } else {
    io.stdout.write(`${formatSummary(source === '-' ? 'standard input' : source, summary, options.top)}\n`);
  }
  return 0;
}

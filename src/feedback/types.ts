import type { NoMatchReason } from '../engine/index.js';

/** Who reported, where: Slack ids as the request carried them. */
export interface Reporter {
  user?: string;
  /** A conversation id; one starting with D is a direct message with the bot. */
  channel?: string;
  team?: string;
}

/** A 👍/👎 on a card. */
export interface VoteReport extends Reporter {
  kind: 'vote';
  vote: 'up' | 'down';
  /** Card key ("s3.encryption"). */
  card: string;
  /** The question that produced the card, when the button carried it. */
  query?: string;
}

/** A question the bot had no card for. */
export interface NoMatchReport extends Reporter {
  kind: 'no_match';
  /** The question as people read it (Slack markup resolved). */
  query: string;
  reason: NoMatchReason;
  /** Card keys offered as "did you mean". */
  suggestions: string[];
  /** Where it was asked: the request type of the log line ("command /srm", "event app_mention"…). */
  source: string;
}

export type FeedbackReport = VoteReport | NoMatchReport;

/** A DM's text is private to the asker and the bot: it is never posted to the feedback channel. */
export const isDirectMessage = (report: Reporter): boolean => report.channel?.startsWith('D') ?? false;

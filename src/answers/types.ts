import type { SlackMessage } from '../cards/index.js';
import type { NoMatchReason } from '../engine/index.js';

/** What a request is answered with, whatever asked it. */
export interface Reply {
  message: SlackMessage;
  /** What it was answered with, for the request's log line: "s3.encryption", "no_match", "subcommand help", "quiz q-1 right". */
  match: string;
  /** Set when the question got no card: the feedback report carries it. */
  unanswered?: Unanswered;
}

/** A question that got no card, as the feedback reports carry it. */
export interface Unanswered {
  query: string;
  reason: NoMatchReason;
  suggestions: string[];
}

/**
 * What `/srm <text>` asks for. "help", "quiz" and "tip" are instructions only as the first word, and "help" only
 * on its own: "/srm help with iam" asks about IAM. "quiz" and "tip" take a subject: "/srm quiz s3",
 * "/srm tip for s3" (or "tip s3", "tip about rds patching").
 */
export type Subcommand = { kind: 'help' } | { kind: 'quiz'; subject: string } | { kind: 'tip'; subject: string } | { kind: 'question'; text: string };

import type { SlackMessage } from '../cards/index.js';
import type { NoMatchReason } from '../engine/index.js';
import type { InstallationOwner } from '../store/index.js';

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
 * What `/srm <text>` asks for. "help", "stats", "quiz" and "tip" are instructions only as the first word, and
 * "help" and "stats" only on their own: "/srm help with iam" asks about IAM. "quiz" and "tip" take a subject:
 * "/srm quiz s3", "/srm tip for s3" (or "tip s3", "tip about rds patching"). "tips here", "tips off",
 * "leaderboard here" and "leaderboard off", with nothing after them, (un)subscribe the channel to a scheduled post.
 */
export type Subcommand =
  | { kind: 'help' }
  | { kind: 'stats' }
  | { kind: 'quiz'; subject: string }
  | { kind: 'tip'; subject: string }
  | { kind: 'channel'; post: 'tip' | 'leaderboard'; on: boolean }
  | { kind: 'question'; text: string };

/** Where a command was typed, as the surface knows it: a channel, or a direct conversation. */
export interface Conversation {
  id: string;
  /** A DM or a group DM: scheduled posts go to channels only. */
  direct: boolean;
}

/** OAuth mode: the installation that answers the asker's workspace (whose token will post). */
export interface AskerInstallation {
  owner: InstallationOwner;
  enterprise: string | null;
}

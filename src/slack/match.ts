import type { Context } from '@slack/bolt';
import type { Reply, Unanswered } from '../answers/index.js';

/**
 * Records what a request was answered with, for its log line ("s3.encryption", "no_match", "subcommand help"),
 * and a question that got no card, for the feedback report (middleware/reportUnanswered.ts).
 */
export function noteMatch(context: Context, reply: Pick<Reply, 'match' | 'unanswered'> | string): void {
  if (typeof reply === 'string') {
    context.match = reply;
    return;
  }
  context.match = reply.match;
  if (reply.unanswered) context.unanswered = reply.unanswered;
}

export const unansweredIn = (context: Context): Unanswered | undefined => context.unanswered as Unanswered | undefined;

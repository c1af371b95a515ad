import { renderFeedbackReport, type SlackMessage } from '../cards/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../logger.js';
import { slackErrorCode } from '../slackApi/errors.js';
import { TokenBucket } from './tokenBucket.js';
import { isDirectMessage, type FeedbackReport } from './types.js';

/** Posts a message to a channel (chat.postMessage with the bot's token); throws what the Web API throws. */
export type PostMessage = (message: SlackMessage & { channel: string }) => Promise<unknown>;

export interface FeedbackReporter {
  /** Logs the report and, when a feedback channel is set and the rate allows, posts it there. Never throws. */
  report(report: FeedbackReport, post: PostMessage): Promise<void>;
}

export interface FeedbackReporterOptions {
  kb: KnowledgeBase;
  log: Logger;
  /** FEEDBACK_CHANNEL; null: log lines only. */
  channel: string | null;
  /** Posts a minute at most (and in one burst) before further reports go to the log only. */
  perMinute: number;
  now?: () => number;
}

/** The log line's message per kind, for people reading the logs; `srm report` reads the `feedback` object. */
const FEEDBACK_LOG_MESSAGES = { vote: 'card feedback', no_match: 'unanswered query' } as const;

/** How a report left the process: only as a log line, also to the channel, or dropped from the channel by the rate limit. */
type Delivery = 'log' | 'channel' | 'rate_limited';

/**
 * Every report becomes one structured log line (the record `srm report` reads). With a feedback channel, it is
 * also posted there, through a token bucket per process so a burst of votes or junk questions cannot flood the
 * channel; what the bucket drops is counted, logged, and announced with the next report that gets through.
 */
export function createFeedbackReporter({ kb, log, channel, perMinute, now = Date.now }: FeedbackReporterOptions): FeedbackReporter {
  const bucket = new TokenBucket(perMinute, now);
  let droppedSincePost = 0;
  let droppedTotal = 0;

  return {
    async report(report, post) {
      const delivery: Delivery = channel === null ? 'log' : bucket.take() ? 'channel' : 'rate_limited';
      log.info({ feedback: { ...report, dm: isDirectMessage(report), delivery } }, FEEDBACK_LOG_MESSAGES[report.kind]);
      if (channel === null) return;
      if (delivery === 'rate_limited') {
        droppedSincePost += 1;
        droppedTotal += 1;
        if (droppedSincePost === 1) {
          log.warn({ per_minute: perMinute, dropped_total: droppedTotal }, 'feedback channel rate limit reached: reports go to the log only until it refills');
        }
        return;
      }
      const dropped = droppedSincePost;
      droppedSincePost = 0;
      if (dropped > 0) log.info({ dropped, dropped_total: droppedTotal }, 'feedback channel: reports were dropped by the rate limit');
      try {
        await post({ channel, ...renderFeedbackReport(kb, report, { dropped }) });
      } catch (error) {
        log.warn({ channel, error: slackErrorCode(error), err: error }, 'could not post to the feedback channel (is the bot a member? /invite it there)');
      }
    },
  };
}

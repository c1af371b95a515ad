/**
 * The feedback loop: 👍/👎 votes and unanswered questions, reported to maintainers as log lines and, when
 * FEEDBACK_CHANNEL is set, as rate-limited messages in that channel.
 */
export { createFeedbackReporter, type FeedbackReporter, type PostMessage } from './reporter.js';
export { TokenBucket } from './tokenBucket.js';
export type { FeedbackReport, NoMatchReport, VoteReport } from './types.js';

/**
 * The feedback loop: 👍/👎 votes and unanswered questions, reported to maintainers as log lines and, when
 * FEEDBACK_CHANNEL is set, as rate-limited messages in that channel.
 */
export { createFeedbackReporter, type FeedbackReporter, type PostMessage } from './reporter.js';
export { TokenBucket } from './tokenBucket.js';
export { isDirectMessage, type FeedbackReport, type NoMatchReport, type Reporter, type VoteReport } from './types.js';

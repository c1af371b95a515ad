import type { Answers } from '../answers/index.js';
import type { FeedbackReporter } from '../feedback/index.js';
import type { Logger } from '../logger.js';

/** What every listener may use. New features add a field here and pass it from main.ts. */
export interface SlackDeps {
  /** Everything srm-bot answers (src/answers): listeners translate Bolt's arguments into its calls and back. */
  answers: Answers;
  log: Logger;
  /** Where votes and unanswered questions go: a log line each, and FEEDBACK_CHANNEL when set. */
  feedback: FeedbackReporter;
  /** FINDINGS_CHANNELS: where findings posted by other apps get a threaded reply; empty for none. */
  findingChannels: ReadonlySet<string>;
}

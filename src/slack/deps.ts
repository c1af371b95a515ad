import type { Engine } from '../engine/index.js';
import type { FeedbackReporter } from '../feedback/index.js';
import type { KnowledgeBase, Tip } from '../knowledge/index.js';
import type { Logger } from '../logger.js';

/** What every listener may use. New features add a field here and pass it from main.ts. */
export interface SlackDeps {
  kb: KnowledgeBase;
  engine: Engine;
  log: Logger;
  /** The tip App Home shows today; null when there is none. */
  todaysTip(): Tip | null;
  /** Where votes and unanswered questions go: a log line each, and FEEDBACK_CHANNEL when set. */
  feedback: FeedbackReporter;
}

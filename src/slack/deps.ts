import type { Engine } from '../engine/index.js';
import type { FeedbackReporter } from '../feedback/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import type { Logger } from '../logger.js';
import type { DailyTip } from '../tips/index.js';
import type { Answers } from './answers.js';

/** What every listener may use. New features add a field here and pass it from main.ts. */
export interface SlackDeps {
  kb: KnowledgeBase;
  engine: Engine;
  /** The card for a typed question (repeated ones from a cache) or for a button's value, as `srm ask` renders it. */
  answers: Answers;
  log: Logger;
  /** Today's tip (the one the tip channels get) for App Home and `/srm tip`; null when there is none. */
  todaysTip(): DailyTip | null;
  /** Where votes and unanswered questions go: a log line each, and FEEDBACK_CHANNEL when set. */
  feedback: FeedbackReporter;
  /** FINDINGS_CHANNELS: where findings posted by other apps get a threaded reply; empty for none. */
  findingChannels: ReadonlySet<string>;
}

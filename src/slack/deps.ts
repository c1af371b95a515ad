import type { Engine } from '../engine/index.js';
import type { KnowledgeBase, Tip } from '../knowledge/index.js';
import type { Logger } from '../logger.js';

/** A 👍/👎 on a card, as the feedback buttons report it. */
export interface Feedback {
  vote: 'up' | 'down';
  /** Card key ("s3.encryption"). */
  card: string;
  /** The question that produced the card, when the button carried it. */
  query?: string;
  user: string;
  channel?: string;
  team?: string;
}

/** What every listener may use. New features add a field here and pass it from main.ts. */
export interface SlackDeps {
  kb: KnowledgeBase;
  engine: Engine;
  log: Logger;
  /** The tip App Home shows today; null when there is none. */
  todaysTip(): Tip | null;
  /** Where votes go. The default (main.ts) writes a structured log line; a feedback channel can plug in here. */
  recordFeedback(feedback: Feedback): Promise<void>;
}

/** Writes each vote as one structured log line, for maintainers' reports. */
export const logFeedback = (log: Logger) => async (feedback: Feedback): Promise<void> => {
  log.info({ feedback }, 'card feedback');
};

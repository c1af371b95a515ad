import { renderAnswer, type SlackMessage } from '../cards/index.js';
import type { Engine } from '../engine/index.js';
import { answerToPostedFinding, isPostedFinding, type FindingChannels, type PostedMessage } from '../findings/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';

export interface FindingReply {
  message: SlackMessage;
  /** The control id or GuardDuty type answered, for the log line. */
  finding: string | undefined;
}

/** The threaded reply to a finding another app posted in an opted-in channel; null for every other message. */
export function replyToFinding(kb: KnowledgeBase, engine: Engine, message: PostedMessage, where: FindingChannels): FindingReply | null {
  if (!isPostedFinding(message, where)) return null;
  const answer = answerToPostedFinding(engine, message);
  return answer && { message: renderAnswer(kb, answer, { surface: 'message' }), finding: answer.finding?.id };
}

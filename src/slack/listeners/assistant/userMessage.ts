import type { AssistantUserMessageMiddleware } from '@slack/bolt';
import { oneLineUserText } from '../../../cards/index.js';
import type { Logger } from '../../../logger.js';
import { slackErrorCode } from '../../../slackApi/errors.js';
import type { SlackDeps } from '../../deps.js';
import { isFromPerson, postReply, understand, type IncomingMessage } from '../../reply.js';

/** Shown under the thread while the answer is on its way; Slack clears it when the answer is posted. */
export const LOOKING_IT_UP = 'is looking that up…';
/** Thread titles are a line in the agent view's history: the question, cut to fit. */
const TITLE_MAX_CHARS = 60;

/**
 * The status and title belong to the agent view: in a DM thread of a workspace without it Slack refuses them,
 * which must not keep the answer from being posted.
 */
async function bestEffort(log: Logger, what: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    log.debug({ error: slackErrorCode(error) }, `could not set the thread's ${what} (not an agent view thread?)`);
  }
}

/**
 * A question in an agent view thread (or any DM thread): a status while it is answered, the thread titled after
 * its first question, and the card in the thread, read as a follow-up of the thread's last card.
 */
export function userMessage(deps: SlackDeps): AssistantUserMessageMiddleware {
  return async ({ message, client, context, setStatus, setTitle }) => {
    const incoming = message as IncomingMessage;
    if (!isFromPerson(incoming, context)) return;
    // The status must be set before the answer is posted, or it would outlive it.
    const [, understood] = await Promise.all([bestEffort(deps.log, 'status', () => setStatus(LOOKING_IT_UP)), understand(deps, client, context, incoming)]);
    const title = understood.threadHadCard ? '' : oneLineUserText(understood.answer.readable, TITLE_MAX_CHARS);
    await Promise.all([
      title ? bestEffort(deps.log, 'title', () => setTitle(title)) : undefined,
      postReply(deps, client, incoming, understood.message, incoming.thread_ts),
    ]);
  };
}

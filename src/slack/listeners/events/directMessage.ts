import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { isFromPerson, replyWithAnswer, type IncomingMessage } from '../../reply.js';

/**
 * A DM to the bot: answered in the DM, in the thread when the question was asked in one. Bolt's Assistant
 * (listeners/assistant) takes a person's DMs in a thread before this listener sees them, agent view or not, and
 * answers them the same way with the agent view's status and title on top.
 */
export function directMessage(deps: SlackDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (event.channel_type !== 'im') return;
    const message = event as IncomingMessage;
    if (!isFromPerson(message, context)) return;
    await replyWithAnswer(deps, client, context, message, message.thread_ts);
  };
}

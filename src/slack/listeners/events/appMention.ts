import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { isFromPerson, replyWithAnswer } from '../../reply.js';

/** `@srm …` in a channel: answered in a thread under the question, or in the thread it was asked in. */
export function appMention(deps: SlackDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    // A mention inside the bot's DM also arrives as message.im, which answers it there.
    if (event.channel.startsWith('D') || !isFromPerson(event, context)) return;
    await replyWithAnswer(deps, client, context, event, event.thread_ts ?? event.ts);
  };
}

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { FINDING_REPLY_EVENT_TYPE, type PostedMessage } from '../../../answers/index.js';
import { NO_UNFURL } from '../../../slackApi/client.js';
import { slackErrorCode } from '../../../slackApi/errors.js';
import { postOnce } from '../../../slackApi/postOnce.js';
import type { SlackDeps } from '../../deps.js';

/**
 * A finding another app posted in a FINDINGS_CHANNELS channel: the card that says who acts, once, in its thread.
 * Slack retries an event it thinks went unanswered, and two replicas may both get it: the reply carries message
 * metadata naming the finding, and postOnce looks for it in the thread before and after posting.
 */
export function findingPosted(deps: SlackDeps) {
  return async ({ event, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    const message = event as unknown as PostedMessage;
    const card = deps.answers.findingReply(message, { channels: deps.findingChannels, botId: context.botId, botUserId: context.botUserId });
    if (!card) return;
    const where = { channel: message.channel, finding_ts: message.ts, finding: card.finding };
    try {
      const { posted } = await postOnce({
        find: async () => {
          const thread = await client.conversations.replies({ channel: message.channel, ts: message.ts, include_all_metadata: true, limit: 200 });
          return (thread.messages ?? [])
            .filter((m) => m.ts && m.bot_id === context.botId && m.metadata?.event_type === FINDING_REPLY_EVENT_TYPE)
            .map((m) => m.ts!);
        },
        post: async () => {
          const reply = await client.chat.postMessage({
            channel: message.channel,
            thread_ts: message.ts,
            ...card.message,
            ...NO_UNFURL,
            metadata: { event_type: FINDING_REPLY_EVENT_TYPE, event_payload: { finding_ts: message.ts } },
          });
          return reply.ts!;
        },
        remove: async (ts, kept) => {
          try {
            await client.chat.delete({ channel: message.channel, ts });
            deps.log.info({ ...where, ts, kept }, 'finding answered twice: removed the later reply');
          } catch (error) {
            // Another replica removed it first.
            if (slackErrorCode(error) !== 'message_not_found')
              deps.log.warn({ ...where, ts, error: slackErrorCode(error) }, 'finding answered twice and the later reply could not be removed');
          }
        },
        recheckFailed: (error) => deps.log.warn({ ...where, error: slackErrorCode(error) }, 'finding answered, but the check for a duplicate reply failed'),
      });
      deps.log.info({ ...where, outcome: posted ? 'replied' : 'already_replied' }, 'finding answered');
    } catch (error) {
      deps.log.warn({ ...where, error: slackErrorCode(error), err: error }, 'could not answer the finding');
    }
  };
}

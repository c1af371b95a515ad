import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerChoice, noteMatch, NO_UNFURL } from '../../answers.js';
import type { SlackDeps } from '../../deps.js';
import { explainSlackError, slackErrorCode } from '../../slackErrors.js';
import { clicked, STALE_BUTTON } from './clicked.js';

/**
 * "Share in channel" on an ephemeral answer: posts the same card for everyone, saying who shared it, then
 * removes the private copy. Ephemeral clicks carry no message, so the card is rebuilt from the button's value.
 * When Slack refuses the post (bot not in the channel, archived…), the clicker is told why and how to fix it.
 */
export function shareCard(deps: SlackDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    const answered = answerChoice(deps, click.value, { surface: 'message', sharedBy: click.user });
    noteMatch(args.context, answered?.answer ?? 'stale');
    if (!answered || click.channel === undefined) {
      await args.respond({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON });
      return;
    }
    try {
      await args.client.chat.postMessage({
        channel: click.channel,
        ...(click.threadTs && { thread_ts: click.threadTs }),
        ...answered.message,
        ...NO_UNFURL,
      });
    } catch (error) {
      deps.log.warn({ channel: click.channel, user: click.user, error: slackErrorCode(error), err: error }, 'could not share the card');
      await args.respond({ response_type: 'ephemeral', replace_original: false, text: explainSlackError(error) });
      return;
    }
    await args.respond({ delete_original: true });
  };
}

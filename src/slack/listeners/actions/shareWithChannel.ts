import type { SlackMessage } from '../../../cards/index.js';
import { postCard } from '../../../slackApi/client.js';
import { explainSlackError, slackErrorCode } from '../../../slackApi/errors.js';
import type { SlackDeps } from '../../deps.js';
import { tellClicker, type ActionArgs, type Clicked } from './clicked.js';

/**
 * Posts what was private to the clicker for everyone in the conversation (in the thread it was asked in), then
 * removes the private copy. When Slack refuses the post (bot not in the channel, archived…), the clicker is told
 * why and how to fix it, and the private copy stays.
 */
export async function shareWithChannel(
  deps: SlackDeps,
  args: ActionArgs,
  click: Clicked & { channel: string },
  message: SlackMessage,
  what: string,
): Promise<void> {
  try {
    await postCard(args.client, click.channel, message, click.threadTs);
  } catch (error) {
    deps.log.warn({ channel: click.channel, user: click.user, error: slackErrorCode(error), err: error }, `could not share the ${what}`);
    await tellClicker(args, explainSlackError(error));
    return;
  }
  await args.respond({ delete_original: true });
}

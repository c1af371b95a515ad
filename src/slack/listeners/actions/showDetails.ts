import { noteMatch } from '../../match.js';
import { postCard } from '../../../slackApi/client.js';
import { explainSlackError, slackErrorCode } from '../../../slackApi/errors.js';
import type { SlackDeps } from '../../deps.js';
import { clicked, STALE_BUTTON, tellClicker, type ActionArgs } from './clicked.js';

/**
 * "Details" on a compact answer: the full card.
 * - On an ephemeral answer it replaces the answer in place: only the clicker sees it, and one card stays one card.
 * - On a message everyone sees (channel, thread, DM) it is posted in that message's thread, so the conversation
 *   keeps the short answer and whoever wants more opens the thread.
 * Ephemeral clicks carry no message, so the card is rebuilt from the button's value in both cases.
 */
export function showDetails(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    const answered = deps.answers.choice(click.value, { surface: click.ephemeral ? 'ephemeral' : 'message' });
    noteMatch(args.context, answered ?? 'stale');
    if (!answered) {
      await tellClicker(args, STALE_BUTTON);
      return;
    }
    const thread = click.threadTs ?? click.messageTs;
    if (click.ephemeral || click.channel === undefined || thread === undefined) {
      await args.respond({ response_type: 'ephemeral', replace_original: click.ephemeral, ...answered.message });
      return;
    }
    try {
      await postCard(args.client, click.channel, answered.message, thread);
    } catch (error) {
      deps.log.warn({ channel: click.channel, user: click.user, error: slackErrorCode(error), err: error }, 'could not post the details');
      await tellClicker(args, explainSlackError(error));
    }
  };
}

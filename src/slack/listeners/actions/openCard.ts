import { noteMatch } from '../../match.js';
import { postCard } from '../../../slackApi/client.js';
import { slackErrorCode } from '../../../slackApi/errors.js';
import type { SlackDeps } from '../../deps.js';
import { clicked, STALE_BUTTON, tellClicker, type ActionArgs } from './clicked.js';

/**
 * A related-topic, did-you-mean, learn-more button or a browse menu: shows the card it names.
 * - On an ephemeral card the card itself changes (only the clicker sees it anyway).
 * - On a message everyone sees, the clicker gets the new card ephemerally: the shared message stays as it was.
 * - In App Home (no response_url) the card arrives in the app's DM with the clicker.
 */
export function openCard(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    if (click.inView) {
      const answered = deps.answers.choice(click.value, { surface: 'message' });
      noteMatch(args.context, answered ?? 'stale');
      try {
        await postCard(args.client, click.user, answered?.message ?? { text: STALE_BUTTON });
      } catch (error) {
        deps.log.warn({ user: click.user, error: slackErrorCode(error), err: error }, 'could not send the card to the DM');
      }
      return;
    }
    const answered = deps.answers.choice(click.value, { surface: 'ephemeral' });
    noteMatch(args.context, answered ?? 'stale');
    if (!answered) {
      await tellClicker(args, STALE_BUTTON);
      return;
    }
    await args.respond({ response_type: 'ephemeral', replace_original: click.ephemeral, ...answered.message });
  };
}

import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { noteMatch } from '../../match.js';
import type { SlackDeps } from '../../deps.js';
import { slackErrorCode } from '../../../slackApi/errors.js';

/** callback_id of the "Ask srm-bot" message shortcut, as manifest.yml declares it. */
export const ASK_SHORTCUT_ID = 'srm_ask';

/** "Ask srm-bot" on any message: answers about that message's text, privately to the person who asked. */
export function askAboutMessage(deps: SlackDeps) {
  return async ({ shortcut, ack, respond, context }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const answered = deps.answers.question(shortcut.message.text ?? '', { surface: 'ephemeral' });
    noteMatch(context, answered);
    try {
      await respond({ response_type: 'ephemeral', ...answered.message });
    } catch (error) {
      deps.log.warn({ user: shortcut.user.id, channel: shortcut.channel.id, error: slackErrorCode(error), err: error }, 'could not answer the shortcut');
    }
  };
}

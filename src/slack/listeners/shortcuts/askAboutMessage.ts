import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { noteMatch } from '../../answers.js';
import type { SlackDeps } from '../../deps.js';
import { slackErrorCode } from '../../../slackApi/errors.js';

/** callback_id of the "Ask srm-bot" message shortcut, as manifest.yml declares it. */
export const ASK_SHORTCUT_ID = 'srm_ask';

/** "Ask srm-bot" on any message: answers about that message's text, privately to the person who asked. */
export function askAboutMessage(deps: SlackDeps) {
  return async ({ shortcut, ack, respond, context }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const { answer, message } = deps.answers.text(shortcut.message.text ?? '', { surface: 'ephemeral' });
    noteMatch(context, answer);
    try {
      await respond({ response_type: 'ephemeral', ...message });
    } catch (error) {
      deps.log.warn({ user: shortcut.user.id, channel: shortcut.channel.id, error: slackErrorCode(error), err: error }, 'could not answer the shortcut');
    }
  };
}

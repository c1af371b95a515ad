import type { AssistantThreadStartedMiddleware } from '@slack/bolt';
import { slackErrorCode } from '../../../slackApi/errors.js';
import type { SlackDeps } from '../../deps.js';

/** Someone opened srm-bot in the agent view: offer questions to start from. */
export function threadStarted(deps: SlackDeps): AssistantThreadStartedMiddleware {
  return async ({ setSuggestedPrompts, event }) => {
    try {
      await setSuggestedPrompts({ title: 'Ask who secures what', prompts: deps.answers.startPrompts() });
    } catch (error) {
      deps.log.warn({ channel: event.assistant_thread.channel_id, error: slackErrorCode(error), err: error }, 'could not set the suggested prompts');
    }
  };
}

import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { slackErrorCode } from '../../../slackApi/errors.js';

/** Publishes the Home tab each time someone opens it, so it always shows today's tip. */
export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: deps.answers.home() });
    } catch (error) {
      deps.log.warn({ user: event.user, error: slackErrorCode(error), err: error }, 'could not publish the home view');
    }
  };
}

import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { unansweredIn } from '../answers.js';
import type { SlackDeps } from '../deps.js';
import { postWith } from '../feedback.js';
import { describeRequest } from './requestLog.js';

/**
 * Reports every question that got no card, whatever the surface (/srm, a mention, a DM, the message shortcut),
 * once its listener has answered: the listeners only say what they answered with (noteMatch).
 */
export function reportUnanswered(deps: SlackDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, client, next }) => {
    await next();
    const unanswered = unansweredIn(context);
    if (!unanswered || unanswered.query.trim().length === 0) return;
    const { type, user, channel, team } = describeRequest(body as Record<string, any>);
    await deps.feedback.report({ kind: 'no_match', ...unanswered, source: type, user, channel, team }, postWith(client));
  };
}

import { unansweredIn } from '../match.js';
import type { SlackDeps } from '../deps.js';
import { postWith } from '../feedback.js';
import type { AfterRequest } from './requestLog.js';

/**
 * Reports every question that got no card, whatever the surface (/srm, a mention, a DM, the message shortcut),
 * once its listener has answered: the listeners only say what they answered with (noteMatch).
 */
export function reportUnanswered(deps: SlackDeps): AfterRequest {
  return async ({ fields: { type, user, channel, team }, context, client }) => {
    const unanswered = unansweredIn(context);
    if (!unanswered) return;
    await deps.feedback.report({ kind: 'no_match', ...unanswered, source: type, user, channel, team }, postWith(client));
  };
}

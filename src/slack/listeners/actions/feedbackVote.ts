import type { SlackDeps } from '../../deps.js';
import { postWith } from '../../feedback.js';
import { noteMatch } from '../../match.js';
import { clicked, STALE_BUTTON, tellClicker, type ActionArgs } from './clicked.js';

/** 👍/👎 on a card: the voter is thanked privately, and the vote reported to maintainers (deps.feedback). */
export function feedbackVote(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    const vote = deps.answers.vote(click.value);
    noteMatch(args.context, vote?.match ?? 'stale');
    if (!vote) {
      await tellClicker(args, STALE_BUTTON);
      return;
    }
    await tellClicker(args, vote.thanks);
    // After the thanks: a slow feedback channel must not keep the voter waiting.
    await deps.feedback.report({ ...vote.record, user: click.user, channel: click.channel, team: click.team }, postWith(args.client));
  };
}

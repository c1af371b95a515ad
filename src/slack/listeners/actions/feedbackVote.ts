import { parseButtonPayload, voteThanks } from '../../../cards/index.js';
import { cardKeyTitle, parseCardKey } from '../../../knowledge/index.js';
import { noteMatch } from '../../answers.js';
import type { SlackDeps } from '../../deps.js';
import { postWith } from '../../feedback.js';
import { clicked, STALE_BUTTON, tellClicker, type ActionArgs } from './clicked.js';

/** 👍/👎 on a card: the voter is thanked privately, and the vote reported to maintainers (deps.feedback). */
export function feedbackVote(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    const payload = parseButtonPayload(click.value);
    const key = payload && parseCardKey(payload.k);
    if (!payload?.vote || !key) {
      noteMatch(args.context, 'stale');
      await tellClicker(args, STALE_BUTTON);
      return;
    }
    noteMatch(args.context, `vote ${payload.vote} ${payload.k}`);
    await tellClicker(args, voteThanks(cardKeyTitle(deps.kb, key), payload.vote));
    // After the thanks: a slow feedback channel must not keep the voter waiting.
    await deps.feedback.report(
      { kind: 'vote', vote: payload.vote, card: payload.k, query: payload.q, user: click.user, channel: click.channel, team: click.team },
      postWith(args.client),
    );
  };
}

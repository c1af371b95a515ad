import { parseButtonPayload } from '../../../cards/index.js';
import { parseCardKey } from '../../../knowledge/index.js';
import { noteMatch } from '../../answers.js';
import type { SlackDeps } from '../../deps.js';
import { postWith } from '../../feedback.js';
import { clicked, STALE_BUTTON, tellClicker, type ActionArgs } from './clicked.js';

const THANKS = { up: ':thumbsup: Thanks! Glad', down: ':thumbsdown: Thanks for telling me. Sorry' } as const;

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
    const title = deps.engine.title(key);
    const text = payload.vote === 'up'
      ? `${THANKS.up} *${title}* helped. Your vote was recorded.`
      : `${THANKS.down} *${title}* missed. Your vote was recorded and helps us improve the card.`;
    await tellClicker(args, text);
    // After the thanks: a slow feedback channel must not keep the voter waiting.
    await deps.feedback.report(
      { kind: 'vote', vote: payload.vote, card: payload.k, query: payload.q, user: click.user, channel: click.channel, team: click.team },
      postWith(args.client),
    );
  };
}

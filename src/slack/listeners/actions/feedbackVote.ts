import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseButtonPayload } from '../../../cards/index.js';
import { parseCardKey } from '../../../knowledge/index.js';
import { noteMatch } from '../../answers.js';
import type { SlackDeps } from '../../deps.js';
import { clicked, STALE_BUTTON } from './clicked.js';

const THANKS = { up: ':thumbsup: Thanks! Glad', down: ':thumbsdown: Thanks for telling me. Sorry' } as const;

/** 👍/👎 on a card: recorded through deps.recordFeedback, and the voter is thanked privately. */
export function feedbackVote(deps: SlackDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    const payload = parseButtonPayload(click.value);
    const key = payload && parseCardKey(payload.k);
    if (!payload?.vote || !key) {
      noteMatch(args.context, 'stale');
      await args.respond({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON });
      return;
    }
    noteMatch(args.context, `vote ${payload.vote} ${payload.k}`);
    await deps.recordFeedback({
      vote: payload.vote,
      card: payload.k,
      ...(payload.q !== undefined && { query: payload.q }),
      user: click.user,
      ...(click.channel && { channel: click.channel }),
      ...(click.team && { team: click.team }),
    });
    const title = deps.engine.title(key);
    const text = payload.vote === 'up'
      ? `${THANKS.up} *${title}* helped. Your vote was recorded.`
      : `${THANKS.down} *${title}* missed. Your vote was recorded and helps us improve the card.`;
    await args.respond({ response_type: 'ephemeral', replace_original: false, text });
  };
}

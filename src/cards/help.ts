import type { KnownBlock } from '@slack/types';
import { actions, bulletList, button, header, section } from './blocks.js';
import { emoji } from './emoji.js';
import { EXAMPLE_QUERIES } from './examples.js';
import { footer } from './parts.js';
import { ACTION_IDS, actionId, type SlackMessage } from './types.js';

/** Example questions as buttons: a click opens the card the question is an example of. */
export function exampleButtons(blockId: string, count: number): KnownBlock {
  return actions(
    blockId,
    EXAMPLE_QUERIES.slice(0, count).map((example, i) =>
      button({ text: example.query, actionId: actionId(ACTION_IDS.open, i + 1), payload: { k: example.key, q: example.query } }),
    ),
  );
}

/** Every way to reach the bot, for the help card and App Home alike. */
export const WAYS_TO_ASK = [
  '`/srm &lt;question&gt;` anywhere — only you see the answer, and a button shares it with the channel',
  'Mention `@srm-bot &lt;question&gt;` in a channel — everyone there sees the answer',
  'Send me a direct message — just type the question',
];

const MORE_COMMANDS = [
  "`/srm tip` — today's security tip",
  "`/srm quiz` — one quick “who's responsible?” question",
  '`/srm stats` — your quiz streak and score, and how many on your team took part (only you see it)',
  '`/srm tips here` or `/srm leaderboard here` in a channel — the daily tip or the weekly quiz leaderboard there (`off` stops it)',
  '`/srm help` — this message',
];

export const WHAT_SRM_BOT_DOES =
  'Ask me who is responsible for a security task on an AWS service: *AWS* (security _of_ the cloud) or *you* ' +
  '(security _in_ the cloud). I answer with a card: the split for that service, best practices, common mistakes ' +
  'and a way to check your own setup.';

/** The first example as typed after `/srm`: "who patches the database engine on RDS?". */
const slashExample = (): string => {
  const query = EXAMPLE_QUERIES[0]?.query ?? '';
  return query.charAt(0).toLowerCase() + query.slice(1);
};

export function renderHelp(): SlackMessage {
  return {
    text: `srm-bot answers who secures what on AWS under the Shared Responsibility Model. Try: /srm ${slashExample()}`,
    blocks: [
      header(`${emoji('wave')} srm-bot: who secures what on AWS`),
      section(WHAT_SRM_BOT_DOES),
      section(`${emoji('point_right')} *Try one*`),
      exampleButtons('srm_examples', 4),
      section(`${emoji('speech_balloon')} *Ways to ask*\n${bulletList(WAYS_TO_ASK)}`),
      section(`${emoji('bulb')} *More*\n${bulletList(MORE_COMMANDS)}`),
      footer({ surface: 'message' }),
    ],
  };
}

import type { AssistantThreadStartedMiddleware } from '@slack/bolt';
import { EXAMPLE_QUERIES, tipCardKey } from '../../../cards/index.js';
import { cardKeyTitle, type KnowledgeBase, type Tip } from '../../../knowledge/index.js';
import { slackErrorCode } from '../../../slackApi/errors.js';
import type { SlackDeps } from '../../deps.js';

/** Slack shows at most four suggested prompts. */
const PROMPTS_MAX = 4;

interface Prompt {
  title: string;
  message: string;
}

/** Today's tip's subject first (what the tip channels are reading today), then example questions of other cards. */
function suggestedPrompts(kb: KnowledgeBase, tip: Tip | null): Prompt[] {
  const subject = tip ? cardKeyTitle(kb, tip) : null;
  const tipPrompt = tip && subject ? [{ title: `Today's tip: ${subject}`, message: `Who is responsible for ${subject}?` }] : [];
  const examples = EXAMPLE_QUERIES.filter((example) => !tip || example.key !== tipCardKey(tip)).map(({ query }) => ({ title: query, message: query }));
  return [...tipPrompt, ...examples].slice(0, PROMPTS_MAX);
}

/** Someone opened srm-bot in the agent view: offer questions to start from. */
export function threadStarted(deps: SlackDeps): AssistantThreadStartedMiddleware {
  return async ({ setSuggestedPrompts, event }) => {
    try {
      await setSuggestedPrompts({ title: 'Ask who secures what', prompts: suggestedPrompts(deps.kb, deps.todaysTip()?.tip ?? null) });
    } catch (error) {
      deps.log.warn({ channel: event.assistant_thread.channel_id, error: slackErrorCode(error), err: error }, 'could not set the suggested prompts');
    }
  };
}

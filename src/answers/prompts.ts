import { EXAMPLE_QUERIES, tipCardKey } from '../cards/index.js';
import { cardKeyTitle, type KnowledgeBase, type Tip } from '../knowledge/index.js';

/** Slack shows at most four suggested prompts. */
const PROMPTS_MAX = 4;

export interface Prompt {
  title: string;
  message: string;
}

/** Questions to start a conversation from: today's tip's subject first (what the tip channels read today), then example questions of other cards. */
export function startPrompts(kb: KnowledgeBase, tip: Tip | null): Prompt[] {
  const subject = tip ? cardKeyTitle(kb, tip) : null;
  const tipPrompt = tip && subject ? [{ title: `Today's tip: ${subject}`, message: `Who is responsible for ${subject}?` }] : [];
  const examples = EXAMPLE_QUERIES.filter((example) => !tip || example.key !== tipCardKey(tip)).map(({ query }) => ({ title: query, message: query }));
  return [...tipPrompt, ...examples].slice(0, PROMPTS_MAX);
}

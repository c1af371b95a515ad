import { renderAnswer, renderForTerminal } from '../cards/index.js';
import { createEngine } from '../engine/index.js';
import { openKnowledge } from '../knowledge/index.js';

/** What `srm ask --json` prints: the match and exactly the message a slash command would receive. */
export interface AskJson {
  query: string;
  match: { service: string | null; topic: string | null; title: string } | null;
  suggestions: { service: string | null; topic: string | null; title: string }[];
  text: string;
  blocks: unknown[];
}

const cardRef = (m: { service: string | null; topic: string | null; title: string }) => ({ service: m.service, topic: m.topic, title: m.title });

export function runAsk(query: string, options: { json: boolean }, out: NodeJS.WriteStream): number {
  const kb = openKnowledge();
  const answer = createEngine(kb).answer(query);
  const message = renderAnswer(kb, answer, { surface: 'ephemeral' });
  if (options.json) {
    const result: AskJson = {
      query,
      match: answer.match ? cardRef(answer.match) : null,
      suggestions: answer.suggestions.map(cardRef),
      text: message.text,
      blocks: message.blocks,
    };
    out.write(`${JSON.stringify(result)}\n`);
  } else {
    out.write(`${renderForTerminal(message, { color: Boolean(out.isTTY) })}\n`);
  }
  return 0;
}

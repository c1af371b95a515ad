import { createAsking } from '../answers/ask.js';
import { renderForTerminal } from '../cards/terminal.js';
import { compileRegexpsToMachineCode, openEngine, type FindingNote } from '../engine/index.js';
import { cardProvenance, openKnowledge } from '../knowledge/index.js';

/**
 * What `srm ask --json` prints: the match, exactly the message a slash command would receive (the compact answer),
 * and beside it the blocks "Details" opens (null for help and refusals, which have no details).
 */
export interface AskJson {
  query: string;
  /**
   * The card answered with, how sure the engine is of it (0–1: how far it stands above the runner-up) and the
   * cards it offers as "or did you mean".
   */
  match: (CardRef & { confidence: number; alternatives: CardRef[]; verifiedOn: string | null; sources: string[] }) | null;
  /** An AWS service the question named that has no card yet. */
  notCovered: string | null;
  /** The Security Hub control or GuardDuty finding the question named (docs/findings.md). */
  finding: FindingNote | null;
  suggestions: CardRef[];
  text: string;
  blocks: unknown[];
  details: unknown[] | null;
}

interface CardRef {
  service: string | null;
  topic: string | null;
  title: string;
}

const cardRef = (m: CardRef): CardRef => ({ service: m.service, topic: m.topic, title: m.title });

export function runAsk(query: string, options: { json: boolean }, out: NodeJS.WriteStream): number {
  compileRegexpsToMachineCode();
  const kb = openKnowledge();
  // Asking alone: the quiz, tips and App Home of the whole answers layer are modules a cold start would load for nothing.
  const answers = createAsking(kb, openEngine(kb));
  // The terminal has no buttons to press, so it shows the whole card at once.
  const { message: full } = answers.question(query, { surface: 'ephemeral', length: 'full' });
  if (options.json) {
    const { answer, message } = answers.question(query, { surface: 'ephemeral' });
    const result: AskJson = {
      query,
      match: answer.match
        ? {
            ...cardRef(answer.match),
            confidence: Number((answer.confidence ?? 1).toFixed(3)),
            alternatives: (answer.alternatives ?? []).map(cardRef),
            ...(cardProvenance(kb, answer.match) ?? { verifiedOn: null, sources: [] }),
          }
        : null,
      notCovered: answer.uncovered ?? null,
      finding: answer.finding ?? null,
      suggestions: answer.suggestions.map(cardRef),
      text: message.text,
      blocks: message.blocks,
      details: answer.kind === 'card' && answer.match ? full.blocks : null,
    };
    out.write(`${JSON.stringify(result)}\n`);
  } else {
    out.write(`${renderForTerminal(full, { color: Boolean(out.isTTY) })}\n`);
  }
  return 0;
}

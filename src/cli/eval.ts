import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { openEngine, type Engine } from '../engine/index.js';
import { formatCardKey, openKnowledge } from '../knowledge/index.js';

const labelledQuery = z.object({
  q: z.string(),
  via: z.enum(['slash', 'mention', 'dm']).optional(),
  service: z.string().nullable(),
  topic: z.string().nullable(),
  none: z.boolean(),
});

export interface EvalReport {
  inDomain: number;
  correct: number;
  outOfDomain: number;
  refused: number;
  /** A card for the wrong service or topic with no "or did you mean" offered: the answer someone acts on. */
  confidentWrong: number;
  /** A wrong card that offered alternatives: the asker was told the bot was unsure. */
  hedged: number;
  /** Answers that said the service named has no card yet. */
  notCovered: number;
  misses: string[];
}

/** Scores the engine on a labelled .jsonl file (the format of the shared eval set). */
export function evaluate(file: string, engine: Engine = openEngine(openKnowledge())): EvalReport {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0);
  const report: EvalReport = { inDomain: 0, correct: 0, outOfDomain: 0, refused: 0, confidentWrong: 0, hedged: 0, notCovered: 0, misses: [] };
  lines.forEach((line, index) => {
    const parsed = labelledQuery.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file} line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const item = parsed.data;
    const { match, alternatives = [], uncovered } = engine.answer(item.q);
    if (uncovered) report.notCovered++;
    const offered = alternatives.length > 0 ? ` (or ${alternatives.map(formatCardKey).join(', ')})` : '';
    const got = match ? `${formatCardKey(match) || '(none)'}${offered}` : 'no match';
    const wrongCard = () => {
      if (alternatives.length > 0) report.hedged++;
      else report.confidentWrong++;
    };
    if (item.none) {
      report.outOfDomain++;
      if (match === null) report.refused++;
      else {
        wrongCard();
        report.misses.push(`${JSON.stringify(item.q)}: expected no match, got ${got}`);
      }
      return;
    }
    report.inDomain++;
    const expected = formatCardKey({ service: item.service as never, topic: item.topic as never });
    if (match && match.service === item.service && match.topic === item.topic) report.correct++;
    else {
      if (match) wrongCard();
      report.misses.push(`${JSON.stringify(item.q)}: expected ${expected}, got ${got}`);
    }
  });
  return report;
}

const percent = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

export function formatReport(file: string, r: EvalReport): string {
  return [
    `eval ${file}: ${r.inDomain + r.outOfDomain} queries`,
    `  strict top-1 (service and topic right): ${r.correct}/${r.inDomain} = ${percent(r.correct, r.inDomain)}`,
    `  out-of-domain refused:                 ${r.refused}/${r.outOfDomain} = ${percent(r.refused, r.outOfDomain)}`,
    `  confident wrong (no alternative):      ${r.confidentWrong}/${r.inDomain + r.outOfDomain} = ${percent(r.confidentWrong, r.inDomain + r.outOfDomain)}`,
    `  wrong but hedged (alternative offered): ${r.hedged}`,
    `  not covered yet (service has no card): ${r.notCovered}`,
    ...(r.misses.length > 0 ? ['  misses:', ...r.misses.map((m) => `    - ${m}`)] : []),
  ].join('\n');
}

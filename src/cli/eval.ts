import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createEngine } from '../engine/index.js';
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
  confidentWrong: number;
  misses: string[];
}

/** Scores the engine on a labelled .jsonl file (the format of the shared eval set). */
export function evaluate(file: string): EvalReport {
  const engine = createEngine(openKnowledge());
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim().length > 0);
  const report: EvalReport = { inDomain: 0, correct: 0, outOfDomain: 0, refused: 0, confidentWrong: 0, misses: [] };
  lines.forEach((line, index) => {
    const parsed = labelledQuery.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file} line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const item = parsed.data;
    const { match } = engine.answer(item.q);
    const got = match ? formatCardKey(match) || '(none)' : 'no match';
    if (item.none) {
      report.outOfDomain++;
      if (match === null) report.refused++;
      else {
        report.confidentWrong++;
        report.misses.push(`${JSON.stringify(item.q)}: expected no match, got ${got}`);
      }
      return;
    }
    report.inDomain++;
    const expected = formatCardKey({ service: item.service as never, topic: item.topic as never });
    if (match && match.service === item.service && match.topic === item.topic) report.correct++;
    else {
      if (match) report.confidentWrong++;
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
    `  confident wrong answers:               ${r.confidentWrong}`,
    ...(r.misses.length > 0 ? ['  misses:', ...r.misses.map((m) => `    - ${m}`)] : []),
  ].join('\n');
}

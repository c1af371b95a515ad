/**
 * `npm run bench:matchers`: the candidate matchers for a question's subject, side by side on labelled sets, each
 * learning from the same example questions and reading the same words (service names removed by the resolver):
 * the average of the softmax regression and naive Bayes that the engine ranks with, each of the two alone, fuse.js's token
 * search (TF-IDF) over the examples, and BM25 over the examples. Only the subject is scored (topic, concept or
 * "the service as a whole"), on in-domain questions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { questionFeatures, primaryService } from '../src/engine/features.js';
import { normalizeSlackText } from '../src/engine/normalize.js';
import { resolveTerms } from '../src/engine/resolve.js';
import { createSpellingCorrector } from '../src/engine/spelling.js';
import { learnEngineState } from '../src/engine/state.js';
import { logisticRanker } from '../src/engine/logistic.js';
import { DEFAULT_MODEL_TUNING, topicModelFromCounts } from '../src/engine/topicModel.js';
import { labelledTexts, type Subject } from '../src/engine/training.js';
import { buildVocabulary } from '../src/engine/vocabulary.js';
import { openKnowledge, packageRoot } from '../src/knowledge/index.js';

const kb = openKnowledge();
const state = learnEngineState(kb);
const vocabulary = buildVocabulary(kb, new Map(state.exampleWords));
const speller = createSpellingCorrector(vocabulary.knownWords);
const bayes = topicModelFromCounts(state.counts);
const regressionRanker = logisticRanker(state.logistic, DEFAULT_MODEL_TUNING.temperature);
const regression = topicModelFromCounts(state.counts, { ...DEFAULT_MODEL_TUNING, ranking: 'logistic' }, regressionRanker);
const blend = topicModelFromCounts(state.counts, { ...DEFAULT_MODEL_TUNING, ranking: 'blend' }, regressionRanker);
const read = (text: string) => resolveTerms(normalizeSlackText(text).words, vocabulary, speller);

const examples = labelledTexts(kb)
  .filter((t) => t.weight === 1 && t.label !== 'none')
  .map((t) => ({ label: t.label, words: read(t.text).content }));

const fuse = new Fuse(
  examples.map((e) => ({ label: e.label, text: e.words.join(' ') })),
  { keys: ['text'], useTokenSearch: true, includeScore: true },
);

const K1 = 1.2;
const B = 0.75;
const documentFrequency = new Map<string, number>();
for (const { words } of examples) for (const w of new Set(words)) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
const averageLength = examples.reduce((n, e) => n + e.words.length, 0) / examples.length;
function bm25(query: readonly string[]): Subject | null {
  const byLabel = new Map<Subject, number>();
  for (const { label, words } of examples) {
    let score = 0;
    for (const term of new Set(query)) {
      const tf = words.filter((w) => w === term).length;
      if (tf === 0) continue;
      const df = documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (examples.length - df + 0.5) / (df + 0.5));
      score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * words.length) / averageLength));
    }
    if (score > (byLabel.get(label) ?? 0)) byLabel.set(label, score);
  }
  return [...byLabel].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The subject a topic model ranks first, as the engine asks it: "the service as a whole" only when one is named. */
const ranking = (model: typeof bayes) => (text: string, service: boolean) => {
  const resolution = read(text);
  const labels = model
    .posterior(questionFeatures(resolution, kb))
    .ranked.map((r) => r.label)
    .filter((l) => l !== 'none' && (service || l !== 'service'));
  return resolution.content.length === 0 && service ? 'service' : (labels[0] ?? null);
};

const matchers: Record<string, (text: string, service: boolean) => Subject | null> = {
  'naive Bayes and regression averaged (engine)': ranking(blend),
  'softmax regression': ranking(regression),
  'naive Bayes': ranking(bayes),
  'fuse.js token search': (text, service) => {
    const words = read(text).content;
    if (words.length === 0) return service ? 'service' : null;
    return fuse.search(words.join(' ')).find((r) => service || r.item.label !== 'service')?.item.label ?? null;
  },
  BM25: (text, service) => {
    const words = read(text).content;
    return words.length === 0 ? (service ? 'service' : null) : bm25(words);
  },
};

const root = packageRoot();
const sets = [
  ['seen: dev + holdouts', ['../shared/eval/dev.jsonl', 'eval/holdout.jsonl', 'eval/holdout2.jsonl', 'eval/holdout3.jsonl']],
  ['sealed set-01', ['../shared/eval/sealed/set-01.jsonl']],
  ['sealed set-02', ['../shared/eval/sealed/set-02.jsonl']],
  ['written for first contact: fresh-05 to fresh-08', ['eval/fresh-05.jsonl', 'eval/fresh-06.jsonl', 'eval/fresh-07.jsonl', 'eval/fresh-08.jsonl']],
] as const;
for (const [name, files] of sets) {
  const items = files
    .map((f) => join(root, f))
    .filter(existsSync)
    .flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { q: string; service: string | null; topic: string | null; none: boolean }),
    )
    .filter((i) => !i.none && (i.service !== null || i.topic !== null));
  if (items.length === 0) continue;
  const scores = Object.entries(matchers).map(([label, match]) => {
    const right = items.filter((i) => {
      const service = primaryService(read(i.q), kb) !== null;
      return match(i.q, service) === (i.topic ?? 'service');
    }).length;
    return `${label} ${((100 * right) / items.length).toFixed(1)}%`;
  });
  console.log(`${name} (${items.length} questions, subject right): ${scores.join('  ·  ')}`);
}

/**
 * A multinomial naive Bayes model over a question's features, learned from the knowledge's example questions,
 * aliases and card text. It scores the whole question at once, so no single cue word decides it; and it knows
 * how sure it is, which the answer's confidence and its "or did you mean" come from.
 */

export interface TrainingDocument<L extends string> {
  label: L;
  features: readonly string[];
  /** How much the document counts: an example question 1, a card's own prose less. */
  weight: number;
}

export interface Posterior<L extends string> {
  /** Labels with their probability, most likely first. */
  ranked: { label: L; p: number }[];
  /** How many of the question's features the model has seen in training: 0 means it knows nothing of it. */
  known: number;
  /**
   * How much more likely the question's words are under the best label than under all labels pooled, in nats,
   * counting only the words that favour it: words every subject uses ("best", "set up") add nothing, so small
   * talk scores near 0 however it ranks.
   */
  relevance: number;
}

export interface TopicModel<L extends string> {
  readonly vocabulary: ReadonlySet<string>;
  posterior(features: readonly string[], labels?: readonly L[]): Posterior<L>;
}

export interface ModelTuning {
  /** Additive smoothing: how much an unseen feature is believed possible for a label. */
  smoothing: number;
  /**
   * Naive Bayes multiplies one likelihood per feature as if they were independent; word stems and the pairs
   * and phrases made of them are not, so its raw probabilities are far too sure. Dividing the log-odds by this
   * spreads them back out.
   */
  temperature: number;
}

export const DEFAULT_MODEL_TUNING: ModelTuning = { smoothing: 0.1, temperature: 3 };

export function trainTopicModel<L extends string>(documents: readonly TrainingDocument<L>[], tuning: ModelTuning = DEFAULT_MODEL_TUNING): TopicModel<L> {
  const { smoothing, temperature } = tuning;
  const counts = new Map<L, Map<string, number>>();
  const vocabulary = new Set<string>();
  for (const { label, features, weight } of documents) {
    let table = counts.get(label);
    if (!table) counts.set(label, (table = new Map()));
    for (const feature of features) {
      table.set(feature, (table.get(feature) ?? 0) + weight);
      vocabulary.add(feature);
    }
  }
  // Each label's likelihoods are estimated from its own total: a label with few examples is not penalised for
  // it, and the prior over labels is uniform (how often a topic appears in the knowledge says nothing of how
  // often people ask about it).
  const logLikelihood = new Map<L, Map<string, number>>();
  const logUnseen = new Map<L, number>();
  for (const [label, table] of counts) {
    let total = 0;
    for (const n of table.values()) total += n;
    const denominator = Math.log(total + smoothing * vocabulary.size);
    const logs = new Map<string, number>();
    for (const [feature, n] of table) logs.set(feature, Math.log(n + smoothing) - denominator);
    logLikelihood.set(label, logs);
    logUnseen.set(label, Math.log(smoothing) - denominator);
  }
  const allLabels = [...counts.keys()];
  const pooled = new Map<string, number>();
  let pooledTotal = 0;
  for (const table of counts.values()) {
    for (const [feature, n] of table) {
      pooled.set(feature, (pooled.get(feature) ?? 0) + n);
      pooledTotal += n;
    }
  }
  const pooledDenominator = Math.log(pooledTotal + smoothing * vocabulary.size);
  const logPooled = (feature: string) => Math.log((pooled.get(feature) ?? 0) + smoothing) - pooledDenominator;

  function posterior(features: readonly string[], labels: readonly L[] = allLabels): Posterior<L> {
    const seen = features.filter((f) => vocabulary.has(f));
    const scored = labels
      .filter((label) => logLikelihood.has(label))
      .map((label) => {
        const logs = logLikelihood.get(label)!;
        const unseen = logUnseen.get(label)!;
        let score = 0;
        for (const feature of seen) score += logs.get(feature) ?? unseen;
        return { label, score: score / temperature };
      });
    const top = Math.max(...scored.map((s) => s.score));
    const exps = scored.map((s) => ({ label: s.label, e: Math.exp(s.score - top) }));
    const sum = exps.reduce((acc, s) => acc + s.e, 0);
    const ranked = exps.map(({ label, e }) => ({ label, p: e / sum })).sort((a, b) => b.p - a.p);
    const bestLogs = ranked[0] ? logLikelihood.get(ranked[0].label) : undefined;
    let relevance = 0;
    if (bestLogs) for (const feature of seen) relevance += Math.max(0, (bestLogs.get(feature) ?? logUnseen.get(ranked[0]!.label)!) - logPooled(feature));
    return { ranked, known: seen.length, relevance };
  }

  return { vocabulary, posterior };
}

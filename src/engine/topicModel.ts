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

/**
 * Ranks the labels asked about by their probability for the question's features, given as rows of the stored
 * counts' `features` (those the model knows), most likely first (logistic.ts).
 */
export type LabelRanker<L extends string> = (rows: readonly number[], labels: readonly L[]) => { label: L; p: number }[];

export interface TopicModel<L extends string> {
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
  /**
   * Which model ranks the labels: regression (logistic.ts), naive Bayes itself, or the two averaged. They err
   * differently (naive Bayes trusts every word as independent evidence, the regression weighs words against each
   * other and leans to what its examples over-represent), so their average is right more often than either.
   */
  ranking: 'blend' | 'logistic' | 'bayes';
}

export const DEFAULT_MODEL_TUNING: ModelTuning = { smoothing: 0.1, temperature: 3, ranking: 'blend' };

/**
 * What training learns, in a form that can be stored: per feature and label, how much weight it got. Restoring a
 * model from it skips reading every training document again (the build stores it beside the knowledge snapshot).
 */
export interface ModelCounts<L extends string> {
  labels: L[];
  features: string[];
  /** One row per feature, in the order of `features`; one column per label, in the order of `labels`. */
  counts: Float32Array;
}

/** Each (label, feature, weight) a document contributes, as indexes into the labels and features in order of first use. */
export interface Tally<L extends string> {
  labels: L[];
  features: string[];
  seen: { label: number; row: number; weight: number }[];
}

export function tallyFeatures<L extends string>(documents: readonly TrainingDocument<L>[]): Tally<L> {
  const labels: L[] = [];
  const features: string[] = [];
  const featureIndex = new Map<string, number>();
  const seen: Tally<L>['seen'] = [];
  for (const { label, features: docFeatures, weight } of documents) {
    let labelIndex = labels.indexOf(label);
    if (labelIndex < 0) labelIndex = labels.push(label) - 1;
    for (const feature of docFeatures) {
      let index = featureIndex.get(feature);
      if (index === undefined) {
        index = features.push(feature) - 1;
        featureIndex.set(feature, index);
      }
      seen.push({ label: labelIndex, row: index, weight });
    }
  }
  return { labels, features, seen };
}

export function countFeatures<L extends string>(documents: readonly TrainingDocument<L>[]): ModelCounts<L> {
  const { labels, features, seen } = tallyFeatures(documents);
  const counts = new Float32Array(features.length * labels.length);
  for (const { label, row, weight } of seen) counts[row * labels.length + label]! += weight;
  return { labels, features, counts };
}

/**
 * The model from stored counts. With a `ranker` (see logistic.ts), the labels are ranked by it, or by its average
 * with naive Bayes when `tuning.ranking` is 'blend'; naive Bayes always says how much of the question it knows and
 * how relevant its words are.
 */
export function topicModelFromCounts<L extends string>(
  stored: ModelCounts<L>,
  tuning: ModelTuning = DEFAULT_MODEL_TUNING,
  ranker?: LabelRanker<L>,
): TopicModel<L> {
  const { smoothing, temperature } = tuning;
  const { labels: allLabels, features } = stored;
  const labelCount = allLabels.length;
  const featureIndex = new Map<string, number>(features.map((f, i) => [f, i]));
  // One row per feature, one column per label: a question's score is a few row sums.
  const { counts } = stored;
  const pooledCounts = new Float64Array(features.length);
  const totals = new Float64Array(labelCount);
  for (let row = 0; row < features.length; row++) {
    for (let label = 0; label < labelCount; label++) {
      const weight = counts[row * labelCount + label]!;
      pooledCounts[row]! += weight;
      totals[label]! += weight;
    }
  }
  // Each label's likelihoods are estimated from its own total: a label with few examples is not penalised for
  // it, and the prior over labels is uniform (how often a topic appears in the knowledge says nothing of how
  // often people ask about it).
  const denominators = Array.from(totals, (total) => Math.log(total + smoothing * features.length));
  const logLikelihood = (row: number, label: number) => Math.log(counts[row * labelCount + label]! + smoothing) - denominators[label]!;
  const pooledTotal = totals.reduce((a, b) => a + b, 0);
  const logPooled = (row: number) => Math.log(pooledCounts[row]! + smoothing) - Math.log(pooledTotal + smoothing * features.length);
  const labelIndex = new Map(allLabels.map((label, i) => [label, i]));

  const rankWith = (regression: { label: L; p: number }[], bayes: { label: L; p: number }[]) => {
    if (tuning.ranking !== 'blend') return regression;
    const bayesP = new Map(bayes.map(({ label, p }) => [label, p]));
    return regression.map(({ label, p }) => ({ label, p: (p + (bayesP.get(label) ?? 0)) / 2 })).sort((a, b) => b.p - a.p);
  };

  function posterior(questionFeatures: readonly string[], labels: readonly L[] = allLabels): Posterior<L> {
    const rows = questionFeatures.map((f) => featureIndex.get(f)).filter((row): row is number => row !== undefined);
    const scored = labels
      .filter((label) => labelIndex.has(label))
      .map((label) => {
        const column = labelIndex.get(label)!;
        let score = 0;
        for (const row of rows) score += logLikelihood(row, column);
        return { label, column, score: score / temperature };
      });
    const top = Math.max(...scored.map((s) => s.score));
    const exps = scored.map((s) => ({ label: s.label, e: Math.exp(s.score - top) }));
    const sum = exps.reduce((acc, s) => acc + s.e, 0);
    const bayes = exps.map(({ label, e }) => ({ label, p: e / sum })).sort((a, b) => b.p - a.p);
    const ranked = ranker
      ? rankWith(
          ranker(
            rows,
            scored.map((s) => s.label),
          ),
          bayes,
        )
      : bayes;
    let relevance = 0;
    // Relevance is naive Bayes's own measure, read at its own best label: the refusal thresholds were set on it.
    const best = bayes[0] && labelIndex.get(bayes[0].label);
    if (best !== undefined) for (const row of rows) relevance += Math.max(0, logLikelihood(row, best) - logPooled(row));
    return { ranked, known: rows.length, relevance };
  }

  return { posterior };
}

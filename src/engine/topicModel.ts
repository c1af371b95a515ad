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
  /** Sorted (see `countFeatures`): a question's features are found by binary search. */
  features: FeatureList;
  /** One row per feature, in the order of `features`; one column per label, in the order of `labels`. */
  counts: Float32Array;
  /** Each label's column summed: stored, so that opening the model does not sum every row again. */
  totals: number[];
  /**
   * Fills the rows of `counts` (and of the regression's weights) that a question's features name, when the tables
   * are read from disk row by row (state.ts); absent when they are all in memory.
   */
  loadRows?: (rows: readonly number[]) => void;
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

/**
 * The counts, their features sorted: a question's features are then found by binary search, and opening the model
 * builds no index of its tens of thousands of features, which cost a cold `srm ask` more than answering does.
 */
export function countFeatures<L extends string>(documents: readonly TrainingDocument<L>[]): ModelCounts<L> & { features: string[] } {
  const { labels, features: firstUse, seen } = tallyFeatures(documents);
  const { features, rowOf } = sortedFeatures(firstUse);
  const counts = new Float32Array(features.length * labels.length);
  const totals = labels.map(() => 0);
  for (const { label, row, weight } of seen) {
    counts[rowOf[row]! * labels.length + label]! += weight;
    totals[label]! += weight;
  }
  return { labels, features, counts, totals };
}

/** Features in first-use order, sorted, with the sorted row of each first-use row. */
export function sortedFeatures(firstUse: readonly string[]): { features: string[]; rowOf: Int32Array } {
  const order = firstUse.map((_, row) => row).sort((a, b) => compareFeatures(firstUse[a]!, firstUse[b]!));
  const rowOf = new Int32Array(firstUse.length);
  order.forEach((firstUseRow, sortedRow) => {
    rowOf[firstUseRow] = sortedRow;
  });
  return { features: order.map((row) => firstUse[row]!), rowOf };
}

const compareFeatures = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The features of a model, each read by its row: an array when learnt, its stored lines when read from disk. */
export interface FeatureList {
  readonly length: number;
  at(row: number): string | undefined;
}

/**
 * Features stored one a line (state.ts), each cut out when a lookup reads it: splitting the tens of thousands of
 * lines into strings at once cost a cold `srm ask` about ten milliseconds, for the few dozen a question reads.
 */
export function featureLines(text: string): FeatureList {
  const starts: number[] = text.length > 0 ? [0] : [];
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) starts.push(end + 1);
  return {
    length: starts.length,
    at: (row) => (row >= 0 && row < starts.length ? text.slice(starts[row], row + 1 < starts.length ? starts[row + 1]! - 1 : undefined) : undefined),
  };
}

/** The row of a feature in features sorted by `compareFeatures`, or undefined. */
export function rowOfFeature(features: FeatureList, feature: string): number | undefined {
  let low = 0;
  let high = features.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compareFeatures(features.at(middle)!, feature);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
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
  // One row per feature, one column per label: a question's score is a few row sums.
  const { counts, totals } = stored;
  const pooledCount = (row: number) => {
    let sum = 0;
    for (let label = 0; label < labelCount; label++) sum += counts[row * labelCount + label]!;
    return sum;
  };
  // Each label's likelihoods are estimated from its own total: a label with few examples is not penalised for
  // it, and the prior over labels is uniform (how often a topic appears in the knowledge says nothing of how
  // often people ask about it).
  const denominators = Array.from(totals, (total) => Math.log(total + smoothing * features.length));
  const logLikelihood = (row: number, label: number) => Math.log(counts[row * labelCount + label]! + smoothing) - denominators[label]!;
  const pooledTotal = totals.reduce((a, b) => a + b, 0);
  const logPooled = (row: number) => Math.log(pooledCount(row) + smoothing) - Math.log(pooledTotal + smoothing * features.length);
  const labelIndex = new Map(allLabels.map((label, i) => [label, i]));

  const rankWith = (regression: { label: L; p: number }[], bayes: { label: L; p: number }[]) => {
    if (tuning.ranking !== 'blend') return regression;
    const bayesP = new Map(bayes.map(({ label, p }) => [label, p]));
    return regression.map(({ label, p }) => ({ label, p: (p + (bayesP.get(label) ?? 0)) / 2 })).sort((a, b) => b.p - a.p);
  };

  function posterior(questionFeatures: readonly string[], labels: readonly L[] = allLabels): Posterior<L> {
    const rows = questionFeatures.map((f) => rowOfFeature(features, f)).filter((row): row is number => row !== undefined);
    stored.loadRows?.(rows);
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

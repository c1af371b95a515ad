import type { LabelRanker, TrainingDocument } from './topicModel.js';

/**
 * Softmax (multinomial logistic) regression over the same features and training documents as the naive Bayes
 * model. Naive Bayes counts every word as independent evidence, so the stems, pairs and markers of one phrase
 * vote several times and a subject with many example words outvotes the question; regression learns how much
 * each feature adds *given the others*, and a word it never saw adds nothing instead of a smoothing penalty.
 * Measured on questions the engine had never met, it ranks the subject right 5–7 points more often
 * (docs/engine.md, "Candidates side by side").
 */
export interface LogisticWeights<L extends string> {
  labels: L[];
  bias: number[];
  /**
   * Per feature, in the order of the naive Bayes counts' `features` (both read the same documents in the same
   * order, so a question's feature rows serve both): one weight per label, in the order of `labels`.
   */
  weights: Float32Array;
}

interface TrainingOptions {
  /** Passes over the training documents. */
  epochs: number;
  /** AdaGrad's step size. */
  rate: number;
  /** L2 penalty: keeps a feature seen in one example from deciding alone. */
  penalty: number;
  /** Trainings from scratch, each visiting the documents in its own orders, whose weights are averaged. */
  orders: number;
}

const TRAINING: TrainingOptions = { epochs: 10, rate: 0.3, penalty: 1e-4, orders: 4 };

/** FNV-1a: a document's place in each training order comes from its own text, not from where it stands in the list. */
function hash32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * Training visits the documents in a shuffled order, the same at every build so answers do not drift. Each document's
 * place is a hash of its own words and the pass: an example added or removed moves only itself, where a shuffle of the
 * list by position reordered every document after it and moved answers far from the change.
 */
function hashedOrder<T extends { key: string }>(items: readonly T[], pass: number): T[] {
  return items
    .map((item) => ({ item, at: hash32(`${pass}:${item.key}`) }))
    .sort((a, b) => a.at - b.at || (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0))
    .map(({ item }) => item);
}

function softmax(scores: Float64Array): Float64Array {
  const top = Math.max(...scores);
  let sum = 0;
  const out = scores.map((s) => {
    const e = Math.exp(s - top);
    sum += e;
    return e;
  });
  return out.map((e) => e / sum);
}

/** One training's weights and bias, with the sums of their squared gradients that scale AdaGrad's steps. */
interface Learner {
  weights: Float64Array;
  weightSquares: Float64Array;
  bias: Float64Array;
  biasSquares: Float64Array;
}

const newLearner = (features: number, width: number): Learner => ({
  weights: new Float64Array(features * width),
  weightSquares: new Float64Array(features * width).fill(1e-8),
  bias: new Float64Array(width),
  biasSquares: new Float64Array(width).fill(1e-8),
});

/** One AdaGrad step of the softmax regression on one document (its feature rows, its label's index, its weight). */
function learnFrom(learner: Learner, featureRows: readonly number[], truth: number, weight: number, options: TrainingOptions): void {
  const { weights, weightSquares, bias, biasSquares } = learner;
  const width = bias.length;
  const scores = Float64Array.from(bias);
  for (const row of featureRows) for (let k = 0; k < width; k++) scores[k]! += weights[row * width + k]!;
  const p = softmax(scores);
  for (let k = 0; k < width; k++) {
    const gradient = weight * (p[k]! - (k === truth ? 1 : 0));
    biasSquares[k]! += gradient * gradient;
    bias[k]! -= (options.rate * gradient) / Math.sqrt(biasSquares[k]!);
    for (const row of featureRows) {
      const at = row * width + k;
      const g = gradient + options.penalty * weights[at]!;
      weightSquares[at]! += g * g;
      weights[at]! -= (options.rate * g) / Math.sqrt(weightSquares[at]!);
    }
  }
}

const addInto = (sum: Float64Array, values: Float64Array) => {
  for (let i = 0; i < values.length; i++) sum[i]! += values[i]!;
};

export function trainLogistic<L extends string>(
  documents: readonly TrainingDocument<L>[],
  features: readonly string[],
  options: TrainingOptions = TRAINING,
): LogisticWeights<L> {
  const labels = [...new Set(documents.map((d) => d.label))];
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const width = labels.length;
  const featureIndex = new Map(features.map((f, i) => [f, i]));
  const rows = documents
    .filter((d) => d.features.length > 0)
    .map((d) => ({
      rows: d.features.map((f) => featureIndex.get(f)!),
      truth: labelIndex.get(d.label)!,
      weight: d.weight,
      key: `${d.label} ${d.features.join(' ')}`,
    }));

  // The weights returned are the average over the second half of training (averaged SGD), and over several
  // trainings in different orders: the last step alone swings with the order of the final documents, and one
  // order alone with where a document lands in it, so one example added anywhere moved unrelated answers.
  const sumWeights = new Float64Array(featureIndex.size * width);
  const sumBias = new Float64Array(width);
  let averaged = 0;
  for (let order = 0; order < options.orders; order++) {
    const learner = newLearner(featureIndex.size, width);
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (const { rows: featureRows, truth, weight } of hashedOrder(rows, order * options.epochs + epoch + 1)) {
        learnFrom(learner, featureRows, truth, weight, options);
      }
      if (epoch >= options.epochs / 2) {
        addInto(sumWeights, learner.weights);
        addInto(sumBias, learner.bias);
        averaged++;
      }
    }
  }
  return { labels, bias: Array.from(sumBias, (b) => b / averaged), weights: Float32Array.from(sumWeights, (w) => w / averaged) };
}

/**
 * `temperature` divides the scores as it does naive Bayes's (topicModel.ts): regression is as sure of itself on a
 * question unlike its examples as on one like them, and the engine's thresholds for answering alone, hedging and
 * refusing read probabilities on that softer scale.
 */
export function logisticRanker<L extends string>(stored: LogisticWeights<L>, temperature: number): LabelRanker<L> {
  const width = stored.labels.length;
  const labelIndex = new Map(stored.labels.map((l, i) => [l, i]));
  const { weights } = stored;
  return (rows, labels) => {
    const scores = Float64Array.from(stored.bias);
    for (const row of rows) for (let k = 0; k < width; k++) scores[k]! += weights[row * width + k]!;
    const asked = labels.filter((l) => labelIndex.has(l));
    const p = softmax(Float64Array.from(asked, (l) => scores[labelIndex.get(l)!]! / temperature));
    return asked.map((label, i) => ({ label, p: p[i]! })).sort((a, b) => b.p - a.p);
  };
}

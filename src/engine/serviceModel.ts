import type { ServiceId } from '../knowledge/index.js';
import { rowOfFeature, sortedFeatures, tallyFeatures, type ModelTuning, type TrainingDocument } from './topicModel.js';

/**
 * Which service a question's words are about, learnt from the texts of each service's cards: naive Bayes over
 * their stems. It only ever chooses among the few services a question names, so it is stored sparse: a service's
 * texts use a few hundred of the thousands of words all of them use, and a dense table would grow with services ×
 * words (hundreds of megabytes for a knowledge base of 10,000 entries).
 */
export interface ServiceCounts {
  labels: ServiceId[];
  /** Sorted, as the topic model's are (rowOfFeature). */
  features: string[];
  /**
   * (label index, feature index, weight) triples, one per word a service's texts use, sorted by label and then by
   * feature: opening the model then indexes nothing, and a count is found by binary search.
   */
  entries: Float32Array;
}

export interface ServiceModel {
  /** The services asked about, most likely first, with their probability among them. */
  rank(stems: readonly string[], candidates: readonly ServiceId[]): { label: ServiceId; p: number }[];
}

export function countServiceWords(documents: readonly TrainingDocument<ServiceId>[]): ServiceCounts {
  const { labels, features: firstUse, seen } = tallyFeatures(documents);
  const { features, rowOf } = sortedFeatures(firstUse);
  const weights = new Map<number, number>();
  for (const { label, row, weight } of seen) {
    const key = label * features.length + rowOf[row]!;
    weights.set(key, (weights.get(key) ?? 0) + weight);
  }
  const keys = [...weights.keys()].sort((a, b) => a - b);
  const entries = new Float32Array(keys.length * 3);
  for (const [i, key] of keys.entries()) entries.set([Math.floor(key / features.length), key % features.length, weights.get(key)!], i * 3);
  return { labels, features, entries };
}

export function serviceModelFromCounts({ labels, features, entries }: ServiceCounts, { smoothing, temperature }: ModelTuning): ServiceModel {
  // Where each label's entries begin, and its total: one pass over the triples.
  const starts = new Int32Array(labels.length + 1).fill(-1);
  const totals = new Float64Array(labels.length);
  for (let at = 0, entry = 0; at < entries.length; at += 3, entry++) {
    const label = entries[at]!;
    if (starts[label] === -1) starts[label] = entry;
    totals[label]! += entries[at + 2]!;
  }
  const entryCount = entries.length / 3;
  starts[labels.length] = entryCount;
  for (let label = labels.length - 1; label >= 0; label--) if (starts[label] === -1) starts[label] = starts[label + 1]!;
  const count = (label: number, row: number): number => {
    let low = starts[label]!;
    let high = starts[label + 1]! - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const feature = entries[middle * 3 + 1]!;
      if (feature === row) return entries[middle * 3 + 2]!;
      if (feature < row) low = middle + 1;
      else high = middle - 1;
    }
    return 0;
  };
  const labelIndex = new Map(labels.map((label, i) => [label, i]));

  function rank(stems: readonly string[], candidates: readonly ServiceId[]) {
    const rows = stems.map((s) => rowOfFeature(features, s)).filter((row): row is number => row !== undefined);
    const scored = candidates
      .filter((label) => labelIndex.has(label))
      .map((label) => {
        const column = labelIndex.get(label)!;
        const denominator = Math.log(totals[column]! + smoothing * features.length);
        let score = 0;
        for (const row of rows) score += Math.log(count(column, row) + smoothing) - denominator;
        return { label, score: score / temperature };
      });
    const top = Math.max(...scored.map((s) => s.score));
    const exps = scored.map(({ label, score }) => ({ label, e: Math.exp(score - top) }));
    const sum = exps.reduce((acc, s) => acc + s.e, 0);
    return exps.map(({ label, e }) => ({ label, p: e / sum })).sort((a, b) => b.p - a.p);
  }

  return { rank };
}

import type { ServiceId } from '../knowledge/index.js';
import { tallyFeatures, type ModelTuning, type TrainingDocument } from './topicModel.js';

/**
 * Which service a question's words are about, learnt from the texts of each service's cards: naive Bayes over
 * their stems. It only ever chooses among the few services a question names, so it is stored sparse: a service's
 * texts use a few hundred of the thousands of words all of them use, and a dense table would grow with services ×
 * words (hundreds of megabytes for a knowledge base of 10,000 entries).
 */
export interface ServiceCounts {
  labels: ServiceId[];
  features: string[];
  /** (label index, feature index, weight) triples, one per word a service's texts use. */
  entries: Float32Array;
}

export interface ServiceModel {
  /** The services asked about, most likely first, with their probability among them. */
  rank(stems: readonly string[], candidates: readonly ServiceId[]): { label: ServiceId; p: number }[];
}

export function countServiceWords(documents: readonly TrainingDocument<ServiceId>[]): ServiceCounts {
  const { labels, features, seen } = tallyFeatures(documents);
  const weights = new Map<string, number>();
  for (const { label, row, weight } of seen) {
    const key = `${label} ${row}`;
    weights.set(key, (weights.get(key) ?? 0) + weight);
  }
  const entries = new Float32Array(weights.size * 3);
  let at = 0;
  for (const [key, weight] of weights) {
    const [label, feature] = key.split(' ').map(Number);
    entries.set([label!, feature!, weight], at);
    at += 3;
  }
  return { labels, features, entries };
}

export function serviceModelFromCounts({ labels, features, entries }: ServiceCounts, { smoothing, temperature }: ModelTuning): ServiceModel {
  const featureIndex = new Map(features.map((f, i) => [f, i]));
  const counts = labels.map(() => new Map<number, number>());
  const totals = new Float64Array(labels.length);
  for (let at = 0; at < entries.length; at += 3) {
    const label = entries[at]!;
    counts[label]!.set(entries[at + 1]!, entries[at + 2]!);
    totals[label]! += entries[at + 2]!;
  }
  const labelIndex = new Map(labels.map((label, i) => [label, i]));

  function rank(stems: readonly string[], candidates: readonly ServiceId[]) {
    const rows = stems.map((s) => featureIndex.get(s)).filter((row): row is number => row !== undefined);
    const scored = candidates
      .filter((label) => labelIndex.has(label))
      .map((label) => {
        const column = labelIndex.get(label)!;
        const denominator = Math.log(totals[column]! + smoothing * features.length);
        let score = 0;
        for (const row of rows) score += Math.log((counts[column]!.get(row) ?? 0) + smoothing) - denominator;
        return { label, score: score / temperature };
      });
    const top = Math.max(...scored.map((s) => s.score));
    const exps = scored.map(({ label, score }) => ({ label, e: Math.exp(score - top) }));
    const sum = exps.reduce((acc, s) => acc + s.e, 0);
    return exps.map(({ label, e }) => ({ label, p: e / sum })).sort((a, b) => b.p - a.p);
  }

  return { rank };
}

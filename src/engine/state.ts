import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot, type KnowledgeBase } from '../knowledge/index.js';
import { trainLogistic, type LogisticWeights } from './logistic.js';
import { countServiceWords, type ServiceCounts } from './serviceModel.js';
import { countFeatures, type ModelCounts } from './topicModel.js';
import { commonWords, exampleWordCounts, labelledTexts, trainingDocuments, type Subject } from './training.js';
import { buildVocabulary } from './vocabulary.js';

/**
 * Everything the engine learns from the knowledge, ready to store: reading ~7,000 example questions, aliases
 * and card sentences through the resolver takes a few hundred milliseconds, too long for `srm ask` to pay at
 * every start. The build stores it; a process uses it only when both the knowledge and the engine's own code
 * are what it was built from.
 */
export interface EngineState {
  exampleWords: [string, number][];
  commonWords: string[];
  counts: ModelCounts<Subject>;
  logistic: LogisticWeights<Subject>;
  /** Per service with a card, how often each word of its cards' texts occurs (serviceModel.ts). */
  services: ServiceCounts;
}

/** What the build stores: the state, and what it was learnt from (the knowledge's and the engine's fingerprints). */
interface StoredEngineState extends EngineState {
  /** The topic model's features, one a line: a JSON array of tens of thousands of strings parses three times slower. */
  featureLines: string;
  fingerprint: string;
  /** How many numbers of the tables file are the service model's (the rest are the counts and the weights). */
  serviceEntries: number;
}

export function learnEngineState(kb: KnowledgeBase): EngineState {
  const texts = labelledTexts(kb);
  const exampleWords = exampleWordCounts(texts);
  const vocabulary = buildVocabulary(kb, exampleWords);
  const documents = trainingDocuments(kb, texts, vocabulary);
  const counts = countFeatures(documents.subjects);
  return {
    exampleWords: [...exampleWords],
    commonWords: [...commonWords(texts)],
    counts,
    logistic: trainLogistic(documents.subjects, counts.features),
    services: countServiceWords(documents.services),
  };
}

/** The knowledge's fingerprint joined with the engine's code: a change to either retrains. */
function engineFingerprint(knowledgeFingerprint: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update(knowledgeFingerprint);
  for (const name of readdirSync(here)
    .filter((f) => /\.(js|ts)$/.test(f))
    .sort())
    hash.update(name).update(readFileSync(join(here, name)));
  return hash.digest('hex');
}

/** Beside the knowledge snapshot, written by the same build step (`srm kb snapshot`). */
export const defaultEngineStateFile = (): string => join(packageRoot(), 'dist', 'engine.snapshot.json');

/**
 * The counts and weights (about a million numbers) go to a binary file beside the JSON, the topic counts, the
 * weights, then the service counts: written as JSON numbers they would take longer to parse than a cold
 * `srm ask` may take in all.
 */
const tablesFile = (file: string) => `${file}.tables`;

export function writeEngineState(file: string, state: EngineState, knowledgeFingerprint: string): void {
  const none = new Float32Array(0);
  const stored: StoredEngineState = {
    ...state,
    counts: { ...state.counts, counts: none, features: [] },
    featureLines: state.counts.features.join('\n'),
    logistic: { ...state.logistic, weights: none },
    services: { ...state.services, entries: none },
    fingerprint: engineFingerprint(knowledgeFingerprint),
    serviceEntries: state.services.entries.length,
  };
  writeFileSync(file, JSON.stringify(stored));
  const tables = [state.counts.counts, state.logistic.weights, state.services.entries].map((t) => new Uint8Array(t.buffer, t.byteOffset, t.byteLength));
  writeFileSync(tablesFile(file), Buffer.concat(tables));
}

/** The stored state when it was learnt from this knowledge by this code; null when it must be learnt again. */
export function readEngineState(file: string, knowledgeFingerprint: string): EngineState | null {
  if (!existsSync(file) || !existsSync(tablesFile(file))) return null;
  const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredEngineState;
  if (stored.fingerprint !== engineFingerprint(knowledgeFingerprint)) return null;
  const bytes = readFileSync(tablesFile(file));
  // A file this large gets a buffer of its own, its bytes from offset 0; a small one may sit at any offset of a
  // shared pool, and is copied to start on a 4-byte boundary.
  const aligned = bytes.byteOffset % Float32Array.BYTES_PER_ELEMENT === 0;
  const tables = aligned
    ? new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / Float32Array.BYTES_PER_ELEMENT)
    : new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const { featureLines, serviceEntries, fingerprint: _, ...state } = stored;
  const features = featureLines.length > 0 ? featureLines.split('\n') : [];
  const countsEnd = features.length * state.counts.labels.length;
  const weightsEnd = tables.length - serviceEntries;
  return {
    ...state,
    counts: { ...state.counts, features, counts: tables.subarray(0, countsEnd) },
    logistic: { ...state.logistic, weights: tables.subarray(countsEnd, weightsEnd) },
    services: { ...state.services, entries: tables.subarray(weightsEnd) },
  };
}

import { existsSync, openSync, readdirSync, readFileSync, readSync, fstatSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashFiles, packageRoot, sameStamps, stampFiles, type FileStamp, type KnowledgeBase, type NamedFile } from '../knowledge/index.js';
import { trainLogistic, type LogisticWeights } from './logistic.js';
import { countServiceWords, type ServiceCounts } from './serviceModel.js';
import { countFeatures, featureLines, type ModelCounts } from './topicModel.js';
import { commonWords, exampleWordCounts, labelledTexts, trainingDocuments, type Subject } from './training.js';
import { buildVocabulary, vocabularyParts, type VocabularyParts } from './vocabulary.js';

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
  /** The vocabulary the state was learnt with, folded. */
  vocabulary: VocabularyParts;
}

/** What the build stores: the state, and what it was learnt from (the knowledge's and the engine's fingerprints). */
interface StoredEngineState extends EngineState {
  /** The topic model's features, one a line: a JSON array of tens of thousands of strings parses three times slower. */
  featureLines: string;
  fingerprint: string;
  /** The knowledge's fingerprint and the engine's code files' stamps it was learnt with: when both match, no hashing. */
  knowledgeFingerprint: string;
  codeStamps: FileStamp[];
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
    vocabulary: vocabularyParts(vocabulary),
  };
}

/** The engine's own code, the files of this folder: a change to any of them (under `npm run dev`) retrains. */
function engineCode(): NamedFile[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return readdirSync(here)
    .filter((f) => /\.(js|ts)$/.test(f))
    .sort()
    .map((name) => [name, join(here, name)]);
}

/** The knowledge's fingerprint joined with the engine's code: a change to either retrains. */
const engineFingerprint = (knowledgeFingerprint: string, code: readonly NamedFile[]): string => hashFiles(code, knowledgeFingerprint);

/** Beside the knowledge snapshot, written by the same build step (`srm kb snapshot`). */
export const defaultEngineStateFile = (): string => join(packageRoot(), 'dist', 'engine.snapshot.json');

/**
 * The counts and weights (about a million numbers) go to a binary file beside the JSON, the topic counts, the
 * weights, then the service counts: written as JSON numbers they would take longer to parse than a cold
 * `srm ask` may take in all.
 */
const tablesFile = (file: string) => `${file}.tables`;

export function writeEngineState(file: string, state: EngineState, knowledgeFingerprint: string): void {
  const code = engineCode();
  const none = new Float32Array(0);
  const stored: StoredEngineState = {
    ...state,
    counts: { ...state.counts, counts: none, features: [] },
    featureLines: Array.from({ length: state.counts.features.length }, (_, row) => state.counts.features.at(row)).join('\n'),
    logistic: { ...state.logistic, weights: none },
    services: { ...state.services, entries: none },
    fingerprint: engineFingerprint(knowledgeFingerprint, code),
    knowledgeFingerprint,
    codeStamps: stampFiles(code),
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
  const code = engineCode();
  const unchanged = stored.knowledgeFingerprint === knowledgeFingerprint && sameStamps(stored.codeStamps, stampFiles(code));
  if (!unchanged && stored.fingerprint !== engineFingerprint(knowledgeFingerprint, code)) return null;
  const { featureLines: storedFeatures, serviceEntries, fingerprint: _, knowledgeFingerprint: _learntWith, codeStamps: _stamps, ...state } = stored;
  const features = featureLines(storedFeatures);
  const width = state.counts.labels.length;
  const weightWidth = state.logistic.labels.length;
  // Kept open for the engine's life: its rows are read as questions name them.
  const fd = openSync(tablesFile(file), 'r');
  const floats = fstatSync(fd).size / Float32Array.BYTES_PER_ELEMENT;
  const countsLength = features.length * width;
  const weightsLength = features.length * weightWidth;
  if (countsLength + weightsLength + serviceEntries !== floats) return null;
  // The service model's counts are small and read whole; of the topic counts and the regression's weights (six of
  // the file's megabytes), a question needs a few dozen rows, read when it names them: reading all of it was the
  // largest cost of a cold `srm ask`.
  const entries = new Float32Array(serviceEntries);
  readSync(fd, new Uint8Array(entries.buffer), 0, entries.byteLength, (countsLength + weightsLength) * Float32Array.BYTES_PER_ELEMENT);
  const counts = new Float32Array(countsLength);
  const weights = new Float32Array(weightsLength);
  const loaded = new Uint8Array(features.length);
  const readRow = (table: Float32Array, rowWidth: number, tableStart: number, row: number) => {
    const bytes = rowWidth * Float32Array.BYTES_PER_ELEMENT;
    readSync(fd, new Uint8Array(table.buffer, row * bytes, bytes), 0, bytes, (tableStart + row * rowWidth) * Float32Array.BYTES_PER_ELEMENT);
  };
  const loadRows = (rows: readonly number[]) => {
    for (const row of rows) {
      if (loaded[row]) continue;
      readRow(counts, width, 0, row);
      readRow(weights, weightWidth, countsLength, row);
      loaded[row] = 1;
    }
  };
  return {
    ...state,
    counts: { ...state.counts, features, counts, loadRows },
    logistic: { ...state.logistic, weights },
    services: { ...state.services, entries },
  };
}

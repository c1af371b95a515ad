export * from './schema.js';
export { loadKnowledge, KnowledgeError, formatProblem, aliasPhrase, cardKeyTitle, cardRefExists, defaultKnowledgeDir } from './load.js';
export type { KnowledgeBase, KnowledgeProblem } from './load.js';
export { parseCardKey, formatCardKey, isConceptId } from './cardKey.js';
export type { CardKey, CardTopic } from './cardKey.js';
export { packageRoot } from './paths.js';
export { openKnowledge, writeKnowledgeSnapshot, knowledgeFingerprint, defaultSnapshotFile } from './snapshot.js';

// This entry point stays light (no YAML parser, no zod): answering from the build's snapshot needs neither.
export * from './ids.js';
export type * from './schema.js';
export type { KnowledgeBase } from './load.js';
export { KnowledgeError, formatProblem } from './errors.js';
export type { KnowledgeProblem } from './errors.js';
export { aliasPhrase, cardKeyTitle, cardRefExists } from './lookup.js';
export { parseCardKey, formatCardKey, isConceptId } from './cardKey.js';
export type { CardKey, CardTopic } from './cardKey.js';
export { packageRoot } from './paths.js';
export { openKnowledge, writeKnowledgeSnapshot, knowledgeFingerprint, defaultSnapshotFile } from './snapshot.js';
export { loadKnowledge } from './validate.js';
export { defaultKnowledgeDir } from './paths.js';

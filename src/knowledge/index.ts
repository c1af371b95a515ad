export * from './schema.js';
export { loadKnowledge, KnowledgeError, formatProblem, aliasPhrase, cardRefExists, defaultKnowledgeDir } from './load.js';
export type { KnowledgeBase, KnowledgeProblem } from './load.js';

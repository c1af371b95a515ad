import { createRequire } from 'node:module';
import type { KnowledgeBase } from './load.js';

// The YAML parser and the zod schemas cost more to import than answering a question from the build's snapshot
// takes, so they are loaded on first use, synchronously (Node ≥ 20.19 can require an ES module).
const requireHere = createRequire(import.meta.url);

/** Loads and validates every knowledge file; throws KnowledgeError listing all problems found. */
export function loadKnowledge(dir?: string): KnowledgeBase {
  return (requireHere('./load.js') as typeof import('./load.js')).loadKnowledge(dir);
}

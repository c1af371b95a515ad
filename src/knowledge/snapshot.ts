import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from './knowledgeBase.js';
import { loadKnowledge } from './load.js';
import { defaultKnowledgeDir, packageRoot } from './paths.js';
import type { Concept, ConceptId, Service, ServiceId, Topic, TopicId } from './schema.js';

/**
 * Parsing and validating ~1 MB of YAML costs more than half a second at every start. The build validates it
 * once and writes the result here; a process uses it only while the YAML is byte for byte what was validated,
 * so an edited knowledge file is always read and checked again.
 */
export const defaultSnapshotFile = (): string => join(packageRoot(), 'dist', 'knowledge.snapshot.json');

interface Snapshot {
  fingerprint: string;
  services: Service[];
  topics: Topic[];
  concepts: Concept[];
  vocabulary: KnowledgeBase['vocabulary'];
  catalogue: KnowledgeBase['catalogue'];
  tips: KnowledgeBase['tips'];
  quiz: KnowledgeBase['quiz'];
  findings?: KnowledgeBase['findings'];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
    })
    .sort();
}

/** A hash of every knowledge file's name and bytes. */
/**
 * The code that reads and checks the files: an edit to the schema or the loader (under `npm run dev`) must not
 * keep trusting a snapshot the old code validated.
 */
const LOADER_FILES = ['load', 'schema', 'ids', 'lookup', 'snapshot'];

export function knowledgeFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const file of yamlFiles(dir)) hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of LOADER_FILES) {
    const code = [`${name}.js`, `${name}.ts`].map((f) => join(here, f)).find(existsSync);
    if (code) hash.update(name).update('\0').update(readFileSync(code)).update('\0');
  }
  return hash.digest('hex');
}

/** Validates the knowledge in `dir` (throws KnowledgeError if invalid) and writes the snapshot. */
export function writeKnowledgeSnapshot(dir: string = defaultKnowledgeDir(), file: string = defaultSnapshotFile()): KnowledgeBase & { fingerprint: string } {
  const kb = { ...loadKnowledge(dir), fingerprint: knowledgeFingerprint(dir) };
  const snapshot: Snapshot = {
    fingerprint: kb.fingerprint,
    services: [...kb.services.values()],
    topics: [...kb.topics.values()],
    concepts: [...kb.concepts.values()],
    vocabulary: kb.vocabulary,
    catalogue: kb.catalogue,
    tips: kb.tips,
    quiz: kb.quiz,
    ...(kb.findings ? { findings: kb.findings } : {}),
  };
  writeFileSync(file, JSON.stringify(snapshot));
  return kb;
}

/** The knowledge base: from the build's snapshot when the YAML is unchanged since, else loaded and validated. */
export function openKnowledge(dir: string = defaultKnowledgeDir(), file: string = defaultSnapshotFile()): KnowledgeBase {
  if (existsSync(file)) {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    if (snapshot.fingerprint === knowledgeFingerprint(dir)) {
      return {
        fingerprint: snapshot.fingerprint,
        services: new Map(snapshot.services.map((s) => [s.id as ServiceId, s])),
        topics: new Map(snapshot.topics.map((t) => [t.id as TopicId, t])),
        concepts: new Map(snapshot.concepts.map((c) => [c.id as ConceptId, c])),
        vocabulary: snapshot.vocabulary,
        catalogue: snapshot.catalogue,
        tips: snapshot.tips,
        quiz: snapshot.quiz,
        ...(snapshot.findings ? { findings: snapshot.findings } : {}),
      };
    }
  }
  return loadKnowledge(dir);
}

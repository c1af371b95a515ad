import { createHash } from 'node:crypto';
import { existsSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * A service without its topic cards, which are three quarters of the knowledge's bytes and of which an answer needs
 * one service's: they are JSON in a file beside the snapshot, `topics` the [byte offset, byte length] of this
 * service's, read the first time they are used.
 */
type StoredService = Omit<Service, 'topics'> & { topics: [offset: number, length: number] };

const topicsFile = (file: string) => `${file}.topics`;

interface Snapshot {
  fingerprint: string;
  /** Each file's path, size and modification time when the fingerprint was taken (see `unchangedSince`). */
  files?: FileStamp[];
  services: StoredService[];
  topics: Topic[];
  concepts: Concept[];
  vocabulary: KnowledgeBase['vocabulary'];
  catalogue: KnowledgeBase['catalogue'];
  /**
   * The tips and the quiz as JSON text: a JSON string parses as one copy, not thousands of objects, and answering
   * a question needs neither (they are parsed on first use).
   */
  tips: string;
  quiz: string;
  findings?: KnowledgeBase['findings'];
}

/** The service, its topic cards parsed from their JSON text the first time they are read. */
function withTopicsOnFirstUse(stored: StoredService, readTopics: (offset: number, length: number) => string): Service {
  const [offset, length] = stored.topics;
  let topics: Service['topics'] | undefined;
  const service = { ...stored } as Partial<StoredService>;
  delete service.topics;
  return Object.defineProperty(service, 'topics', {
    get: () => {
      topics ??= JSON.parse(readTopics(offset, length)) as Service['topics'];
      return topics;
    },
    enumerable: true,
  }) as Service;
}

/** Reads byte ranges of the topics file, opened on the first read and kept open. */
function topicsReader(file: string): (offset: number, length: number) => string {
  let fd: number | undefined;
  return (offset, length) => {
    fd ??= openSync(topicsFile(file), 'r');
    const bytes = Buffer.alloc(length);
    readSync(fd, bytes, 0, length, offset);
    return bytes.toString('utf8');
  };
}

/** A value parsed from its JSON text the first time it is read. */
function parsedOnFirstUse<T>(json: string): () => T {
  let value: T | undefined;
  return () => {
    value ??= JSON.parse(json) as T;
    return value;
  };
}

type FileStamp = [path: string, size: number, modified: number];

/** The knowledge files and the code that reads them (LOADER_FILES), as the fingerprint covers them. */
function stamps(dir: string): FileStamp[] {
  const stamp = (file: string, name: string): FileStamp => {
    const { size, mtimeMs } = statSync(file);
    return [name, size, mtimeMs];
  };
  return [...yamlFiles(dir).map((file) => stamp(file, relative(dir, file))), ...loaderCode().map(([name, file]) => stamp(file, name))];
}

/**
 * Whether the files are those the snapshot was taken of, by name, size and modification time: reading and hashing
 * all of them cost a cold `srm ask` more than a sixth of its time. Any difference (an edit, a checkout, a copy that
 * did not keep times) falls back to comparing the content's hash, so a file touched but unchanged still uses the
 * snapshot and a changed one never does.
 */
function unchangedSince(recorded: readonly FileStamp[] | undefined, dir: string): boolean {
  if (!recorded) return false;
  const now = stamps(dir);
  return (
    now.length === recorded.length &&
    now.every(([path, size, modified], i) => {
      const [wasPath, wasSize, wasModified] = recorded[i]!;
      return path === wasPath && size === wasSize && modified === wasModified;
    })
  );
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
  for (const [name, code] of loaderCode()) hash.update(name).update('\0').update(readFileSync(code)).update('\0');
  return hash.digest('hex');
}

function loaderCode(): [name: string, file: string][] {
  const here = dirname(fileURLToPath(import.meta.url));
  return LOADER_FILES.flatMap((name) => {
    const code = [`${name}.js`, `${name}.ts`].map((f) => join(here, f)).find(existsSync);
    return code ? [[name, code] as [string, string]] : [];
  });
}

/** Validates the knowledge in `dir` (throws KnowledgeError if invalid) and writes the snapshot. */
export function writeKnowledgeSnapshot(dir: string = defaultKnowledgeDir(), file: string = defaultSnapshotFile()): KnowledgeBase & { fingerprint: string } {
  const files = stamps(dir);
  const kb = { ...loadKnowledge(dir), fingerprint: knowledgeFingerprint(dir) };
  const topicBytes: Buffer[] = [];
  let topicsAt = 0;
  const snapshot: Snapshot = {
    fingerprint: kb.fingerprint,
    files,
    services: [...kb.services.values()].map((service) => {
      const bytes = Buffer.from(JSON.stringify(service.topics));
      topicBytes.push(bytes);
      topicsAt += bytes.length;
      return { ...service, topics: [topicsAt - bytes.length, bytes.length] };
    }),
    topics: [...kb.topics.values()],
    concepts: [...kb.concepts.values()],
    vocabulary: kb.vocabulary,
    catalogue: kb.catalogue,
    tips: JSON.stringify(kb.tips),
    quiz: JSON.stringify(kb.quiz),
    ...(kb.findings ? { findings: kb.findings } : {}),
  };
  writeFileSync(topicsFile(file), Buffer.concat(topicBytes));
  writeFileSync(file, JSON.stringify(snapshot));
  return kb;
}

/** The knowledge base: from the build's snapshot when the YAML is unchanged since, else loaded and validated. */
export function openKnowledge(dir: string = defaultKnowledgeDir(), file: string = defaultSnapshotFile()): KnowledgeBase {
  if (existsSync(file)) {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    if (existsSync(topicsFile(file)) && (unchangedSince(snapshot.files, dir) || snapshot.fingerprint === knowledgeFingerprint(dir))) {
      const readTopics = topicsReader(file);
      const tips = parsedOnFirstUse<KnowledgeBase['tips']>(snapshot.tips);
      const quiz = parsedOnFirstUse<KnowledgeBase['quiz']>(snapshot.quiz);
      return {
        fingerprint: snapshot.fingerprint,
        services: new Map(snapshot.services.map((s) => [s.id as ServiceId, withTopicsOnFirstUse(s, readTopics)])),
        topics: new Map(snapshot.topics.map((t) => [t.id as TopicId, t])),
        concepts: new Map(snapshot.concepts.map((c) => [c.id as ConceptId, c])),
        vocabulary: snapshot.vocabulary,
        catalogue: snapshot.catalogue,
        get tips() {
          return tips();
        },
        get quiz() {
          return quiz();
        },
        ...(snapshot.findings ? { findings: snapshot.findings } : {}),
      };
    }
  }
  return loadKnowledge(dir);
}

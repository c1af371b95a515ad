import { existsSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashFiles, sameStamps, stampFiles, type FileStamp, type NamedFile } from './fileStamps.js';
import type { KnowledgeBase } from './knowledgeBase.js';
import { loadKnowledge, yamlFilesUnder } from './load.js';
import { defaultKnowledgeDir, packageRoot } from './paths.js';
import type { Concept, ConceptId, Service, ServiceId, Topic, TopicId } from './schema.js';

/**
 * Parsing and validating ~1 MB of YAML costs more than half a second at every start. The build validates it
 * once and writes the result here; a process uses it only while the YAML is byte for byte what was validated,
 * so an edited knowledge file is always read and checked again.
 */
export const defaultSnapshotFile = (): string => join(packageRoot(), 'dist', 'knowledge.snapshot.json');

/**
 * Where a part read on first use is in the file beside the snapshot: its JSON text's byte offset and length. The
 * topic cards are three quarters of the knowledge's bytes, of which an answer needs one service's; the tips, the
 * quiz and the labelled questions (which only learning reads) a question never needs. Left in the snapshot, they
 * would be parsed at every cold `srm ask`.
 */
type StoredPart = [offset: number, length: number];

/** A service, its topic cards a part. */
type StoredService = Omit<Service, 'topics'> & { topics: StoredPart };

const partsFile = (file: string) => `${file}.parts`;

interface Snapshot {
  fingerprint: string;
  /** Each file's path, size and modification time when the fingerprint was taken (fileStamps.ts). */
  files?: FileStamp[];
  services: StoredService[];
  topics: Topic[];
  concepts: Concept[];
  vocabulary: KnowledgeBase['vocabulary'];
  catalogue: KnowledgeBase['catalogue'];
  tips: StoredPart;
  quiz: StoredPart;
  questions: StoredPart;
  findings?: KnowledgeBase['findings'];
}

/** Collects the parts' JSON texts, each at the byte offset it is given. */
function partsWriter() {
  const chunks: Buffer[] = [];
  let end = 0;
  return {
    add(value: unknown): StoredPart {
      const bytes = Buffer.from(JSON.stringify(value));
      chunks.push(bytes);
      end += bytes.length;
      return [end - bytes.length, bytes.length];
    },
    bytes: () => Buffer.concat(chunks),
  };
}

/** A part's value, read and parsed the first time it is asked for; the parts file is opened once and kept open. */
function partsReader(file: string): <T>(part: StoredPart) => () => T {
  let fd: number | undefined;
  return <T>([offset, length]: StoredPart) => {
    let value: T | undefined;
    return () => {
      if (value === undefined) {
        fd ??= openSync(partsFile(file), 'r');
        const bytes = Buffer.alloc(length);
        readSync(fd, bytes, 0, length, offset);
        value = JSON.parse(bytes.toString('utf8')) as T;
      }
      return value;
    };
  };
}

/** The service, its topic cards read the first time they are used. */
function withTopicsOnFirstUse(stored: StoredService, topics: () => Service['topics']): Service {
  const service = { ...stored } as Partial<StoredService>;
  delete service.topics;
  return Object.defineProperty(service, 'topics', { get: topics, enumerable: true }) as Service;
}

/** The knowledge files, by their path within the knowledge folder, and the code that reads them (LOADER_FILES). */
function snapshotSources(dir: string): NamedFile[] {
  return [...yamlFilesUnder(dir).map((file): NamedFile => [relative(dir, file), file]), ...loaderCode()];
}

/**
 * The code that reads and checks the files: an edit to the schema or the loader (under `npm run dev`) must not
 * keep trusting a snapshot the old code validated.
 */
const LOADER_FILES = ['load', 'schema', 'ids', 'lookup', 'snapshot'];

/** A hash of every knowledge file's name and bytes, and of the code that reads them. */
export function knowledgeFingerprint(dir: string): string {
  return hashFiles(snapshotSources(dir));
}

function loaderCode(): NamedFile[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return LOADER_FILES.flatMap((name) => {
    const code = [`${name}.js`, `${name}.ts`].map((f) => join(here, f)).find(existsSync);
    return code ? [[name, code] as NamedFile] : [];
  });
}

/** Validates the knowledge in `dir` (throws KnowledgeError if invalid) and writes the snapshot. */
export function writeKnowledgeSnapshot(dir: string = defaultKnowledgeDir(), file: string = defaultSnapshotFile()): KnowledgeBase & { fingerprint: string } {
  const files = stampFiles(snapshotSources(dir));
  const kb = { ...loadKnowledge(dir), fingerprint: knowledgeFingerprint(dir) };
  const parts = partsWriter();
  const snapshot: Snapshot = {
    fingerprint: kb.fingerprint,
    files,
    services: [...kb.services.values()].map((service) => ({ ...service, topics: parts.add(service.topics) })),
    topics: [...kb.topics.values()],
    concepts: [...kb.concepts.values()],
    vocabulary: kb.vocabulary,
    catalogue: kb.catalogue,
    tips: parts.add(kb.tips),
    quiz: parts.add(kb.quiz),
    questions: parts.add(kb.questions),
    ...(kb.findings ? { findings: kb.findings } : {}),
  };
  writeFileSync(partsFile(file), parts.bytes());
  writeFileSync(file, JSON.stringify(snapshot));
  return kb;
}

/** The knowledge base: from the build's snapshot when the YAML is unchanged since, else loaded and validated. */
export function openKnowledge(dir: string = defaultKnowledgeDir(), file: string = defaultSnapshotFile()): KnowledgeBase {
  if (existsSync(file)) {
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    if (existsSync(partsFile(file)) && (sameStamps(snapshot.files, stampFiles(snapshotSources(dir))) || snapshot.fingerprint === knowledgeFingerprint(dir))) {
      const onFirstUse = partsReader(file);
      const tips = onFirstUse<KnowledgeBase['tips']>(snapshot.tips);
      const quiz = onFirstUse<KnowledgeBase['quiz']>(snapshot.quiz);
      const questions = onFirstUse<KnowledgeBase['questions']>(snapshot.questions);
      return {
        fingerprint: snapshot.fingerprint,
        services: new Map(snapshot.services.map((s) => [s.id as ServiceId, withTopicsOnFirstUse(s, onFirstUse<Service['topics']>(s.topics))])),
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
        get questions() {
          return questions();
        },
        ...(snapshot.findings ? { findings: snapshot.findings } : {}),
      };
    }
  }
  return loadKnowledge(dir);
}

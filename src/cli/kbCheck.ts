import { rmSync } from 'node:fs';
import { defaultEngineStateFile, learnEngineState, writeEngineState } from '../engine/index.js';
import { defaultSnapshotFile, KnowledgeError, loadKnowledge, writeKnowledgeSnapshot } from '../knowledge/index.js';

/** `srm kb check`: validates every knowledge file; prints each problem with file, entry and field. */
export function runKbCheck(dir: string | undefined, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  try {
    const kb = loadKnowledge(dir);
    const topicCards = [...kb.services.values()].reduce((n, s) => n + Object.keys(s.topics).length, 0);
    out.write(
      `knowledge OK: ${kb.services.size} services (${topicCards} service topic cards), ${kb.topics.size} topics, ` +
        `${kb.concepts.size} concepts, ${kb.tips.length} tips, ${kb.quiz.length} quiz questions\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof KnowledgeError) {
      err.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/**
 * `srm kb snapshot` (run by `npm run build`): validates the knowledge and stores it for fast starts. On invalid
 * knowledge it removes any old snapshot, so nothing can start from knowledge that no longer matches the files.
 */
export function runKbSnapshot(out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  try {
    const kb = writeKnowledgeSnapshot();
    out.write(`knowledge snapshot written to ${defaultSnapshotFile()}\n`);
    writeEngineState(defaultEngineStateFile(), learnEngineState(kb, kb.fingerprint));
    out.write(`engine state written to ${defaultEngineStateFile()}\n`);
    return 0;
  } catch (error) {
    rmSync(defaultSnapshotFile(), { force: true });
    rmSync(defaultEngineStateFile(), { force: true });
    if (error instanceof KnowledgeError) {
      err.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

import { rmSync } from 'node:fs';
import { defaultEngineStateFile, learnEngineState, writeEngineState } from '../engine/index.js';
import {
  cardKeyTitle,
  cardProvenance,
  formatCardKey,
  openKnowledge,
  writtenCardKeys,
  defaultSnapshotFile,
  KnowledgeError,
  loadKnowledge,
  writeKnowledgeSnapshot,
} from '../knowledge/index.js';

/** `srm kb check`: validates every knowledge file; prints each problem with file, entry and field. */
export function runKbCheck(dir: string | undefined, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  try {
    const kb = loadKnowledge(dir);
    const topicCards = [...kb.services.values()].reduce((n, s) => n + Object.keys(s.topics).length, 0);
    out.write(
      `knowledge OK: ${kb.services.size} services (${topicCards} service topic cards), ${kb.topics.size} topics, ` +
        `${kb.concepts.size} concepts, ${kb.tips.length} tips, ${kb.quiz.length} quiz questions, ${kb.questions.length} labelled questions, ` +
        `${Object.keys(kb.findings?.controls ?? {}).length} Security Hub control titles, ${kb.findings?.guardduty.length ?? 0} GuardDuty finding types\n`,
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
    writeEngineState(defaultEngineStateFile(), learnEngineState(kb), kb.fingerprint);
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

const DAY_MS = 86_400_000;

/**
 * `srm kb stale [--older-than 180d]`: the cards to check again, oldest first: never verified, or verified longer
 * ago than the limit. Exits 1 when there are any, so a scheduled job can open a ticket.
 */
export function runKbStale(olderThanDays: number, today: Date, out: NodeJS.WritableStream): number {
  const kb = openKnowledge();
  const cutoff = new Date(today.getTime() - olderThanDays * DAY_MS).toISOString().slice(0, 10);
  const stale = writtenCardKeys(kb)
    .map((key) => ({ key, verifiedOn: cardProvenance(kb, key)?.verifiedOn ?? null }))
    .filter(({ verifiedOn }) => verifiedOn === null || verifiedOn < cutoff)
    .sort((a, b) => (a.verifiedOn ?? '').localeCompare(b.verifiedOn ?? ''));
  for (const { key, verifiedOn } of stale) out.write(`${verifiedOn ?? 'never     '}  ${formatCardKey(key).padEnd(32)} ${cardKeyTitle(kb, key)}\n`);
  out.write(`${stale.length} of ${writtenCardKeys(kb).length} cards were never verified or last verified before ${cutoff}\n`);
  return stale.length > 0 ? 1 : 0;
}

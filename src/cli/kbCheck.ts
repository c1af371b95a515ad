import { KnowledgeError, loadKnowledge } from '../knowledge/index.js';

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

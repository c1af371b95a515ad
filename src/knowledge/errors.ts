/** One problem in one place: enough for a maintainer to open the file and fix it without guessing. */
export interface KnowledgeProblem {
  file: string;
  entry?: string;
  field?: string;
  message: string;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`invalid knowledge base (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

export function formatProblem(p: KnowledgeProblem): string {
  const where = [p.entry, p.field].filter(Boolean).join(' › ');
  return `  ${p.file}${where ? `: ${where}` : ''}: ${p.message}`;
}

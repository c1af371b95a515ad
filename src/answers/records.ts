import { renderStats, STATS_NOT_KEPT, STATS_UNAVAILABLE } from '../cards/index.js';
import type { QuizStore } from '../store/index.js';
import type { AskerInstallation, Conversation, Reply } from './types.js';

export type { RecordOutcome } from '../store/index.js';

/** What the answers layer needs of the store (src/store QuizStore): recording answers and reading stats back. */
export type QuizRecords = Pick<QuizStore, 'record' | 'stats'>;

/** Who typed a command, as the surface knows them: stats are per person and workspace. */
export interface Asker {
  workspace: string | undefined;
  user: string;
  /** Where the command was typed; absent where there is no conversation. */
  conversation?: Conversation;
  /** OAuth mode: the installation answering the workspace. */
  installation?: AskerInstallation;
}

/** `/srm stats`: the asker's streak, score and team participation, for their eyes only. */
export async function statsReply(records: QuizRecords | null, asker: Asker): Promise<Reply> {
  if (records === null) return { message: { text: STATS_NOT_KEPT, blocks: [] }, match: 'subcommand stats (not kept)' };
  const stats = asker.workspace === undefined ? null : await records.stats(asker.workspace, asker.user);
  if (stats === null) return { message: { text: STATS_UNAVAILABLE, blocks: [] }, match: 'subcommand stats (unavailable)' };
  return { message: renderStats(stats), match: 'subcommand stats' };
}

import type { StoreSettings } from '../../src/config.js';
import type { Database } from '../../src/store/index.js';
import { withDatabase } from './database.js';

/** How many quiz answers the database holds: what a test or the benchmark checks after the app stored them. */
export async function answerCount(database: Pick<Database, 'query'>): Promise<number> {
  const { rows } = await database.query<{ count: number }>('SELECT count(*)::int AS count FROM quiz_answers');
  return rows[0]!.count;
}

/** The same, opening the store the settings name and closing it again (the embedded one only once its app has stopped). */
export const answersKeptIn = (settings: StoreSettings): Promise<number> => withDatabase(settings, answerCount);

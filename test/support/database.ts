import type { StoreSettings } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/store/index.js';

/**
 * Opens the store the settings name, runs `work` on it and closes it again, whatever `work` does: how a test reads
 * or seeds what an app stores (the embedded store only while no app holds it).
 */
export async function withDatabase<T>(settings: StoreSettings, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(settings);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

import type { StoreSettings } from '../config.js';
import type { Database, OpenOptions } from './types.js';

export { StoreError, type Database, type OpenOptions, type Queryable } from './types.js';

/** Opens the database the settings name; drivers load only here, so commands without a store never pay for them. */
export async function openDatabase(settings: StoreSettings, options: OpenOptions = {}): Promise<Database> {
  if (settings.databaseUrl !== null) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(settings.databaseUrl, options);
  }
  const { openEmbedded } = await import('./embedded.js');
  return openEmbedded(settings.dataDir);
}

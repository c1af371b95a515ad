import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { StoreSettings } from '../../src/config.js';
import { POSTGRES_MISSING, startTestCluster, type TestCluster } from './postgres.js';

/**
 * Both stores the app runs on, for `describe.each`: the embedded PGlite in a temporary DATA_DIR and a real
 * PostgreSQL in a throwaway cluster. `settings()` gives a fresh, empty store each time it is called.
 */
export interface StoreBackend {
  name: 'embedded' | 'postgres';
  /** Why this backend's tests are skipped, or null. */
  missing: string | null;
  settings(): Promise<StoreSettings>;
  cluster(): TestCluster;
}

export function storeBackends(): StoreBackend[] {
  const folders: string[] = [];
  let cluster: TestCluster | null = null;
  beforeAll(async () => {
    if (POSTGRES_MISSING === null) cluster = await startTestCluster();
  }, 60_000);
  afterAll(() => {
    cluster?.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const embedded: StoreBackend = {
    name: 'embedded',
    missing: null,
    async settings() {
      const folder = mkdtempSync(join(tmpdir(), 'srm-data-'));
      folders.push(folder);
      return { databaseUrl: null, dataDir: folder, retentionDays: 730 };
    },
    cluster: () => {
      throw new Error('the embedded store has no cluster');
    },
  };
  const postgres: StoreBackend = {
    name: 'postgres',
    missing: POSTGRES_MISSING,
    async settings() {
      return { databaseUrl: await this.cluster().createDatabase(), dataDir: tmpdir(), retentionDays: 730 };
    },
    cluster: () => {
      if (cluster === null) throw new Error(POSTGRES_MISSING ?? 'the cluster has not started');
      return cluster;
    },
  };
  if (POSTGRES_MISSING !== null) console.warn(`PostgreSQL tests skipped: ${POSTGRES_MISSING}`);
  return [embedded, postgres];
}

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { packageRoot } from '../../src/knowledge/index.js';

/**
 * A DATA_DIR of its own for every app a test starts: the embedded database serves one process at a time, and
 * test files run in parallel. Creating PGlite's files takes about 10 s, so they are made once per machine (per
 * PGlite version) and copied, which takes a tenth of a second; the app then migrates its copy as in production.
 */
export async function freshDataDir(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'srm-app-data-'));
  cpSync(await pgliteTemplate(), join(folder, 'pglite'), { recursive: true });
  return folder;
}

/** A template left half made by a process that died is made again after this long. */
const ABANDONED_MS = 120_000;

async function pgliteTemplate(): Promise<string> {
  const version = (JSON.parse(readFileSync(join(packageRoot(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
  const home = join(tmpdir(), `srm-test-pglite-${version}`);
  const files = join(home, 'pglite');
  const done = join(home, 'done');
  for (;;) {
    if (existsSync(done)) return files;
    try {
      // Whoever creates the folder makes the template; the others wait for it.
      mkdirSync(home);
    } catch {
      const age = Date.now() - (statSync(home, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > ABANDONED_MS) rmSync(home, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    const pglite = await PGlite.create(files);
    await pglite.close();
    writeFileSync(done, '');
    return files;
  }
}

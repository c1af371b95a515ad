import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';

/**
 * A snapshot (the knowledge's, the engine's state) is trusted only while the files it was made from are unchanged.
 * Comparing each file's size and modification time answers that without reading them; only when a stamp differs
 * (an edit, a checkout, a copy that did not keep times) are the files read and hashed, so a file touched but
 * unchanged still uses the snapshot and a changed one never does.
 */
export type FileStamp = [name: string, size: number, modified: number];

/** A file as a snapshot records it: the name it is known by (stable across checkouts) and where it is now. */
export type NamedFile = [name: string, path: string];

export function stampFiles(files: readonly NamedFile[]): FileStamp[] {
  return files.map(([name, path]) => {
    const { size, mtimeMs } = statSync(path);
    return [name, size, mtimeMs];
  });
}

export function sameStamps(recorded: readonly FileStamp[] | undefined, now: readonly FileStamp[]): boolean {
  return (
    recorded !== undefined &&
    recorded.length === now.length &&
    now.every(([name, size, modified], i) => {
      const [wasName, wasSize, wasModified] = recorded[i]!;
      return name === wasName && size === wasSize && modified === wasModified;
    })
  );
}

// Loaded on first use: a start whose stamps match never hashes, and node:crypto costs a cold `srm ask` milliseconds.
const requireHere = createRequire(import.meta.url);

/** A hash of `seed` and every file's name and bytes. */
export function hashFiles(files: readonly NamedFile[], seed = ''): string {
  const { createHash } = requireHere('node:crypto') as typeof Crypto;
  const hash = createHash('sha256').update(seed);
  for (const [name, path] of files) hash.update(name).update('\0').update(readFileSync(path)).update('\0');
  return hash.digest('hex');
}

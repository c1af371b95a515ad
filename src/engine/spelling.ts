import Fuse from 'fuse.js';
import { LRUCache } from 'lru-cache';

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and an adjacent swap each cost one,
 * so "bakcup" is one edit from "backup" (fuse.js alone counts a swap as two).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * How many typos a word of this length may carry. Short words are never corrected: "ecs"/"eks"/"ec2" or
 * "cost"/"most"/"host" are one letter apart and all real.
 */
export function allowedEdits(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

export interface SpellingCorrector {
  correct(word: string): string | null;
}

/**
 * fuse.js proposes near words from the vocabulary; a real edit distance confirms them. A word with two
 * equally close candidates is left alone rather than guessed.
 */
export function createSpellingCorrector(knownWords: readonly string[]): SpellingCorrector {
  // One index per word length: a word can only be corrected to one within its edit budget in length, so each
  // search scans a few buckets instead of the whole vocabulary.
  // Built when a word first needs correcting: most questions need none, and `srm ask` should not pay for it.
  let byLength: Map<number, Fuse<string>> | undefined;
  const indexes = (): Map<number, Fuse<string>> => {
    if (byLength) return byLength;
    byLength = new Map();
    for (const length of new Set(knownWords.map((w) => w.length))) {
      if (length < 4) continue;
      const bucket = knownWords.filter((w) => w.length === length);
      byLength.set(length, new Fuse(bucket, { includeScore: true, ignoreLocation: true, threshold: 0.45, isCaseSensitive: true }));
    }
    return byLength;
  };
  const nearWords = (word: string, budget: number) => {
    const found: string[] = [];
    for (let length = word.length - budget; length <= word.length + budget; length++) {
      for (const { item } of indexes().get(length)?.search(word, { limit: 6 }) ?? []) found.push(item);
    }
    return found;
  };
  // Corrections of words seen before, a few hundred KiB at most; lru-cache stores no null, so "" means none.
  const cache = new LRUCache<string, string>({ max: 5000 });
  return {
    correct(word) {
      const cached = cache.get(word);
      if (cached !== undefined) return cached === '' ? null : cached;
      const budget = allowedEdits(word.length);
      let best: string | null = null;
      if (budget > 0) {
        let bestDistance = Infinity;
        let tie = false;
        for (const item of nearWords(word, budget)) {
          const distance = editDistance(word, item);
          if (distance > budget) continue;
          if (distance < bestDistance) {
            best = item;
            bestDistance = distance;
            tie = false;
          } else if (distance === bestDistance && item !== best) {
            tie = true;
          }
        }
        if (tie) best = null;
      }
      cache.set(word, best ?? '');
      return best;
    },
  };
}

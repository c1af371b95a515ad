import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: string | undefined;

/**
 * Whether a word is English (word-list's 274,000 words). The typo corrector leaves real words alone: "vacation"
 * is not a typo of "location", nor "chart" of "chat". The list is one sorted line per word, searched in place
 * (reading it costs a few milliseconds; splitting it into an array or a set would cost far more), and only
 * read the first time a word needs correcting.
 */
export function isEnglishWord(word: string): boolean {
  words ??= readFileSync(wordListPath, 'utf8');
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = words.lastIndexOf('\n', mid - 1) + 1;
    const newline = words.indexOf('\n', start);
    const end = newline < 0 ? words.length : newline;
    const line = words.slice(start, end);
    if (line === word) return true;
    if (line < word) lo = end + 1;
    else hi = start;
  }
  return false;
}

/**
 * Whether a word reads as a verb in the third person singular ("keeps", "chooses", "applies", "has"): an
 * English word once its -s, -es or -ies ending is taken off. Plural nouns pass this test too, which is why
 * it is only applied where a sentence must open with a verb.
 */
export function isThirdPersonVerb(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length < 3 || !w.endsWith('s') || w.endsWith('ss')) return false;
  if (w.endsWith('ies') && isEnglishWord(`${w.slice(0, -3)}y`)) return true;
  if (/(s|x|z|ch|sh|o)es$/.test(w) && isEnglishWord(w.slice(0, -2))) return true;
  return isEnglishWord(w.slice(0, -1));
}

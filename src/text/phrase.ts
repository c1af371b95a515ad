/**
 * Folds a phrase to the form aliases are compared in: lower case, no accents, punctuation turned into
 * spaces, single spaces. "Route 53", "route-53" and "ROUTE 53!" all become "route 53".
 */
/** Already folded: lower-case ASCII words and single spaces, as most aliases are written. */
const FOLDED = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

export function foldPhrase(input: string): string {
  // Folding thousands of aliases at every start is a cold `srm ask`'s cost; most need nothing done.
  if (FOLDED.test(input)) return input;
  return (
    input
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      // A possessive is its owner ("aws's share", "cloudtrail's logs"); other apostrophes join ("don't", "they're").
      .replace(/(?<=[\p{L}\p{N}])['’]s\b/gu, '')
      .replace(/['’`]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

export function words(folded: string): string[] {
  return folded.length === 0 ? [] : folded.split(' ');
}

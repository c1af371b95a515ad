/**
 * Folds a phrase to the form aliases are compared in: lower case, no accents, punctuation turned into
 * spaces, single spaces. "Route 53", "route-53" and "ROUTE 53!" all become "route 53".
 */
export function foldPhrase(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(folded: string): string[] {
  return folded.length === 0 ? [] : folded.split(' ');
}

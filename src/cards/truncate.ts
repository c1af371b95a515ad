const ELLIPSIS = '…';

/** How far back from the limit a cut may move to end on a word instead of inside one. */
const WORD_BOUNDARY_REACH = 24;

/**
 * The indivisible pieces of mrkdwn: a `<…>` link or mention, an entity, a code fence, or one code point.
 * Cutting inside any of the first three would leave markup Slack shows as garbage or reads as something else.
 */
const MRKDWN_ATOM = /<[^<>]*>|&(?:amp|lt|gt);|```|[\s\S]/gu;
const CODE_FENCE = '```';

/**
 * Shortens to at most `max` UTF-16 units (what String#length counts; never fewer than Slack counts), ending on
 * a word where one is near and with an ellipsis when anything was cut.
 */
export function truncatePlain(text: string, max: number): string {
  // Almost every text fits: skip splitting it into pieces (the atoms' lengths add up to text.length).
  if (text.length <= max) return text;
  return cut(text.match(/[\s\S]/gu) ?? [], max);
}

/**
 * Shortens mrkdwn like truncatePlain but never inside a link, mention or entity, and closes a code block that
 * the cut left open.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  return cut(text.match(MRKDWN_ATOM) ?? [], max);
}

/** Callers pass only text longer than `max`, so something is always cut. */
function cut(atoms: readonly string[], max: number): string {
  let length = 0;
  let insideCode = false;
  let end = 0;
  let lastSpace = -1;
  let lastSpaceInsideCode = false;
  for (const [i, atom] of atoms.entries()) {
    const nextInsideCode: boolean = atom === CODE_FENCE ? !insideCode : insideCode;
    const reserve = ELLIPSIS.length + (nextInsideCode ? CODE_FENCE.length : 0);
    if (length + atom.length + reserve > max) break;
    length += atom.length;
    insideCode = nextInsideCode;
    end = i + 1;
    if (/^\s$/.test(atom)) {
      lastSpace = i;
      lastSpaceInsideCode = insideCode;
    }
  }
  let keptLength = length;
  const endsOnWord = /^\s$/.test(atoms[end] ?? ' ');
  if (!endsOnWord && lastSpace >= 0 && end - lastSpace <= WORD_BOUNDARY_REACH) {
    end = lastSpace;
    insideCode = lastSpaceInsideCode;
    keptLength = atoms.slice(0, end).reduce((n, atom) => n + atom.length, 0);
  }
  if (keptLength + ELLIPSIS.length + (insideCode ? CODE_FENCE.length : 0) > max) return ELLIPSIS.slice(0, max);
  const kept = atoms.slice(0, end).join('').trimEnd();
  return kept + ELLIPSIS + (insideCode ? CODE_FENCE : '');
}

import { parseCardKey } from '../knowledge/index.js';
import { LIMITS } from './limits.js';
import { truncatePlain } from './truncate.js';
import type { ButtonPayload } from './types.js';

/**
 * JSON for a button's value. The query is the only part of unbounded length, so it alone is shortened
 * (binary search on its length, because JSON escaping makes the encoded size uneven) until the value fits.
 */
export function encodeButtonPayload(payload: ButtonPayload): string {
  const encode = (q: string | undefined) => JSON.stringify(q === undefined ? payload : { ...payload, q });
  const full = encode(payload.q);
  if (full.length <= LIMITS.buttonValue || payload.q === undefined) return full;
  const query = payload.q;
  let fits = 0;
  let tooLong = query.length;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    if (encode(truncatePlain(query, middle)).length <= LIMITS.buttonValue) fits = middle;
    else tooLong = middle;
  }
  return encode(truncatePlain(query, fits));
}

/**
 * Reads a button value back. Values arrive from Slack in an interaction request, so anything that is not a
 * payload we made (bad JSON, unknown card key, wrong field types) is refused with null.
 */
export function parseButtonPayload(value: string | undefined): ButtonPayload | null {
  if (value === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { k, q, vote, d } = parsed as Record<string, unknown>;
  if (typeof k !== 'string' || parseCardKey(k) === null) return null;
  if (q !== undefined && typeof q !== 'string') return null;
  if (vote !== undefined && vote !== 'up' && vote !== 'down') return null;
  if (d !== undefined && d !== true) return null;
  return { k, ...(q !== undefined && { q }), ...(vote !== undefined && { vote }), ...(d && { d }) };
}

import { parseButtonPayload, voteThanks } from '../cards/index.js';
import type { VoteReport } from '../feedback/index.js';
import { cardKeyTitle, parseCardKey, type KnowledgeBase } from '../knowledge/index.js';

export interface Vote {
  /** What the voter alone sees. */
  thanks: string;
  /** For the request's log line: "vote up s3.encryption". */
  match: string;
  /** What the vote records, for the feedback report; the surface adds who voted and where. */
  record: Pick<VoteReport, 'kind' | 'vote' | 'card' | 'query'>;
}

/** 👍/👎 on a card: null when the button's value names no vote on a card (a forged or mangled value). */
export function readVote(kb: KnowledgeBase, value: string | undefined): Vote | null {
  const payload = parseButtonPayload(value);
  const key = payload && parseCardKey(payload.k);
  if (!payload?.vote || !key) return null;
  return {
    thanks: voteThanks(cardKeyTitle(kb, key), payload.vote),
    match: `vote ${payload.vote} ${payload.k}`,
    record: { kind: 'vote', vote: payload.vote, card: payload.k, query: payload.q },
  };
}

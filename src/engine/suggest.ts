import { formatCardKey, type CardKey, type KnowledgeBase, type TopicId } from '../knowledge/index.js';
import { words } from '../text/phrase.js';
import type { Term, Vocabulary } from './vocabulary.js';

/** Where to go next from a card when it has fewer neighbours than buttons: the model itself and its split. */
const FALLBACKS: CardKey[] = [
  { service: null, topic: 'overview' },
  { service: null, topic: 'categories' },
  { service: 's3', topic: 'encryption' },
];

const MAX_SUGGESTIONS = 3;

function cardOf(term: Term): CardKey | null {
  switch (term.kind) {
    case 'service':
    case 'described':
      return { service: term.service, topic: null };
    case 'service-topic':
      return { service: term.service, topic: term.topic };
    case 'topic':
      return { service: null, topic: term.topic };
    case 'concept':
      return { service: null, topic: term.concept };
    case 'out-of-scope':
    case 'outside-aws':
    case 'uncovered':
      return null;
  }
}

/**
 * "Did you mean": each word the resolver could not place is matched (with the same typo tolerance) against
 * the words of every alias, so "manager" alone suggests Secrets Manager and "guarduty" GuardDuty; words people
 * use about many services ("time" of "retrieval time") suggest nothing. One word →
 * cards map, built once, keeps it fast however large the knowledge base grows.
 */
export function createSuggester(kb: KnowledgeBase, vocabulary: Vocabulary, commonWords: ReadonlySet<string>) {
  // Built on the first refusal: an answered question never needs it.
  let byWord: Map<string, CardKey> | undefined;
  const cardsByWord = (): Map<string, CardKey> => {
    if (byWord) return byWord;
    byWord = new Map();
    for (const [phrase, term] of vocabulary.phrases) {
      const key = cardOf(term);
      if (!key) continue;
      for (const word of words(phrase)) {
        const telling = word.length >= 4 && !vocabulary.neutral.has(word) && !commonWords.has(word);
        if (telling && !byWord.has(word)) byWord.set(word, key);
      }
    }
    return byWord;
  };

  /**
   * Up to three distinct cards related to the question: the hints first, then cards named by near words. Never
   * unrelated ones: a refusal with nothing related offers the ways in instead (the card layer's job).
   */
  function suggest(hints: readonly CardKey[], unknownWords: readonly string[], exclude?: CardKey, fallbacks: readonly CardKey[] = []): CardKey[] {
    const picked = new Map<string, CardKey>();
    const skip = exclude ? formatCardKey(exclude) : '';
    const add = (key: CardKey | undefined) => {
      if (!key) return;
      const id = formatCardKey(key);
      if (id !== skip && !picked.has(id) && picked.size < MAX_SUGGESTIONS) picked.set(id, key);
    };
    hints.forEach(add);
    // The resolver already corrected these words' spelling.
    for (const word of unknownWords) add(cardsByWord().get(word));
    fallbacks.forEach(add);
    return [...picked.values()];
  }

  /** Where to go next from a card: the service overview, the general topic card, a related topic. */
  function related(key: CardKey): CardKey[] {
    const out: CardKey[] = [];
    if (key.service && key.topic) {
      out.push({ service: key.service, topic: null }, { service: null, topic: key.topic });
      const other = Object.keys(kb.services.get(key.service)?.topics ?? {}).find((t) => t !== key.topic);
      if (other) out.push({ service: key.service, topic: other as TopicId });
    } else if (key.service) {
      const topics = Object.keys(kb.services.get(key.service)?.topics ?? {}).slice(0, 2);
      out.push(...topics.map((t) => ({ service: key.service, topic: t as TopicId })), { service: null, topic: 'overview' });
    } else {
      out.push({ service: null, topic: key.topic === 'overview' ? 'categories' : 'overview' });
      if (key.topic !== 'shared-controls') out.push({ service: null, topic: 'shared-controls' });
    }
    return suggest(out, [], key, FALLBACKS);
  }

  return { suggest, related };
}

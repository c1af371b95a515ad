import Fuse from 'fuse.js';
import { aliasPhrase, formatCardKey, type CardKey, type KnowledgeBase, type TopicId } from '../knowledge/index.js';
import { foldPhrase } from '../text/phrase.js';

interface Entry {
  key: CardKey;
  names: string[];
}

/** Cards people most often need when the bot could not place a question: the model itself and its split. */
const FALLBACKS: CardKey[] = [
  { service: null, topic: 'overview' },
  { service: null, topic: 'categories' },
  { service: 's3', topic: 'encryption' },
];

const MAX_SUGGESTIONS = 3;
/** fuse.js score (0 perfect, 1 nothing alike) under which a "did you mean" is worth showing. */
const GOOD_ENOUGH = 0.3;

/**
 * "Did you mean" over a small, fixed index (service, topic and concept cards by name and alias), so it stays
 * fast however many service × topic entries the knowledge base grows to.
 */
export function createSuggester(kb: KnowledgeBase) {
  const entries: Entry[] = [
    ...[...kb.services.values()].map((s) => ({ key: { service: s.id, topic: null }, names: [s.name, ...s.aliases.map(aliasPhrase)].map(foldPhrase) })),
    ...[...kb.topics.values()].map((t) => ({ key: { service: null, topic: t.id }, names: [t.title, ...t.aliases.map(aliasPhrase)].map(foldPhrase) })),
    ...[...kb.concepts.values()].map((c) => ({ key: { service: null, topic: c.id }, names: [c.title, ...c.aliases.map(aliasPhrase)].map(foldPhrase) })),
  ];
  const fuse = new Fuse(entries, { keys: ['names'], includeScore: true, ignoreLocation: true, threshold: GOOD_ENOUGH, minMatchCharLength: 4 });

  /** Up to three distinct cards: the hints first, then near names of the unknown words, then fallbacks. */
  function suggest(hints: readonly CardKey[], unknownWords: readonly string[], exclude?: CardKey): CardKey[] {
    const picked = new Map<string, CardKey>();
    const skip = exclude ? formatCardKey(exclude) : '';
    const add = (key: CardKey) => {
      const id = formatCardKey(key);
      if (id !== skip && !picked.has(id) && picked.size < MAX_SUGGESTIONS) picked.set(id, key);
    };
    hints.forEach(add);
    for (const word of unknownWords.filter((w) => w.length >= 4).slice(0, 6)) {
      for (const result of fuse.search(word, { limit: 2 })) if ((result.score ?? 1) <= GOOD_ENOUGH) add(result.item.key);
    }
    FALLBACKS.forEach(add);
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
    return suggest(out, [], key);
  }

  return { suggest, related };
}

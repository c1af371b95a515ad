import { isConceptId, parseCardKey, type CardKey } from './cardKey.js';
import type { KnowledgeBase } from './load.js';
import type { Alias, ConceptId, Practice, ServiceTopic, TopicId } from './schema.js';

export const aliasPhrase = (alias: Alias): string => (typeof alias === 'string' ? alias : alias.phrase);

/**
 * Whether a card reference ("s3", "s3.encryption", "encryption", "overview") points at a card that exists.
 * Every service × topic pair exists: where a service file has no entry for the topic, its card is drawn from
 * the general topic card for the service's category.
 */
export function cardRefExists(kb: KnowledgeBase, ref: string): boolean {
  const key = parseCardKey(ref);
  if (!key) return false;
  if (key.service !== null) return kb.services.has(key.service);
  return key.topic !== null && (kb.topics.has(key.topic as TopicId) || kb.concepts.has(key.topic as ConceptId));
}

/** A card's short name: "Amazon S3 · Encryption", "Amazon S3", "Encryption"; "srm-bot" for a key naming nothing. */
export function cardKeyTitle(kb: KnowledgeBase, key: CardKey): string {
  const service = key.service ? kb.services.get(key.service) : undefined;
  const topicTitle = key.topic === null
    ? undefined
    : isConceptId(key.topic)
      ? kb.concepts.get(key.topic)?.title
      : kb.topics.get(key.topic as TopicId)?.title;
  if (service && topicTitle) return `${service.name} · ${topicTitle}`;
  return service?.name ?? topicTitle ?? 'srm-bot';
}

/** When a card's facts were last checked, and the pages that show them. */
export interface Provenance {
  verifiedOn: string | null;
  sources: string[];
}

/**
 * The provenance of the card a key names: its own, or for a service × topic pair the service file does not
 * cover, the general topic card's that the card is drawn from. Null when the key names no card.
 */
export function cardProvenance(kb: KnowledgeBase, key: CardKey): Provenance | null {
  const of = (card: { verified_on?: string | undefined; links: readonly { url: string }[] }): Provenance =>
    ({ verifiedOn: card.verified_on ?? null, sources: card.links.map((l) => l.url) });
  if (key.service !== null) {
    const service = kb.services.get(key.service);
    if (!service) return null;
    if (key.topic === null) return of(service);
    const entry = service.topics[key.topic as TopicId];
    const topic = kb.topics.get(key.topic as TopicId);
    return entry ? of(entry) : topic ? of(topic) : null;
  }
  if (key.topic === null) return null;
  const card = isConceptId(key.topic) ? kb.concepts.get(key.topic) : kb.topics.get(key.topic as TopicId);
  return card ? of(card) : null;
}

/**
 * Every Security Hub control the cards cite, with the cards that cite it in the order the knowledge lists them
 * (service topic cards by service, then general topic cards).
 */
export function controlCitations(kb: KnowledgeBase): Map<string, CardKey[]> {
  const citations = new Map<string, CardKey[]>();
  const cite = (practices: readonly Practice[], key: CardKey) => {
    for (const practice of practices) {
      if (typeof practice === 'string' || !practice.control) continue;
      const cards = citations.get(practice.control) ?? [];
      if (!cards.some((k) => k.service === key.service && k.topic === key.topic)) cards.push(key);
      citations.set(practice.control, cards);
    }
  };
  for (const service of kb.services.values()) {
    for (const [topic, entry] of Object.entries(service.topics) as [TopicId, ServiceTopic | undefined][]) {
      if (entry) cite(entry.practices, { service: service.id, topic });
    }
  }
  for (const topic of kb.topics.values()) cite(topic.practices, { service: null, topic: topic.id });
  return citations;
}

/** Every card a knowledge file holds, by key: service overviews, the topics a service file covers, topics, concepts. */
export function writtenCardKeys(kb: KnowledgeBase): CardKey[] {
  return [
    ...[...kb.services.values()].flatMap((s) => [
      { service: s.id, topic: null },
      ...(Object.keys(s.topics) as TopicId[]).map((topic) => ({ service: s.id, topic })),
    ]),
    ...[...kb.topics.keys()].map((topic) => ({ service: null, topic })),
    ...[...kb.concepts.keys()].map((topic) => ({ service: null, topic })),
  ];
}

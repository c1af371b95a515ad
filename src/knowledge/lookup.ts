import { formatCardKey, parseCardKey, type CardKey } from './cardKey.js';
import type { KnowledgeBase } from './knowledgeBase.js';
import type { Alias, CategoryId, Concept, ConceptId, Practice, Service, ServiceTopic, Topic, TopicId } from './schema.js';

export const aliasPhrase = (alias: Alias): string => (typeof alias === 'string' ? alias : alias.phrase);

/** A card key looked up in the knowledge base: what a renderer needs to draw it. */
export type Card =
  /** `entry` is missing when the service file has nothing on the topic: the card is drawn from the general topic. */
  | { kind: 'service-topic'; key: CardKey; service: Service; topic: Topic; entry: ServiceTopic | undefined }
  | { kind: 'service'; key: CardKey; service: Service }
  | { kind: 'topic'; key: CardKey; topic: Topic }
  | { kind: 'concept'; key: CardKey; concept: Concept };

/**
 * The card a key ("s3.encryption", "s3", "encryption", "overview", or the same parsed) names; null when it names
 * none. Every service × topic pair is a card: where a service file has no entry for the topic, the card is drawn
 * from the general topic card.
 */
export function lookupCard(kb: KnowledgeBase, ref: CardKey | string): Card | null {
  const key = typeof ref === 'string' ? parseCardKey(ref) : ref;
  if (!key) return null;
  if (key.service !== null) {
    const service = kb.services.get(key.service);
    if (!service) return null;
    if (key.topic === null) return { kind: 'service', key, service };
    const topic = kb.topics.get(key.topic as TopicId);
    return topic ? { kind: 'service-topic', key, service, topic, entry: service.topics[topic.id] } : null;
  }
  if (key.topic === null) return null;
  const topic = kb.topics.get(key.topic as TopicId);
  if (topic) return { kind: 'topic', key, topic };
  const concept = kb.concepts.get(key.topic as ConceptId);
  return concept ? { kind: 'concept', key, concept } : null;
}

export const cardExists = (kb: KnowledgeBase, ref: CardKey | string): boolean => lookupCard(kb, ref) !== null;

/**
 * A card's one name, wherever it is named (its header, a button or menu that opens it, `srm report`, the thanks
 * for a vote): "Amazon S3 · Encryption", "<service name> · Who secures what", "Encryption across AWS", a concept's title.
 */
export function cardTitle(card: Card): string {
  switch (card.kind) {
    case 'service-topic':
      return `${card.service.name} · ${card.topic.title}`;
    case 'service':
      return `${card.service.name} · Who secures what`;
    case 'topic':
      return `${card.topic.title} across AWS`;
    case 'concept':
      return card.concept.title;
  }
}

/** The name of the card a key names, or the key itself when it names none (an old button, a card since removed). */
export function cardKeyTitle(kb: KnowledgeBase, ref: CardKey | string): string {
  const card = lookupCard(kb, ref);
  return card ? cardTitle(card) : typeof ref === 'string' ? ref : formatCardKey(ref);
}

/** What every card of a category's services says about the category (concepts/categories.yml), when it says something. */
export const categoryNote = (kb: KnowledgeBase, category: CategoryId): { note: string; short: string } | undefined =>
  kb.concepts.get('categories')?.category_notes?.[category];

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
  const card = lookupCard(kb, key);
  if (!card) return null;
  const written =
    card.kind === 'service-topic' ? (card.entry ?? card.topic) : card.kind === 'service' ? card.service : card.kind === 'topic' ? card.topic : card.concept;
  return { verifiedOn: written.verified_on ?? null, sources: written.links.map((l) => l.url) };
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

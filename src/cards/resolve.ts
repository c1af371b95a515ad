import {
  parseCardKey,
  type CardKey, type Concept, type ConceptId, type KnowledgeBase, type Service, type ServiceTopic, type Topic, type TopicId,
} from '../knowledge/index.js';

/** A card key looked up in the knowledge base: what a renderer needs to draw it. */
export type ResolvedCard =
  /** `entry` is missing when the service file has nothing on the topic: the card is drawn from the general topic. */
  | { kind: 'service-topic'; key: CardKey; service: Service; topic: Topic; entry: ServiceTopic | undefined }
  | { kind: 'service'; key: CardKey; service: Service }
  | { kind: 'topic'; key: CardKey; topic: Topic }
  | { kind: 'concept'; key: CardKey; concept: Concept };

export function resolveCard(kb: KnowledgeBase, key: CardKey): ResolvedCard | null {
  if (key.service !== null) {
    const service = kb.services.get(key.service);
    if (!service) return null;
    if (key.topic === null) return { kind: 'service', key, service };
    const topic = kb.topics.get(key.topic as TopicId);
    if (!topic) return null;
    return { kind: 'service-topic', key, service, topic, entry: service.topics[topic.id] };
  }
  if (key.topic === null) return null;
  const topic = kb.topics.get(key.topic as TopicId);
  if (topic) return { kind: 'topic', key, topic };
  const concept = kb.concepts.get(key.topic as ConceptId);
  return concept ? { kind: 'concept', key, concept } : null;
}

export function resolveCardRef(kb: KnowledgeBase, ref: string): ResolvedCard | null {
  const key = parseCardKey(ref);
  return key ? resolveCard(kb, key) : null;
}

/** The card's header: "S3 · Encryption", "S3 · Who secures what", "Encryption across AWS", a concept's title. */
export function cardTitle(card: ResolvedCard): string {
  switch (card.kind) {
    case 'service-topic': return `${card.service.name} · ${card.topic.title}`;
    case 'service': return `${card.service.name} · Who secures what`;
    case 'topic': return `${card.topic.title} across AWS`;
    case 'concept': return card.concept.title;
  }
}

/** A short name for a button that opens the card. */
export function cardButtonLabel(card: ResolvedCard): string {
  switch (card.kind) {
    case 'service-topic': return `${card.service.name} · ${card.topic.title}`;
    case 'service': return `${card.service.name} overview`;
    case 'topic': return `${card.topic.title} (all services)`;
    case 'concept': return card.concept.title;
  }
}

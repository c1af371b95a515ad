import { isConceptId, parseCardKey, type CardKey } from './cardKey.js';
import type { KnowledgeBase } from './load.js';
import type { Alias, ConceptId, TopicId } from './schema.js';

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

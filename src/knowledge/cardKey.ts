import { CONCEPT_IDS, SERVICE_IDS, TOPIC_IDS, type ConceptId, type ServiceId, type TopicId } from './ids.js';

export type CardTopic = TopicId | ConceptId;

/**
 * Which card: a service with a topic ("s3.encryption"), a service overview ("s3"), a general topic
 * ("encryption") or a concept ("overview"). Concepts never carry a service.
 */
export interface CardKey {
  service: ServiceId | null;
  topic: CardTopic | null;
}

const isService = (s: string): s is ServiceId => (SERVICE_IDS as readonly string[]).includes(s);
const isTopic = (s: string): s is TopicId => (TOPIC_IDS as readonly string[]).includes(s);
export const isConceptId = (s: string): s is ConceptId => (CONCEPT_IDS as readonly string[]).includes(s);

/** "s3.encryption" | "s3" | "encryption" | "overview" → CardKey; anything else → null. */
export function parseCardKey(ref: string): CardKey | null {
  const [head = '', tail, extra] = ref.split('.');
  if (extra !== undefined) return null;
  if (tail === undefined) {
    if (isService(head)) return { service: head, topic: null };
    if (isTopic(head) || isConceptId(head)) return { service: null, topic: head };
    return null;
  }
  return isService(head) && isTopic(tail) ? { service: head, topic: tail } : null;
}

export function formatCardKey(key: CardKey): string {
  return [key.service, key.topic].filter((part) => part !== null).join('.');
}

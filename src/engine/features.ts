import { stemmer } from 'stemmer';
import type { KnowledgeBase, ServiceId } from '../knowledge/index.js';
import type { Resolution } from './resolve.js';

/**
 * What the topic model reads of a question: word stems, pairs of neighbouring stems ("dead disk", "kernel
 * update"), and what the resolver recognised (a topic phrase, a service's own keyword, a second service that
 * stands for a topic as "kms" does beside "s3"). Service names are left out, so that the examples of every
 * service teach the same topics.
 */
/** The weight of a topic alias of two words or more (see phraseWeight in vocabulary.ts). */
const MULTIWORD_WEIGHT = 1.5;

/** The feature of a phrase srm-bot does not answer (a price, a size, a career). */
export const OUT_OF_SCOPE_MARKER = '@out-of-scope';

export function questionFeatures(resolution: Resolution, kb: KnowledgeBase, primary: ServiceId | null = primaryService(resolution, kb)): string[] {
  const stems = contentStems(resolution);
  const features = [...stems];
  for (let i = 1; i < stems.length; i++) features.push(`${stems[i - 1]} ${stems[i]}`);
  // A service that stands for a topic (KMS for encryption), asked about with another topic named: its own topic's
  // words say what the service is for ("the kms key that encrypts our exports"), not what is asked of it.
  const standsFor = primary ? kb.services.get(primary)?.implies_topic : undefined;
  const namesAnotherTopic = resolution.terms.some(({ term }) => (term.kind === 'topic' || term.kind === 'service-topic') && term.topic !== standsFor);
  const contextTopic = namesAnotherTopic ? standsFor : undefined;
  for (const { term } of resolution.terms) {
    switch (term.kind) {
      case 'topic':
        if (term.topic === contextTopic) break;
        features.push(`@${term.topic}`);
        // Beside a service, a phrase of several words that names the topic ("container images", "controls who can")
        // says more than the single words around it.
        if (primary && term.weight >= MULTIWORD_WEIGHT) features.push(`@${term.topic}`);
        break;
      case 'service-topic':
        features.push(`@${term.topic}`, `@${term.topic}`);
        break;
      case 'concept':
        features.push(primary && term.topic ? `@${term.topic}` : `@${term.concept}`);
        break;
      case 'out-of-scope':
        features.push(OUT_OF_SCOPE_MARKER);
        break;
      case 'service': {
        const implied = kb.services.get(term.service)?.implies_topic;
        if (implied && term.service !== primary) features.push(`@${implied}`);
        break;
      }
      case 'described':
      case 'uncovered':
      case 'outside-aws':
        break;
    }
  }
  return features;
}

/** The stems of the words that carry the question's subject, service names left out (resolve.ts). */
export const contentStems = (resolution: Resolution): string[] => resolution.content.map(stemOf);

const stemCache = new Map<string, string>();

/** Porter stems, except for short codes and numbers ("s3", "22"), which are kept as typed. */
function stemOf(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = word.length <= 3 || /\d/.test(word) ? word : stemmer(word);
    if (stemCache.size < 50_000) stemCache.set(word, stem);
  }
  return stem;
}

/**
 * The service a question is about: of those that do not merely stand in for a topic ("kms" in "s3 kms"; a service
 * that leads when named first does not, named first), the one named most often ("leaving sqs for sns next month,
 * does sns encrypt…"), the first on a tie; else the first named.
 */
export function primaryService(resolution: Resolution, kb: KnowledgeBase): ServiceId | null {
  const mentions = new Map<ServiceId, number>();
  for (const { term } of resolution.terms) {
    if (term.kind === 'service') mentions.set(term.service, (mentions.get(term.service) ?? 0) + 1);
  }
  const firstNamed = mentions.keys().next().value;
  let primary: ServiceId | null = null;
  for (const [service, count] of mentions) {
    const card = kb.services.get(service);
    if (card?.implies_topic !== undefined && !(card.leads_when_named_first && service === firstNamed)) continue;
    if (primary === null || count > mentions.get(primary)!) primary = service;
  }
  return primary ?? firstNamed ?? null;
}

import type { CardKey, ConceptId, KnowledgeBase, ServiceId, TopicId } from '../knowledge/index.js';
import { words } from '../text/phrase.js';
import type { FoundTerm, Resolution } from './resolve.js';
import type { NoMatchReason } from './types.js';

export type Decision =
  | { kind: 'card'; key: CardKey }
  | { kind: 'no_match'; reason: NoMatchReason; hints: CardKey[] };

/** A service question with this many words we cannot place is about something else ("lambda cold start tuning"). */
const UNKNOWN_WORDS_FOR_OFF_TOPIC = 3;

/** A second service that is itself a topic ("s3 kms") says less than a topic word does. */
const IMPLIED_TOPIC_WEIGHT = 0.8;

/** A topic word that repeats part of the service's own name ("secrets" beside "secrets manager") is an echo. */
const ECHO_DISCOUNT = 0.3;

interface Tally {
  services: ServiceId[];
  keywordServices: ServiceId[];
  topicScores: Map<TopicId, { score: number; first: number }>;
  concepts: Map<ConceptId, { score: number; strong: boolean }>;
  /** Topics that concept phrases stand for when a service is named ("patch management" → patching). */
  conceptTopics: TopicId[];
  outOfScope: boolean;
}

function tally(found: readonly FoundTerm[], kb: KnowledgeBase): Tally {
  const t: Tally = { services: [], keywordServices: [], topicScores: new Map(), concepts: new Map(), conceptTopics: [], outOfScope: false };
  const serviceWords = new Set(found.filter((f) => f.term.kind === 'service').flatMap((f) => words(f.phrase)));
  const addTopic = (topic: TopicId, score: number, position: number) => {
    const current = t.topicScores.get(topic);
    t.topicScores.set(topic, { score: (current?.score ?? 0) + score, first: Math.min(current?.first ?? position, position) });
  };
  for (const { term, phrase, position } of found) {
    switch (term.kind) {
      case 'service':
        if (!t.services.includes(term.service)) t.services.push(term.service);
        break;
      case 'service-topic':
        if (!t.keywordServices.includes(term.service)) t.keywordServices.push(term.service);
        addTopic(term.topic, term.weight, position);
        break;
      case 'topic': {
        const echo = words(phrase).every((w) => serviceWords.has(w));
        addTopic(term.topic, echo ? term.weight * ECHO_DISCOUNT : term.weight, position);
        break;
      }
      case 'concept': {
        const current = t.concepts.get(term.concept);
        t.concepts.set(term.concept, { score: (current?.score ?? 0) + term.weight, strong: term.strong });
        if (term.topic) t.conceptTopics.push(term.topic);
        break;
      }
      case 'out-of-scope':
        t.outOfScope = true;
        break;
    }
  }
  // The service a question is about is the first one that is not merely standing in for a topic.
  const primary = t.services.find((s) => kb.services.get(s)?.implies_topic === undefined) ?? t.services[0];
  // "cloudtrail log encryption": the service's own topic repeats the service and another real topic is the
  // question. Incidental words ("disks" in "cloudwatch alerting for full disks") do not outweigh it.
  const ownTopic = primary ? kb.services.get(primary)?.implies_topic : undefined;
  const echoed = ownTopic ? t.topicScores.get(ownTopic) : undefined;
  const anotherRealTopic = [...t.topicScores].some(([topic, { score }]) => topic !== ownTopic && score >= SOLE_TOPIC_SCORE);
  if (ownTopic && echoed && anotherRealTopic) t.topicScores.set(ownTopic, { ...echoed, score: echoed.score * ECHO_DISCOUNT });
  for (const service of t.services) {
    const implied = kb.services.get(service)?.implies_topic;
    if (service !== primary && implied) addTopic(implied, IMPLIED_TOPIC_WEIGHT, Infinity);
  }
  if (primary) t.services = [primary, ...t.services.filter((s) => s !== primary)];
  return t;
}

/**
 * Below this, a topic was named only by incidental words ("app", "anyone", "data"): enough to narrow a service,
 * not enough to answer on its own next to words we cannot place.
 */
const SOLE_TOPIC_SCORE = 0.8;

function bestTopic(scores: Tally['topicScores']): { topic: TopicId; score: number } | null {
  let best: TopicId | null = null;
  let bestScore = 0;
  let bestFirst = Infinity;
  for (const [topic, { score, first }] of scores) {
    if (score > bestScore || (score === bestScore && first < bestFirst)) {
      best = topic;
      bestScore = score;
      bestFirst = first;
    }
  }
  return best === null ? null : { topic: best, score: bestScore };
}

function strongestConcept(concepts: Tally['concepts'], strong: boolean): ConceptId | null {
  let best: ConceptId | null = null;
  let bestScore = 0;
  for (const [concept, c] of concepts) {
    if (c.strong === strong && c.score > bestScore) {
      best = concept;
      bestScore = c.score;
    }
  }
  return best;
}

/** "Who is responsible for what?": responsibility words and at most one word we cannot place. */
const aboutTheModelOnly = (r: Resolution) => r.asksAboutTheModel && r.terms.length === 0 && r.unknown.length <= 1;

/** The concept that explains the model as a whole: the one that yields to any named service or topic. */
const modelConcept = (kb: KnowledgeBase): ConceptId | null =>
  [...kb.concepts.values()].find((c) => c.strength === 'weak')?.id ?? null;

/**
 * Picks the card from what was recognised. Never guesses: without a recognised service, topic or concept the
 * answer is "did you mean", and a question about prices, sizing or other clouds is refused even when it names
 * a service.
 */
export function decide(resolution: Resolution, kb: KnowledgeBase): Decision {
  const t = tally(resolution.terms, kb);
  const service = t.services[0] ?? t.keywordServices[0] ?? null;
  const best = bestTopic(t.topicScores);
  const topic = best?.topic ?? (service ? (t.conceptTopics[0] ?? null) : null);
  const hints: CardKey[] = [
    ...(service ? [{ service, topic: null }] : []),
    ...(topic ? [{ service: null, topic }] : []),
  ];
  if (t.outOfScope) return { kind: 'no_match', reason: 'out_of_scope', hints };

  const strong = strongestConcept(t.concepts, true);
  if (strong && !(service && topic)) return { kind: 'card', key: { service: null, topic: strong } };

  if (service && topic) return { kind: 'card', key: { service, topic } };
  if (service) {
    if (resolution.unknown.length >= UNKNOWN_WORDS_FOR_OFF_TOPIC) return { kind: 'no_match', reason: 'too_vague', hints };
    return { kind: 'card', key: { service, topic: null } };
  }
  if (topic) {
    const incidental = (best?.score ?? 0) < SOLE_TOPIC_SCORE && resolution.unknown.length > 0;
    return incidental ? { kind: 'no_match', reason: 'not_understood', hints } : { kind: 'card', key: { service: null, topic } };
  }
  const weak = strongestConcept(t.concepts, false) ?? (aboutTheModelOnly(resolution) ? modelConcept(kb) : null);
  if (weak) return { kind: 'card', key: { service: null, topic: weak } };
  return { kind: 'no_match', reason: 'not_understood', hints };
}

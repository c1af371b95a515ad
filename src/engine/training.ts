import {
  aliasPhrase,
  parseCardKey,
  type Alias,
  type ConceptId,
  type KnowledgeBase,
  type ServiceId,
  type ServiceTopic,
  type TopicId,
} from '../knowledge/index.js';
import { foldPhrase, words } from '../text/phrase.js';
import { contentStems, questionFeatures } from './features.js';
import { normalizeSlackText } from './normalize.js';
import { readAbout, resolveTerms } from './resolve.js';
import type { SpellingCorrector } from './spelling.js';
import type { TrainingDocument } from './topicModel.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * What a question can be about, whatever service it names: a security topic, a concept of the model, the
 * service as a whole ("who secures sqs"), or nothing srm-bot answers ("my vpn password expired").
 */
export type Subject = TopicId | ConceptId | 'service' | 'none';

/** Example questions are how people ask; a card's own prose and its alias list say less about that. */
const EXAMPLE_WEIGHT = 1;
const ALIAS_WEIGHT = 0.5;
const PROSE_WEIGHT = 0.15;

interface LabelledText {
  label: Subject;
  text: string;
  weight: number;
  /** The service whose card the text belongs to, if any (its examples, keywords and prose). */
  service?: ServiceId;
}

function topicProse(entry: Pick<ServiceTopic, 'summary' | 'aws' | 'customer' | 'practices' | 'mistakes' | 'scenarios'>): string[] {
  return [
    entry.summary,
    ...entry.aws,
    ...entry.customer,
    ...entry.practices.map((p) => (typeof p === 'string' ? p : p.text)),
    ...entry.mistakes,
    ...(entry.scenarios ?? []).map((s) => s.situation),
  ];
}

/** Every text in the knowledge that says what a subject is asked like, with its label and weight. */
export function labelledTexts(kb: KnowledgeBase): LabelledText[] {
  const out: LabelledText[] = [];
  const add = (label: Subject, texts: readonly string[] | undefined, weight: number, service?: ServiceId) => {
    for (const text of texts ?? []) out.push({ label, text, weight, ...(service ? { service } : {}) });
  };
  const addAliases = (label: Subject, aliases: readonly Alias[], service?: ServiceId) => {
    for (const alias of aliases) {
      const weight = ALIAS_WEIGHT * (typeof alias === 'string' ? 1 : (alias.weight ?? 1));
      out.push({ label, text: aliasPhrase(alias), weight, ...(service ? { service } : {}) });
    }
  };
  for (const service of kb.services.values()) {
    add('service', service.examples, EXAMPLE_WEIGHT, service.id);
    for (const [topic, entry] of Object.entries(service.topics) as [TopicId, ServiceTopic | undefined][]) {
      if (!entry) continue;
      add(topic, entry.examples, EXAMPLE_WEIGHT, service.id);
      addAliases(topic, entry.keywords ?? [], service.id);
      add(topic, topicProse(entry), PROSE_WEIGHT, service.id);
    }
  }
  for (const topic of kb.topics.values()) {
    add(topic.id, topic.examples, EXAMPLE_WEIGHT);
    addAliases(topic.id, topic.aliases);
    add(topic.id, topicProse(topic), PROSE_WEIGHT);
  }
  for (const concept of kb.concepts.values()) {
    add(concept.id, concept.examples, EXAMPLE_WEIGHT);
    addAliases(concept.id, concept.aliases);
    add(concept.id, [concept.summary, ...concept.sections.flatMap((s) => s.points)], PROSE_WEIGHT);
  }
  add('none', kb.vocabulary.lookalikes, EXAMPLE_WEIGHT);
  // Questions as people asked them count as a card's examples do.
  for (const { q, card } of kb.questions) {
    const key = card === 'none' ? null : parseCardKey(card);
    if (card !== 'none' && key === null) continue;
    const label: Subject = key === null ? 'none' : (key.topic ?? 'service');
    out.push({ label, text: q, weight: EXAMPLE_WEIGHT, ...(key?.service ? { service: key.service } : {}) });
  }
  return out;
}

/**
 * The words people use in example questions, by how many examples use them. A word in one example only may be
 * one of the typos the examples carry on purpose ("encyption"): the engine does not take it as a word.
 */
export function exampleWordCounts(texts: readonly LabelledText[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const { text, weight } of texts) {
    if (weight !== EXAMPLE_WEIGHT) continue;
    for (const w of new Set(words(foldPhrase(text)))) if (w.length >= 3) seen.set(w, (seen.get(w) ?? 0) + 1);
  }
  return seen;
}

/** A word people use when asking about this many services says nothing about which one ("time", "team"). */
const COMMON_ACROSS_SERVICES = 8;

/** Words of the example questions too common to point at one card when they are all that was understood. */
export function commonWords(texts: readonly LabelledText[]): Set<string> {
  const services = new Map<string, Set<ServiceId>>();
  for (const { text, service, weight } of texts) {
    if (!service || weight !== EXAMPLE_WEIGHT) continue;
    for (const w of words(foldPhrase(text))) {
      let seen = services.get(w);
      if (!seen) {
        seen = new Set();
        services.set(w, seen);
      }
      seen.add(service);
    }
  }
  return new Set([...services].filter(([, seen]) => seen.size >= COMMON_ACROSS_SERVICES).map(([w]) => w));
}

const NO_CORRECTION: SpellingCorrector = { correct: () => null };

/**
 * What the engine learns from: each text read as a question, once as evidence of its subject (the topic model)
 * and, when it belongs to a service's card, once as evidence of that service (the service model: the words that
 * say which of two services named is asked about, such as "partition key" for DynamoDB beside Lambda). The
 * service model reads single words only, those that carry the subject, without the service names.
 */
export function trainingDocuments(
  kb: KnowledgeBase,
  texts: readonly LabelledText[],
  vocabulary: Vocabulary,
): { subjects: TrainingDocument<Subject>[]; services: TrainingDocument<ServiceId>[] } {
  const subjects: TrainingDocument<Subject>[] = [];
  const services: TrainingDocument<ServiceId>[] = [];
  for (const { label, text, weight, service } of texts) {
    const resolution = readAbout(resolveTerms(normalizeSlackText(text).words, vocabulary, NO_CORRECTION), service ?? null, vocabulary);
    subjects.push({ label, weight, features: questionFeatures(resolution, kb) });
    if (service) services.push({ label: service, weight, features: contentStems(resolution) });
  }
  return { subjects, services };
}

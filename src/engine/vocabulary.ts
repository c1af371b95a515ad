import { aliasPhrase, type Alias, type ConceptId, type KnowledgeBase, type ServiceId, type TopicId } from '../knowledge/index.js';
import { foldPhrase, words } from '../text/phrase.js';

/** What a phrase in a question names. */
export type Term =
  | { kind: 'service'; service: ServiceId }
  /** A service described, not named ("the managed database"): what it is, unless a question names one. */
  | {
      kind: 'described';
      service: ServiceId;
      /** A single noun ("volumes", "instance"): the service's, among words of ours, and everyday speech otherwise. */
      oneWord: boolean;
    }
  | { kind: 'topic'; topic: TopicId; weight: number }
  | { kind: 'service-topic'; service: ServiceId; topic: TopicId; weight: number }
  | { kind: 'concept'; concept: ConceptId; weight: number; strong: boolean; topic?: TopicId }
  | { kind: 'out-of-scope'; otherCloud: boolean }
  /** Something outside AWS ("our office", "my laptop", "okta"): a question about it is ours only when AWS is in it. */
  | { kind: 'outside-aws' }
  /** An AWS service srm-bot knows by name but has no card for ("cognito"). */
  | { kind: 'uncovered'; name: string };

export interface Vocabulary {
  /** Folded phrase → what it names. */
  phrases: ReadonlyMap<string, Term>;
  longestPhrase: number;
  /**
   * The opening words of every phrase of two words or more ("api", "api gateway" of "api gateway throttling"):
   * the resolver reads a longer phrase only while its words so far are one of these.
   */
  phraseStarts: ReadonlySet<string>;
  neutral: ReadonlySet<string>;
  /** Ids that are everyday words ("config", "batch"): a service's name only in a message of a few words ("config logging"). */
  terseNames: ReadonlyMap<string, ServiceId>;
  modelWords: ReadonlySet<string>;
  /** Folded words and phrases of code and tooling ("boto3", "github actions"). */
  tooling: readonly string[];
  /** Shorthand → the folded words it stands for ("acct" → "account"). */
  abbreviations: ReadonlyMap<string, readonly string[]>;
  /** A topic phrase → the topic it means instead in a question about a service (a card's `means_here`). */
  meaningsHere: ReadonlyMap<string, ReadonlyMap<ServiceId, TopicId>>;
  /** Every word that appears in a phrase or is neutral: the targets of spelling correction. */
  knownWords: readonly string[];
  correctionTargets: ReadonlySet<string>;
  /** The targets and the words of example questions: none of these is ever corrected. */
  knownWordSet: ReadonlySet<string>;
}

/** A service's keyword names two things at once, and says more than a topic's alias of as many words. */
export const KEYWORD_WEIGHT = 1.5;

const aliasWeight = (alias: Alias): number => (typeof alias === 'string' ? 1 : (alias.weight ?? 1));

/** A longer phrase says more than a single word: "encryption at rest" beats an incidental "data". */
const phraseWeight = (folded: string, alias: Alias): number => aliasWeight(alias) * (1 + 0.5 * (words(folded).length - 1));

/** Below this, an example word may be a deliberate typo: known, but never a correction ("better" is no "letter"). */
const KNOWN_WORD_USES = 2;

/** @param exampleWords how many example questions use each word (the topic model's words). */
export function buildVocabulary(kb: KnowledgeBase, exampleWords: Iterable<readonly [string, number]> = []): Vocabulary {
  const phrases = new Map<string, Term>();
  const terseNames = new Map<string, ServiceId>();
  const meaningsHere: [string, ServiceId, TopicId][] = [];
  const add = (alias: Alias, term: (folded: string) => Term) => {
    const folded = foldPhrase(aliasPhrase(alias));
    if (folded.length > 0 && !phrases.has(folded)) phrases.set(folded, term(folded));
  };

  for (const service of kb.services.values()) {
    // An id is a name only where the card lists it among its names: "config" and "batch" are everyday words
    // ("our app config", "a batch of orders"), and their cards name them "aws config" and "aws batch".
    if (service.aliases.some((alias) => foldPhrase(aliasPhrase(alias)) === service.id)) add(service.id, () => ({ kind: 'service', service: service.id }));
    else terseNames.set(service.id, service.id);
    add(service.name, () => ({ kind: 'service', service: service.id }));
    for (const alias of service.aliases) add(alias, () => ({ kind: 'service', service: service.id }));
    for (const [topic, entry] of Object.entries(service.topics)) {
      for (const phrase of entry?.means_here ?? []) meaningsHere.push([foldPhrase(phrase), service.id, topic as TopicId]);
      for (const keyword of entry?.keywords ?? []) {
        add(keyword, (f) => ({ kind: 'service-topic', service: service.id, topic: topic as TopicId, weight: KEYWORD_WEIGHT * phraseWeight(f, keyword) }));
      }
    }
  }
  for (const topic of kb.topics.values()) {
    for (const alias of [topic.id, ...topic.aliases]) add(alias, (f) => ({ kind: 'topic', topic: topic.id, weight: phraseWeight(f, alias) }));
  }
  for (const concept of kb.concepts.values()) {
    for (const alias of concept.aliases) {
      const topic = typeof alias === 'string' ? undefined : alias.topic;
      add(alias, (f) => ({
        kind: 'concept',
        concept: concept.id,
        weight: phraseWeight(f, alias),
        strong: concept.strength === 'strong',
        ...(topic ? { topic } : {}),
      }));
    }
  }
  for (const phrase of kb.vocabulary.out_of_scope) add(phrase, () => ({ kind: 'out-of-scope', otherCloud: false }));
  for (const phrase of kb.vocabulary.other_clouds) add(phrase, () => ({ kind: 'out-of-scope', otherCloud: true }));
  for (const phrase of kb.vocabulary.outside_aws) add(phrase, () => ({ kind: 'outside-aws' }));
  // A description yields to every other meaning of its words ("cloud functions" is Google's).
  for (const service of kb.services.values())
    for (const phrase of service.described_as ?? []) add(phrase, (f) => ({ kind: 'described', service: service.id, oneWord: !f.includes(' ') }));
  // Catalogue names come last: a phrase a card already claims keeps its meaning ("config" is AWS Config's).
  for (const entry of kb.catalogue) {
    const term = (): Term => (entry.card ? { kind: 'service', service: entry.card } : { kind: 'uncovered', name: entry.name });
    for (const alias of [entry.name, ...entry.aliases]) add(alias, term);
  }

  return vocabularyFrom(
    {
      phrases: [...phrases],
      neutral: kb.vocabulary.neutral.flatMap((n) => words(foldPhrase(n))),
      terseNames: [...terseNames],
      modelWords: kb.vocabulary.model_words.flatMap((n) => words(foldPhrase(n))),
      tooling: kb.vocabulary.tooling.map(foldPhrase),
      abbreviations: Object.entries(kb.vocabulary.abbreviations).map(([short, full]) => [short, words(foldPhrase(full))]),
      meaningsHere,
    },
    exampleWords,
  );
}

/**
 * The vocabulary's phrases and word lists, folded: stored with the engine's state, so that opening the engine
 * reads no card (every service's keywords would otherwise be read at every start).
 */
export interface VocabularyParts {
  phrases: [string, Term][];
  neutral: string[];
  terseNames: [string, ServiceId][];
  modelWords: string[];
  tooling: string[];
  abbreviations: [string, string[]][];
  meaningsHere: [string, ServiceId, TopicId][];
}

export const vocabularyParts = (vocabulary: Vocabulary): VocabularyParts => ({
  phrases: [...vocabulary.phrases],
  neutral: [...vocabulary.neutral],
  terseNames: [...vocabulary.terseNames],
  modelWords: [...vocabulary.modelWords],
  tooling: [...vocabulary.tooling],
  abbreviations: [...vocabulary.abbreviations].map(([short, full]) => [short, [...full]]),
  meaningsHere: [...vocabulary.meaningsHere].flatMap(([phrase, byService]) =>
    [...byService].map(([service, topic]) => [phrase, service, topic] as [string, ServiceId, TopicId]),
  ),
});

export function vocabularyFrom(parts: VocabularyParts, exampleWords: Iterable<readonly [string, number]> = []): Vocabulary {
  const phrases = new Map(parts.phrases);
  const neutral = new Set(parts.neutral);
  const known = new Set<string>(neutral);
  const phraseStarts = new Set<string>();
  let longestPhrase = 1;
  // Runs over thousands of phrases at every start, before the code is warm: slices at each space, no split or join.
  for (const phrase of phrases.keys()) {
    let wordCount = 1;
    let start = 0;
    for (let space = phrase.indexOf(' '); space !== -1; space = phrase.indexOf(' ', space + 1)) {
      phraseStarts.add(phrase.slice(0, space));
      known.add(phrase.slice(start, space));
      start = space + 1;
      wordCount++;
    }
    known.add(phrase.slice(start));
    longestPhrase = Math.max(longestPhrase, wordCount);
  }
  const knownWordSet = new Set(known);
  const meaningsHere = new Map<string, Map<ServiceId, TopicId>>();
  for (const [phrase, service, topic] of parts.meaningsHere) meaningsHere.set(phrase, (meaningsHere.get(phrase) ?? new Map()).set(service, topic));
  for (const [word, uses] of exampleWords) if (uses >= KNOWN_WORD_USES) knownWordSet.add(word);
  return {
    phrases,
    longestPhrase,
    phraseStarts,
    neutral,
    terseNames: new Map(parts.terseNames),
    modelWords: new Set(parts.modelWords),
    tooling: parts.tooling,
    abbreviations: new Map(parts.abbreviations),
    meaningsHere,
    knownWords: [...known],
    correctionTargets: known,
    knownWordSet,
  };
}

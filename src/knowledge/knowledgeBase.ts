import type {
  CatalogueEntry,
  Concept,
  ConceptId,
  Findings,
  LabelledQuestion,
  QuizQuestion,
  Service,
  ServiceId,
  Tip,
  Topic,
  TopicId,
  Vocabulary,
} from './schema.js';

/** Every knowledge file, validated: what load.ts reads and the build's snapshot stores. */
export interface KnowledgeBase {
  services: ReadonlyMap<ServiceId, Service>;
  topics: ReadonlyMap<TopicId, Topic>;
  concepts: ReadonlyMap<ConceptId, Concept>;
  vocabulary: Vocabulary;
  /** Every AWS service people may name, with or without a card. */
  catalogue: readonly CatalogueEntry[];
  tips: readonly Tip[];
  quiz: readonly QuizQuestion[];
  /** Questions as people ask them, each with its card (knowledge/questions/): what the engine learns from, with the cards' examples. */
  questions: readonly LabelledQuestion[];
  /**
   * Security Hub control titles and GuardDuty finding types (knowledge/findings.yml). Always there once loaded;
   * knowledge built by hand for a test may leave it out, and then no finding is recognised.
   */
  findings?: Findings;
  /** A hash of the files it was read from, when it came from the build's snapshot: what derived data is keyed on. */
  fingerprint?: string;
}

import { cardExists, cardKeyTitle, formatCardKey, isConceptId, parseCardKey, type CardKey, type KnowledgeBase } from '../knowledge/index.js';
import { createFindingResolver, type FindingResolution } from './findings.js';
import { normalizeSlackText, type NormalizedQuery } from './normalize.js';
import { resolveTerms } from './resolve.js';
import { DEFAULT_DECISION_TUNING, decide, type DecisionTuning } from './rules.js';
import { serviceModelFromCounts } from './serviceModel.js';
import { createSpellingCorrector } from './spelling.js';
import { createSuggester } from './suggest.js';
import { logisticRanker } from './logistic.js';
import { DEFAULT_MODEL_TUNING, topicModelFromCounts, type ModelTuning } from './topicModel.js';
import { defaultEngineStateFile, learnEngineState, readEngineState, type EngineState } from './state.js';
import type { Answer, CardMatch, Conversation, Engine } from './types.js';
import { vocabularyFrom } from './vocabulary.js';

export type { Answer, Engine, FindingNote, NoMatchReason } from './types.js';

/** Whole messages that ask for more of the card just given ("why?", "tell me more"). */
const MORE_REQUESTS = new Set([
  'why',
  'more',
  'details',
  'detail',
  'tell me more',
  'more details',
  'go on',
  'explain',
  'how come',
  'how so',
  'and why',
  'why is that',
  'show me more',
  'full card',
]);

/** Whole messages that ask what the bot can do rather than ask it something. */
const HELP_REQUESTS = new Set(['help', 'h', 'usage', 'commands', 'what can you do', 'how do i use this', 'how does this work', 'examples']);

/** The engine's measured constants, replaceable only to measure others side by side (bench/tuning). */
export type EngineTuning = ModelTuning & DecisionTuning;
export const DEFAULT_TUNING: EngineTuning = { ...DEFAULT_MODEL_TUNING, ...DEFAULT_DECISION_TUNING };

export { compileRegexpsToMachineCode } from './regexps.js';
export { defaultEngineStateFile, learnEngineState, readEngineState, writeEngineState, type EngineState } from './state.js';

/** The engine for this knowledge, from the state the build stored when it still matches, else learnt now. */
export function openEngine(kb: KnowledgeBase, stateFile: string = defaultEngineStateFile()): Engine {
  const stored = kb.fingerprint ? readEngineState(stateFile, kb.fingerprint) : null;
  return createEngine(kb, DEFAULT_TUNING, stored ?? undefined);
}

export function createEngine(kb: KnowledgeBase, tuning: EngineTuning = DEFAULT_TUNING, learnt: EngineState = learnEngineState(kb)): Engine {
  const vocabulary = vocabularyFrom(learnt.vocabulary, learnt.exampleWords);
  const speller = createSpellingCorrector(vocabulary.knownWords);
  const suggester = createSuggester(kb, vocabulary, new Set(learnt.commonWords));
  const models = {
    subjects: topicModelFromCounts(learnt.counts, tuning, tuning.ranking === 'bayes' ? undefined : logisticRanker(learnt.logistic, tuning.temperature)),
    services: serviceModelFromCounts(learnt.services, tuning),
  };
  const findings = createFindingResolver(kb);

  const withTitle = (key: CardKey): CardMatch => ({ ...key, title: cardKeyTitle(kb, key) });

  function answerFor(key: CardKey, query = ''): Answer | null {
    if (!cardExists(kb, key)) return null;
    const readable = normalizeSlackText(query).readable;
    return { query, readable, kind: 'card', match: withTitle(key), suggestions: suggester.related(key).map(withTitle), confidence: 1, alternatives: [] };
  }

  /**
   * A follow-up keeps what it does not say from the previous card: "and for aurora?" after RDS patching names a
   * service and no topic, so it is Aurora's patching; "what about backups?" after an S3 card is S3's backup.
   */
  function followUp(first: Answer, words: readonly string[], { previous }: Conversation): Answer {
    const phrase = words.join(' ').replace(/^(and|but|ok|okay|so) /, '');
    if (MORE_REQUESTS.has(phrase) && cardExists(kb, previous)) {
      return { ...first, kind: 'card', match: withTitle(previous), suggestions: [], confidence: 1, alternatives: [], followUp: 'details', reason: undefined };
    }
    if (first.kind !== 'card' || !first.match || first.uncovered) return first;
    const { service, topic } = first.match;
    const previousTopic = previous.topic !== null && !isConceptId(previous.topic) ? previous.topic : null;
    let narrowed: CardKey | null = null;
    if (service && topic === null && previousTopic && service !== previous.service) narrowed = { service, topic: previousTopic };
    else if (service === null && topic !== null && !isConceptId(topic) && previous.service) narrowed = { service: previous.service, topic };
    if (!narrowed) return first;
    return {
      ...first,
      match: withTitle(narrowed),
      suggestions: suggester.related(narrowed).map(withTitle),
      alternatives: [withTitle(first.match)],
      followUp: 'narrowed',
    };
  }

  function answer(text: string, conversation?: Conversation): Answer {
    const query = typeof text === 'string' ? text : '';
    const normalized = normalizeSlackText(query);
    // A finding names its own card, in a thread or not: nothing before it in the conversation changes that.
    const finding = findings.resolve(normalized.readable);
    if (finding) return findingAnswer(query, normalized.readable, ...withTopicRead(finding, normalized));
    const first = answerAlone(query, normalized);
    return conversation ? followUp(first, normalized.words, conversation) : first;
  }

  /**
   * A control no card cites has only its service's card to go by ("S3.99 fails on the payroll bucket, who decides who
   * reads it"): the question's own words, read as any question is, say which of that service's topics it is about when
   * the engine is sure of one, and the service's card is offered beside it. Nothing else read from them counts: the
   * control names its service.
   */
  function withTopicRead(finding: FindingResolution, normalized: NormalizedQuery): [FindingResolution, confidence: number] {
    const { card } = finding;
    if (finding.note.cited || !card?.service || card.topic !== null) return [finding, 1];
    const read = answerAlone('', normalized);
    const sure = read.kind === 'card' && read.match?.service === card.service && (read.confidence ?? 0) >= tuning.sure;
    const topic = sure ? read.match!.topic : null;
    if (!topic) return [finding, 1];
    return [{ ...finding, card: { service: card.service, topic }, alternatives: [card, ...finding.alternatives] }, read.confidence ?? 1];
  }

  function findingAnswer(query: string, readable: string, { note, card, alternatives }: FindingResolution, confidence: number): Answer {
    if (!card) {
      const suggestions = (note.nearest ?? [])
        .flatMap((type) => {
          const known = kb.findings?.guardduty.find((f) => f.type === type);
          const key = known ? parseCardKey(known.card) : null;
          return key ? [withTitle(key)] : [];
        })
        .filter((match, i, all) => all.findIndex((m) => formatCardKey(m) === formatCardKey(match)) === i);
      return { query, readable, kind: 'no_match', match: null, suggestions, reason: 'not_covered', finding: note };
    }
    const skip = new Set([card, ...alternatives].map(formatCardKey));
    const suggestions = suggester
      .related(card)
      .filter((k) => !skip.has(formatCardKey(k)))
      .map(withTitle);
    // A control no card cites yet, or a finding type the catalogue lacks, is answered with its service's card, and
    // counted as a gap like an uncovered service.
    const uncovered = note.cited ? {} : { uncovered: `${note.kind === 'control' ? 'Security Hub' : 'GuardDuty'} ${note.id}` };
    return {
      query,
      readable,
      kind: 'card',
      match: withTitle(card),
      suggestions,
      confidence,
      alternatives: alternatives.map(withTitle),
      finding: note,
      ...uncovered,
    };
  }

  function answerAlone(query: string, { readable, words, pastesAnError, listsItems }: NormalizedQuery): Answer {
    // A message with no words at all (a bare mention, emoji) asks what the bot does; one made only of a pasted
    // token still said something, and is answered as not understood.
    const saidNothing = words.length === 0 && !/[\p{L}\p{N}]/u.test(readable);
    if (saidNothing || (words.length > 0 && HELP_REQUESTS.has(words.join(' ')))) return { query, readable, kind: 'help', match: null, suggestions: [] };
    const resolution = { ...resolveTerms(words, vocabulary, speller), pastesAnError, listsItems };
    const decision = decide(resolution, kb, models, vocabulary, tuning);
    const uncovered = decision.uncovered ? { uncovered: decision.uncovered } : {};
    if (decision.kind === 'card') {
      const alternatives = decision.alternatives.map(withTitle);
      const skip = new Set(alternatives.map(formatCardKey));
      const suggestions = suggester
        .related(decision.key)
        .filter((k) => !skip.has(formatCardKey(k)))
        .map(withTitle);
      return { query, readable, kind: 'card', match: withTitle(decision.key), suggestions, confidence: decision.confidence, alternatives, ...uncovered };
    }
    const reason = decision.uncovered && decision.reason === 'not_understood' ? 'not_covered' : decision.reason;
    // Only words as typed point at suggestions: a spelling correction ("lunch" → "launch") is a guess, and a
    // guess must not put an unrelated card in front of someone.
    const typed = new Set(words);
    const suggestions = suggester
      .suggest(
        decision.hints,
        resolution.unknown.filter((w) => typed.has(w)),
      )
      .map(withTitle);
    return { query, readable, kind: 'no_match', match: null, suggestions, reason, ...uncovered };
  }

  return { answer, answerFor };
}

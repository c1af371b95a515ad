import { cardKeyTitle, cardRefExists, formatCardKey, type CardKey, type KnowledgeBase } from '../knowledge/index.js';
import { normalizeSlackText } from './normalize.js';
import { resolveTerms } from './resolve.js';
import { DEFAULT_DECISION_TUNING, decide, type DecisionTuning } from './rules.js';
import { createSpellingCorrector } from './spelling.js';
import { createSuggester } from './suggest.js';
import { DEFAULT_MODEL_TUNING, trainTopicModel, type ModelTuning } from './topicModel.js';
import { exampleWordCounts, labelledTexts, trainingDocuments } from './training.js';
import type { Answer, CardMatch, Engine } from './types.js';
import { buildVocabulary } from './vocabulary.js';

export type { Answer, AnswerKind, CardMatch, Engine, NoMatchReason } from './types.js';

/** Whole messages that ask what the bot can do rather than ask it something. */
const HELP_REQUESTS = new Set(['help', 'h', 'usage', 'commands', 'what can you do', 'how do i use this', 'how does this work', 'examples']);

/** The engine's measured constants, replaceable only to measure others side by side (bench/tuning). */
export type EngineTuning = ModelTuning & DecisionTuning;
export const DEFAULT_TUNING: EngineTuning = { ...DEFAULT_MODEL_TUNING, ...DEFAULT_DECISION_TUNING };

export function createEngine(kb: KnowledgeBase, tuning: EngineTuning = DEFAULT_TUNING): Engine {
  const texts = labelledTexts(kb);
  const vocabulary = buildVocabulary(kb, exampleWordCounts(texts));
  const speller = createSpellingCorrector(vocabulary.knownWords);
  const suggester = createSuggester(kb, vocabulary);
  const model = trainTopicModel(trainingDocuments(kb, texts, vocabulary), tuning);

  const withTitle = (key: CardKey): CardMatch => ({ ...key, title: cardKeyTitle(kb, key) });

  function answerFor(key: CardKey, query = ''): Answer | null {
    if (!cardRefExists(kb, formatCardKey(key))) return null;
    const readable = normalizeSlackText(query).readable;
    return { query, readable, kind: 'card', match: withTitle(key), suggestions: suggester.related(key).map(withTitle), confidence: 1, alternatives: [] };
  }

  function answer(text: string): Answer {
    const query = typeof text === 'string' ? text : '';
    const { readable, words } = normalizeSlackText(query);
    // A message with no words at all (a bare mention, emoji) asks what the bot does; one made only of a pasted
    // token still said something, and is answered as not understood.
    const saidNothing = words.length === 0 && !/[\p{L}\p{N}]/u.test(readable);
    if (saidNothing || (words.length > 0 && HELP_REQUESTS.has(words.join(' ')))) return { query, readable, kind: 'help', match: null, suggestions: [] };
    const resolution = resolveTerms(words, vocabulary, speller);
    const decision = decide(resolution, kb, model, tuning);
    const uncovered = decision.uncovered ? { uncovered: decision.uncovered } : {};
    if (decision.kind === 'card') {
      const alternatives = decision.alternatives.map(withTitle);
      const skip = new Set(alternatives.map(formatCardKey));
      const suggestions = suggester.related(decision.key).filter((k) => !skip.has(formatCardKey(k))).map(withTitle);
      return { query, readable, kind: 'card', match: withTitle(decision.key), suggestions, confidence: decision.confidence, alternatives, ...uncovered };
    }
    const reason = decision.uncovered && decision.reason === 'not_understood' ? 'not_covered' : decision.reason;
    // Only words as typed point at suggestions: a spelling correction ("lunch" → "launch") is a guess, and a
    // guess must not put an unrelated card in front of someone.
    const typed = new Set(words);
    const suggestions = suggester.suggest(decision.hints, resolution.unknown.filter((w) => typed.has(w))).map(withTitle);
    return { query, readable, kind: 'no_match', match: null, suggestions, reason, ...uncovered };
  }

  return { answer, answerFor };
}

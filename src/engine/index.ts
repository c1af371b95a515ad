import { cardKeyTitle, cardRefExists, formatCardKey, type CardKey, type KnowledgeBase } from '../knowledge/index.js';
import { normalizeSlackText } from './normalize.js';
import { resolveTerms } from './resolve.js';
import { decide } from './rules.js';
import { createSpellingCorrector } from './spelling.js';
import { createSuggester } from './suggest.js';
import type { Answer, CardMatch, Engine } from './types.js';
import { buildVocabulary } from './vocabulary.js';

export type { Answer, AnswerKind, CardMatch, Engine, NoMatchReason } from './types.js';

/** Whole messages that ask what the bot can do rather than ask it something. */
const HELP_REQUESTS = new Set(['help', 'h', 'usage', 'commands', 'what can you do', 'how do i use this', 'how does this work', 'examples']);

export function createEngine(kb: KnowledgeBase): Engine {
  const vocabulary = buildVocabulary(kb);
  const speller = createSpellingCorrector(vocabulary.knownWords);
  const suggester = createSuggester(kb, vocabulary);

  const withTitle = (key: CardKey): CardMatch => ({ ...key, title: cardKeyTitle(kb, key) });

  const cardAnswer = (key: CardKey, query: string, readable: string): Answer =>
    ({ query, readable, kind: 'card', match: withTitle(key), suggestions: suggester.related(key).map(withTitle) });

  function answerFor(key: CardKey, query = ''): Answer | null {
    if (!cardRefExists(kb, formatCardKey(key))) return null;
    return cardAnswer(key, query, normalizeSlackText(query).readable);
  }

  function answer(text: string): Answer {
    const query = typeof text === 'string' ? text : '';
    const { readable, words } = normalizeSlackText(query);
    // A message with no words at all (a bare mention, emoji) asks what the bot does; one made only of a pasted
    // token still said something, and is answered as not understood.
    const saidNothing = words.length === 0 && !/[\p{L}\p{N}]/u.test(readable);
    if (saidNothing || (words.length > 0 && HELP_REQUESTS.has(words.join(' ')))) return { query, readable, kind: 'help', match: null, suggestions: [] };
    const resolution = resolveTerms(words, vocabulary, speller);
    const decision = decide(resolution, kb);
    if (decision.kind === 'card') return cardAnswer(decision.key, query, readable);
    const suggestions = suggester.suggest(decision.hints, resolution.unknown).map(withTitle);
    return { query, readable, kind: 'no_match', match: null, suggestions, reason: decision.reason };
  }

  return { answer, answerFor };
}

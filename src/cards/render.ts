import { formatCardKey, lookupCard, type Card, type CardKey, type KnowledgeBase } from '../knowledge/index.js';
import type { Answer } from '../engine/types.js';
import { renderConceptCard } from './conceptCard.js';
import { renderHelp } from './help.js';
import { renderNoMatch } from './noMatch.js';
import type { AnswerNotes, CardContext } from './parts.js';
import { renderServiceOverview, renderServiceTopicCard } from './serviceCard.js';
import { renderTopicCard } from './topicCard.js';
import type { RenderOptions, SlackMessage } from './types.js';

/** The message for one engine answer: a knowledge card, the help card, or a "did not understand" card. */
export function renderAnswer(kb: KnowledgeBase, answer: Answer, options: RenderOptions): SlackMessage {
  switch (answer.kind) {
    case 'help':
      return renderHelp();
    case 'no_match':
      return renderNoMatch(kb, answer, options);
    case 'card': {
      if (!answer.match) return renderNoMatch(kb, { ...answer, reason: 'not_understood' }, options);
      const alternatives = (answer.alternatives ?? []).map((alt) => lookupCard(kb, alt)).filter((card): card is Card => card !== null);
      const notes: AnswerNotes = {
        alternatives,
        ...(answer.uncovered ? { uncovered: answer.uncovered } : {}),
        ...(answer.finding ? { finding: answer.finding } : {}),
      };
      return renderCard(kb, { service: answer.match.service, topic: answer.match.topic }, options, answer.readable, notes);
    }
  }
}

/**
 * The card for a key, e.g. from a button click: compact unless `options.length` asks for the full card. A key that names no card (a button from an older release)
 * gets the no-match card rather than an error, so the person still gets an answer.
 */
export function renderCard(kb: KnowledgeBase, key: CardKey, options: RenderOptions, query?: string, notes?: AnswerNotes): SlackMessage {
  const card = lookupCard(kb, key);
  if (!card) return renderNoMatch(kb, { readable: query ?? formatCardKey(key), suggestions: [], reason: 'not_understood' }, options);
  const ctx: CardContext = { kb, options, query, ...(notes ? { notes } : {}) };
  switch (card.kind) {
    case 'service-topic':
      return renderServiceTopicCard(ctx, card);
    case 'service':
      return renderServiceOverview(ctx, card);
    case 'topic':
      return renderTopicCard(ctx, card);
    case 'concept':
      return renderConceptCard(ctx, card);
  }
}

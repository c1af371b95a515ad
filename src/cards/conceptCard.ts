import { CONCEPT_IDS } from '../knowledge/index.js';
import { context, divider, packedSections } from './blocks.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn as esc } from './escape.js';
import { frameCard, relatedCards, scenarioSections, summarySection, type CardContext } from './parts.js';
import type { ResolvedCard } from './resolve.js';
import type { SlackMessage } from './types.js';

type ConceptCard = Extract<ResolvedCard, { kind: 'concept' }>;

export function renderConceptCard(ctx: CardContext, card: ConceptCard): SlackMessage {
  const { concept } = card;
  return frameCard(ctx, {
    card,
    summary: concept.summary,
    blocks: [
      context([`${emoji('mortar_board')} *Concept* · how the Shared Responsibility Model works`]),
      summarySection(concept.summary),
      ...concept.sections.flatMap((s) => packedSections(`*${esc(s.title)}*`, s.points.map((point) => `• ${esc(point)}`))),
      ...(concept.misconceptions && concept.misconceptions.length > 0
        ? [
          divider(),
          ...packedSections(
            `${emoji('x')} *Common misconceptions*`,
            concept.misconceptions.map((m) => `*Myth:* ${esc(m.claim)}\n*Actually:* ${esc(m.truth)}`),
            '\n\n',
          ),
        ]
        : []),
      ...scenarioSections(concept.scenarios),
    ],
    links: concept.links,
    related: relatedCards(ctx.kb, card.key, [...(concept.related ?? []), ...CONCEPT_IDS]),
  });
}

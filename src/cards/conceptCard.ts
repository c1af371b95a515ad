import type { KnownBlock } from '@slack/types';
import { CONCEPT_IDS, type Card, type Concept } from '../knowledge/index.js';
import { context, divider, packedSections, section } from './blocks.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn as esc } from './escape.js';
import { visibleTextLength } from './measure.js';
import { frameCard, relatedCards, scenarioSections, summarySection, type CardContext } from './parts.js';
import type { SlackMessage } from './types.js';

type ConceptCard = Extract<Card, { kind: 'concept' }>;
type Misconception = NonNullable<Concept['misconceptions']>[number];

const mythLine = (m: Misconception): string => `*Myth:* ${esc(m.claim)}\n*Actually:* ${esc(m.truth)}`;

/**
 * The concept's answer is its summary, straight under the title. The compact answer adds the most common
 * misreading when it fits: it is what people most often ask a concept card about ("is a container service Docker?").
 */
function firstMisconception(misconceptions: readonly Misconception[] | undefined, room: number): KnownBlock[] {
  const first = misconceptions?.[0];
  if (!first) return [];
  const block = section(`${emoji('x')} ${mythLine(first)}`);
  return visibleTextLength([block]) <= room ? [block] : [];
}

export function renderConceptCard(ctx: CardContext, card: ConceptCard): SlackMessage {
  const { concept } = card;
  return frameCard(ctx, {
    card,
    summary: concept.summary,
    full: () => [
      summarySection(concept.summary),
      context([`${emoji('mortar_board')} *Concept* · how the Shared Responsibility Model works`]),
      ...concept.sections.flatMap((s) =>
        packedSections(
          `*${esc(s.title)}*`,
          s.points.map((point) => `• ${esc(point)}`),
        ),
      ),
      ...(concept.misconceptions && concept.misconceptions.length > 0
        ? [divider(), ...packedSections(`${emoji('x')} *Common misconceptions*`, concept.misconceptions.map(mythLine), '\n\n')]
        : []),
      ...scenarioSections(concept.scenarios),
    ],
    compact: () => ({
      before: [summarySection(concept.summary)],
      fill: (room) => firstMisconception(concept.misconceptions, room),
    }),
    links: concept.links,
    related: {
      placeholder: 'Related cards…',
      groups: [{ label: 'Related', cards: relatedCards(ctx.kb, card.key, [...(concept.related ?? []), ...CONCEPT_IDS]) }],
    },
  });
}

import { CATEGORY_IDS, type Card } from '../knowledge/index.js';
import { context, packedSections } from './blocks.js';
import { CATEGORIES } from './categories.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn as esc } from './escape.js';
import { fittedSides, frameCard, relatedCards, responsibilityBlocks, summarySection, type CardContext } from './parts.js';
import type { SlackMessage } from './types.js';

type TopicCard = Extract<Card, { kind: 'topic' }>;

/**
 * A topic across every service. Its core is how the split moves from infrastructure to abstracted services,
 * one paragraph a category: paragraphs stay readable on a phone where a three-column table would not.
 */
export function renderTopicCard(ctx: CardContext, card: TopicCard): SlackMessage {
  const { topic } = card;
  return frameCard(ctx, {
    card,
    summary: topic.summary,
    full: () => [
      context([`${emoji('label')} *General topic* · applies to every AWS service; your share depends on the service category`]),
      summarySection(topic.summary),
      ...packedSections(
        `${emoji('bar_chart')} *Who does what, by service category*`,
        CATEGORY_IDS.map((id) => {
          const category = CATEGORIES[id];
          return `${category.symbol} *${category.name}* _(like ${category.likeServices})_\n${esc(topic.by_category[id])}`;
        }),
        '\n\n',
      ),
      ...responsibilityBlocks(topic),
    ],
    compact: () => ({
      before: [summarySection(topic.summary)],
      fill: (room) => [fittedSides(topic, room)],
      check: topic.check,
    }),
    links: topic.links,
    related: {
      placeholder: 'Related cards…',
      groups: [
        { label: 'Related', cards: relatedCards(ctx.kb, card.key, [...(topic.related ?? []), 'categories']) },
        {
          label: `${topic.title} for one service`,
          cards: relatedCards(
            ctx.kb,
            card.key,
            [...ctx.kb.services.keys()].map((id) => `${id}.${topic.id}`),
          ),
        },
      ],
    },
  });
}

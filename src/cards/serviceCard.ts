import { TOPIC_IDS, cardTitle, type Card, type Service, type TopicId } from '../knowledge/index.js';
import { context, section } from './blocks.js';
import { CATEGORIES } from './categories.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn as esc } from './escape.js';
import {
  categoryLine,
  categoryTag,
  fittedSides,
  frameCard,
  relatedCards,
  responsibilityBlocks,
  scenarioSections,
  sidesSection,
  summarySection,
  type CardContext,
  type RelatedMenu,
} from './parts.js';
import type { SlackMessage } from './types.js';

/** The closest cards first in the menu; the rest of the service's topics follow under their own heading. */
const CLOSEST_CARDS = 5;

type ServiceTopicCard = Extract<Card, { kind: 'service-topic' }>;
type ServiceCard = Extract<Card, { kind: 'service' }>;

/** The service's topics with notes of their own first: those cards have the most to say about it. */
const topicsByDepth = (service: Service): TopicId[] =>
  [...TOPIC_IDS].sort((a, b) => Number(service.topics[b] !== undefined) - Number(service.topics[a] !== undefined));

/** On a service's own cards its name in every menu entry is noise: "Patching", not "Amazon EC2 · Patching". */
const labelBeside =
  (service: Service) =>
  (other: Card): string =>
    other.kind === 'service-topic' && other.service.id === service.id ? other.topic.title : cardTitle(other);

function relatedMenu(ctx: CardContext, card: ServiceTopicCard, refs: readonly string[] | undefined): RelatedMenu {
  const { service, topic } = card;
  const closest = relatedCards(ctx.kb, card.key, [
    service.id,
    topic.id,
    ...(refs ?? []),
    ...topicsByDepth(service)
      .filter((id) => service.topics[id] !== undefined)
      .map((id) => `${service.id}.${id}`),
  ]).slice(0, CLOSEST_CARDS);
  const otherTopics = relatedCards(
    ctx.kb,
    card.key,
    TOPIC_IDS.map((id) => `${service.id}.${id}`),
  );
  return {
    placeholder: 'Related cards…',
    groups: [
      { label: 'Related', cards: closest },
      { label: `More ${service.name} topics`, cards: otherTopics },
    ],
    label: labelBeside(service),
  };
}

export function renderServiceTopicCard(ctx: CardContext, card: ServiceTopicCard): SlackMessage {
  return card.entry ? renderServiceTopicEntry(ctx, card, card.entry) : renderServiceTopicFromGeneral(ctx, card);
}

function renderServiceTopicEntry(ctx: CardContext, card: ServiceTopicCard, entry: NonNullable<ServiceTopicCard['entry']>): SlackMessage {
  return frameCard(ctx, {
    card,
    summary: entry.summary,
    full: () => [categoryLine(ctx.kb, card.service), summarySection(entry.summary), ...responsibilityBlocks(entry)],
    compact: () => ({
      before: [summarySection(entry.summary)],
      fill: (room) => [fittedSides(entry, room)],
      check: entry.check,
      after: [categoryTag(ctx.kb, card.service)],
    }),
    links: entry.links,
    related: relatedMenu(ctx, card, entry.related),
  });
}

/**
 * The service file says nothing of this topic, so the card is the general topic card narrowed to the
 * service's category, and says so: the reader must not take general guidance for service-specific fact.
 */
function renderServiceTopicFromGeneral(ctx: CardContext, card: ServiceTopicCard): SlackMessage {
  const { service, topic } = card;
  const category = CATEGORIES[service.category];
  const forCategory = topic.by_category[service.category];
  const generalGuidance = `${emoji('information_source')} General guidance for ${category.label.toLowerCase()}s: srm-bot has no ${esc(service.name)}-specific notes`;
  const generalNote = context([`${generalGuidance} on ${esc(topic.title.toLowerCase())}.`]);
  return frameCard(ctx, {
    card,
    summary: forCategory,
    full: () => [
      categoryLine(ctx.kb, service),
      section(`${category.symbol} *For ${category.label.toLowerCase()}s like ${esc(service.name)}*\n${esc(forCategory)}`),
      generalNote,
      section(`*About ${esc(service.name)}:* ${esc(service.summary)}`),
      ...responsibilityBlocks(topic),
    ],
    compact: () => ({
      before: [summarySection(forCategory), context([`${generalGuidance} on it.`])],
      fill: (room) => [fittedSides(topic, room)],
      check: topic.check,
      after: [categoryTag(ctx.kb, service)],
    }),
    links: [...topic.links, ...service.links],
    related: relatedMenu(ctx, card, topic.related),
  });
}

export function renderServiceOverview(ctx: CardContext, card: ServiceCard): SlackMessage {
  const { service } = card;
  return frameCard(ctx, {
    card,
    summary: service.summary,
    full: () => [
      categoryLine(ctx.kb, service),
      summarySection(service.summary),
      sidesSection(service.aws, service.customer),
      ...scenarioSections(service.scenarios),
    ],
    compact: () => ({
      before: [summarySection(service.summary)],
      fill: (room) => [fittedSides(service, room)],
      after: [categoryTag(ctx.kb, service)],
    }),
    links: service.links,
    related: {
      placeholder: `${service.name} by topic…`,
      groups: [
        {
          label: 'Topics',
          cards: relatedCards(
            ctx.kb,
            card.key,
            topicsByDepth(service).map((id) => `${service.id}.${id}`),
          ),
        },
      ],
      label: labelBeside(service),
    },
  });
}

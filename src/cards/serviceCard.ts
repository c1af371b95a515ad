import { TOPIC_IDS, type Service, type TopicId } from '../knowledge/index.js';
import { context, section } from './blocks.js';
import { CATEGORIES } from './categories.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn as esc } from './escape.js';
import {
  categoryLine, frameCard, relatedCards, responsibilityBlocks, scenarioSections, sidesSection, summarySection, type CardContext,
} from './parts.js';
import { cardButtonLabel, type ResolvedCard } from './resolve.js';
import type { SlackMessage } from './types.js';

/** Buttons beyond this many make a wall on a phone; the rest of the service's topics are in the menu. */
const RELATED_BUTTONS = 5;

type ServiceTopicCard = Extract<ResolvedCard, { kind: 'service-topic' }>;
type ServiceCard = Extract<ResolvedCard, { kind: 'service' }>;

/** The service's topics with notes of their own first: those cards have the most to say about it. */
const topicsByDepth = (service: Service): TopicId[] =>
  [...TOPIC_IDS].sort((a, b) => Number(service.topics[b] !== undefined) - Number(service.topics[a] !== undefined));

/** On a service's own cards its name on every button is noise: "Patching", not "Amazon EC2 · Patching". */
const labelBeside = (service: Service) => (other: ResolvedCard): string =>
  other.kind === 'service-topic' && other.service.id === service.id ? other.topic.title : cardButtonLabel(other);

function navigation(ctx: CardContext, card: ServiceTopicCard, refs: readonly string[] | undefined) {
  const { service, topic } = card;
  const related = relatedCards(ctx.kb, card.key, [
    service.id,
    topic.id,
    ...(refs ?? []),
    ...topicsByDepth(service).filter((id) => service.topics[id] !== undefined).map((id) => `${service.id}.${id}`),
  ]).slice(0, RELATED_BUTTONS);
  const choices = TOPIC_IDS.filter((id) => id !== topic.id)
    .map((id) => ({ id, title: ctx.kb.topics.get(id)?.title }))
    .filter((t): t is { id: TopicId; title: string } => t.title !== undefined)
    .map(({ id, title }) => ({ label: title, value: `${service.id}.${id}` }));
  return { related, relatedLabel: labelBeside(service), more: { placeholder: `More ${service.name} topics…`, choices } };
}

export function renderServiceTopicCard(ctx: CardContext, card: ServiceTopicCard): SlackMessage {
  return card.entry ? renderServiceTopicEntry(ctx, card, card.entry) : renderServiceTopicFromGeneral(ctx, card);
}

function renderServiceTopicEntry(ctx: CardContext, card: ServiceTopicCard, entry: NonNullable<ServiceTopicCard['entry']>): SlackMessage {
  return frameCard(ctx, {
    card,
    summary: entry.summary,
    blocks: [
      categoryLine(card.service),
      summarySection(entry.summary),
      ...responsibilityBlocks(entry),
    ],
    links: entry.links,
    ...navigation(ctx, card, entry.related),
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
  return frameCard(ctx, {
    card,
    summary: forCategory,
    blocks: [
      categoryLine(service),
      section(`${category.symbol} *For ${category.label.toLowerCase()}s like ${esc(service.name)}*\n${esc(forCategory)}`),
      context([`${emoji('information_source')} General guidance for ${category.label.toLowerCase()}s: srm-bot has no ${esc(service.name)}-specific notes on ${esc(topic.title.toLowerCase())}.`]),
      section(`*About ${esc(service.name)}:* ${esc(service.summary)}`),
      ...responsibilityBlocks(topic),
    ],
    links: [...topic.links, ...service.links],
    ...navigation(ctx, card, topic.related),
  });
}

export function renderServiceOverview(ctx: CardContext, card: ServiceCard): SlackMessage {
  const { service } = card;
  const topics = relatedCards(ctx.kb, card.key, topicsByDepth(service).map((id) => `${service.id}.${id}`));
  return frameCard(ctx, {
    card,
    summary: service.summary,
    blocks: [
      categoryLine(service),
      summarySection(service.summary),
      sidesSection(service.aws, service.customer),
      ...scenarioSections(service.scenarios),
    ],
    links: service.links,
    related: topics,
    relatedLabel: labelBeside(service),
    relatedHeading: `${emoji('compass')} *${esc(service.name)} by topic* — pick one for who does what, best practices and checks`,
  });
}

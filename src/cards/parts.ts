import type { ActionsBlockElement, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import {
  formatCardKey,
  type CardKey, type Check, type KnowledgeBase, type Link, type Practice, type Scenario, type Service, type Verdict,
} from '../knowledge/index.js';
import { actions, bulletList, button, context, divider, fieldsSection, header, mrkdwnLink, packedSections, section, staticSelect, type SelectChoice } from './blocks.js';
import { CATEGORIES, CONTAINER_NOTE } from './categories.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn } from './escape.js';
import { cardButtonLabel, cardTitle, resolveCard, resolveCardRef, type ResolvedCard } from './resolve.js';
import { truncatePlain } from './truncate.js';
import { ACTION_IDS, actionId, type RenderOptions, type SlackMessage } from './types.js';

/** What every card renderer is handed: the knowledge, where the card goes, and the query that asked for it. */
export interface CardContext {
  kb: KnowledgeBase;
  options: RenderOptions;
  /** The readable query, carried in button payloads (never shown on the card). */
  query?: string;
  /** What the engine said of its answer beside the card: a service it has no card for, cards nearly as likely. */
  notes?: AnswerNotes;
}

export interface AnswerNotes {
  /** The AWS service the question named that has no card yet ("Amazon Cognito"). */
  uncovered?: string;
  /** Cards the engine found nearly as likely as this one. */
  alternatives: readonly ResolvedCard[];
}

const SRM_PAGE: Link = {
  title: 'AWS Shared Responsibility Model',
  url: 'https://aws.amazon.com/compliance/shared-responsibility-model/',
};

const FALLBACK_TEXT_CHARS = 300;
const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;
const esc = escapeMrkdwn;

/** The plain one-line summary Slack shows in notifications and to screen readers, escaped like any mrkdwn. */
const fallbackText = (title: string, summary: string): string =>
  escapeMrkdwn(truncatePlain(`${title}: ${summary}`.replace(/\s+/g, ' '), FALLBACK_TEXT_CHARS));

export function categoryLine(service: Service): ContextBlock {
  const category = CATEGORIES[service.category];
  // A service's own note that already corrects the Docker reading says it better than the generic one.
  const needsContainerNote = service.category === 'container' && !/docker/i.test(service.category_note ?? '');
  return context([
    `${emoji('label')} *${category.label}*`,
    ...(needsContainerNote ? [CONTAINER_NOTE] : []),
    ...(service.category_note ? [`${emoji('information_source')} ${esc(service.category_note)}`] : []),
  ]);
}

export const summarySection = (summary: string): SectionBlock => section(esc(summary));

/** The heart of every card: what AWS secures next to what you secure (side by side on desktop, stacked on mobile). */
export const sidesSection = (aws: readonly string[], customer: readonly string[]): SectionBlock =>
  fieldsSection([
    `*AWS — security OF the cloud*\n${bulletList(aws.map(esc))}`,
    `*You — security IN the cloud*\n${bulletList(customer.map(esc))}`,
  ]);

const practiceLine = (practice: Practice): string =>
  typeof practice === 'string'
    ? esc(practice)
    : `${esc(practice.text)}${practice.control ? ` _(Security Hub ${esc(practice.control)})_` : ''}`;

const practicesSections = (practices: readonly Practice[]): SectionBlock[] =>
  packedSections(`${emoji('white_check_mark')} *Best practices*`, practices.map((p) => `• ${practiceLine(p)}`));

const mistakesSections = (mistakes: readonly string[]): SectionBlock[] =>
  packedSections(`${emoji('warning')} *Common mistakes*`, mistakes.map((m) => `• ${esc(m)}`));

export function checkSection(check: Check): SectionBlock {
  const lines = [`${emoji('mag')} *Check it* — ${esc(check.label)}`];
  if (check.command) lines.push(`\`\`\`${esc(check.command)}\`\`\``);
  if (check.console) lines.push(`${emoji('computer')} _Console:_ ${esc(check.console)}`);
  return section(lines.join('\n'));
}

const VERDICTS: Record<Verdict, string> = {
  aws: `${emoji('cloud')} *AWS*`,
  customer: `${emoji('raising_hand')} *You*`,
  shared: `${emoji('handshake')} *Shared*`,
};

export const scenarioSections = (scenarios: readonly Scenario[] | undefined): SectionBlock[] =>
  scenarios && scenarios.length > 0
    ? packedSections(
      `${emoji('thinking_face')} *Who's responsible?*`,
      scenarios.map((s) => `*${esc(s.situation)}*\n${VERDICTS[s.verdict]} — ${esc(s.why)}`),
      '\n\n',
    )
    : [];

/** What a service topic and a general topic both hold: the two sides and how to do the customer's side well. */
export interface ResponsibilityBody {
  aws: readonly string[];
  customer: readonly string[];
  practices: readonly Practice[];
  mistakes: readonly string[];
  check: Check;
  scenarios?: readonly Scenario[];
}

/** The body every responsibility card shows in the same order, whatever card kind it is. */
export const responsibilityBlocks = (body: ResponsibilityBody): KnownBlock[] => [
  sidesSection(body.aws, body.customer),
  divider(),
  ...practicesSections(body.practices),
  ...mistakesSections(body.mistakes),
  checkSection(body.check),
  ...scenarioSections(body.scenarios),
];

/** More sources than this crowd the card's end; the first ones given are the most specific. */
const MAX_SOURCES = 5;

/** The card's sources, always ending with AWS's own page on the model. */
function sourcesContext(links: readonly Link[]): ContextBlock {
  const unique = links.filter((link, i) => link.url !== SRM_PAGE.url && links.findIndex((l) => l.url === link.url) === i);
  const shown = [...unique.slice(0, MAX_SOURCES), SRM_PAGE];
  return context([`${emoji('books')} ${shown.map((l) => mrkdwnLink(l.url, l.title)).join('  ·  ')}`]);
}

/** Keys that name cards other than this one, each once, as resolved cards. */
export function relatedCards(kb: KnowledgeBase, self: CardKey, keys: readonly (CardKey | string)[]): ResolvedCard[] {
  const seen = new Set<string>([formatCardKey(self)]);
  const cards: ResolvedCard[] = [];
  for (const key of keys) {
    const card = typeof key === 'string' ? resolveCardRef(kb, key) : resolveCard(kb, key);
    if (!card || seen.has(formatCardKey(card.key))) continue;
    seen.add(formatCardKey(card.key));
    cards.push(card);
  }
  return cards;
}

export interface OpenButtonOptions {
  label?: (card: ResolvedCard) => string;
  /** The question the cards answer, when they are answers to it ("did you mean"), not neighbours of one. */
  query?: string;
  /** Tells this row's action_ids from another row of open buttons in the same message (`srm_open:alt1`). */
  idPrefix?: string;
}

export const openButtons = (cards: readonly ResolvedCard[], { label = cardButtonLabel, query, idPrefix = '' }: OpenButtonOptions = {}): ActionsBlockElement[] =>
  cards.map((card, i) =>
    button({ text: label(card), actionId: actionId(ACTION_IDS.open, `${idPrefix}${i + 1}`), payload: { k: formatCardKey(card.key), q: query } }));

/**
 * Said before the card when the engine is not sure of it: the service asked about has no card of its own (so the
 * general card is not mistaken for a specific one), or another card is nearly as likely.
 */
function answerNoteBlocks(ctx: CardContext): KnownBlock[] {
  const notes = ctx.notes;
  if (!notes) return [];
  const blocks: KnownBlock[] = [];
  if (notes.uncovered) {
    blocks.push(context([`${emoji('information_source')} I don't have a card for *${esc(notes.uncovered)}* yet, so this is the general card: it holds across AWS services, and the service's own documentation has its specifics.`]));
  }
  if (notes.alternatives.length > 0) {
    blocks.push(
      context([`${emoji('thinking_face')} Not sure I read that right. Or did you mean…`]),
      actions('srm_alternatives', openButtons(notes.alternatives, { query: ctx.query, idPrefix: 'alt' })),
    );
  }
  return blocks;
}

/** A menu of cards; `suffix` tells menus apart where a block holds more than one. */
export const browseSelect = (placeholder: string, choices: readonly SelectChoice[], suffix?: string) =>
  staticSelect(actionId(ACTION_IDS.browse, suffix), placeholder, choices);

/** "Share in channel" where only the asker sees the card, then 👍 / 👎. */
function answerActions(ctx: CardContext, key: CardKey): KnownBlock {
  const k = formatCardKey(key);
  const q = ctx.query;
  return actions('srm_answer_actions', [
    ...(ctx.options.surface === 'ephemeral'
      ? [button({ text: 'Share in channel', actionId: ACTION_IDS.share, payload: { k, q }, primary: true })]
      : []),
    button({ text: emoji('+1'), actionId: actionId(ACTION_IDS.feedback, 'up'), payload: { k, q, vote: 'up' } }),
    button({ text: emoji('-1'), actionId: actionId(ACTION_IDS.feedback, 'down'), payload: { k, q, vote: 'down' } }),
  ]);
}

/** The last line of every card; the sharer's id comes from Slack but is checked before it becomes a mention. */
export function footer(options: RenderOptions): ContextBlock {
  const sharedBy = options.sharedBy !== undefined && SLACK_USER_ID.test(options.sharedBy) ? [`Shared by <@${options.sharedBy}>`] : [];
  return context(['srm-bot · AWS Shared Responsibility Model · `/srm help`', ...sharedBy]);
}

export interface CardBody {
  card: ResolvedCard;
  /** Plain summary for the notification text. */
  summary: string;
  blocks: KnownBlock[];
  links: readonly Link[];
  /** Buttons to other cards, in order of use to the reader. */
  related: readonly ResolvedCard[];
  relatedLabel?: (card: ResolvedCard) => string;
  /** Says what the related buttons are when that is not plain from their labels. */
  relatedHeading?: string;
  /** A menu for the cards that did not fit as buttons. */
  more?: { placeholder: string; choices: SelectChoice[] };
}

/** Header, body, sources, buttons and footer: the frame every knowledge card shares. */
export function frameCard(ctx: CardContext, body: CardBody): SlackMessage {
  const title = cardTitle(body.card);
  const navigation: ActionsBlockElement[] = [
    ...openButtons(body.related, { label: body.relatedLabel }),
    ...(body.more && body.more.choices.length > 0 ? [browseSelect(body.more.placeholder, body.more.choices)] : []),
  ];
  return {
    text: fallbackText(title, body.summary),
    blocks: [
      // The card key in the header's block id lets anything reading the message (tests, analytics, a reviewer's
      // tooling) tell which card was sent without parsing its text.
      header(title, `srm_card:${formatCardKey(body.card.key)}`),
      ...answerNoteBlocks(ctx),
      ...body.blocks,
      sourcesContext(body.links),
      divider(),
      ...(navigation.length > 0 && body.relatedHeading ? [context([body.relatedHeading])] : []),
      ...(navigation.length > 0 ? [actions('srm_related', navigation)] : []),
      answerActions(ctx, body.card.key),
      footer(ctx.options),
    ],
  };
}

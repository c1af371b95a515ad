import type { ActionsBlockElement, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { FindingNote } from '../engine/types.js';
import {
  cardProvenance,
  cardTitle,
  categoryNote,
  formatCardKey,
  lookupCard,
  type Card,
  type CardKey,
  type Check,
  type KnowledgeBase,
  type Link,
  type Practice,
  type Scenario,
  type Service,
  type Verdict,
} from '../knowledge/index.js';
import {
  actions,
  bulletList,
  button,
  context,
  divider,
  feedbackButtons,
  fieldsSection,
  groupedSelect,
  header,
  mrkdwnLink,
  packedSections,
  section,
  staticSelect,
  type SelectChoice,
} from './blocks.js';
import { CATEGORIES } from './categories.js';
import { emoji } from './emoji.js';
import { escapeMrkdwn } from './escape.js';
import { COMPACT_TEXT_MAX, visibleTextLength } from './measure.js';
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
  alternatives: readonly Card[];
  /** The Security Hub control or GuardDuty finding the message named: shown first, with who acts on it. */
  finding?: FindingNote;
}

const SRM_PAGE: Link = {
  title: 'AWS Shared Responsibility Model',
  url: 'https://aws.amazon.com/compliance/shared-responsibility-model/',
};

const FALLBACK_TEXT_CHARS = 300;
const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;
const esc = escapeMrkdwn;

/** The plain one-line summary Slack shows in notifications and to screen readers, escaped like any mrkdwn. */
const fallbackText = (title: string, summary: string): string => escapeMrkdwn(truncatePlain(`${title}: ${summary}`.replace(/\s+/g, ' '), FALLBACK_TEXT_CHARS));

export function categoryLine(kb: KnowledgeBase, service: Service): ContextBlock {
  const note = categoryNote(kb, service.category);
  return context([
    `${emoji('label')} *${CATEGORIES[service.category].label}*`,
    ...(note ? [esc(note.note)] : []),
    ...(service.category_note ? [`${emoji('information_source')} ${esc(service.category_note)}`] : []),
  ]);
}

/** The category in one line, for the compact answer: the full card's notes are one tap away. */
export function categoryTag(kb: KnowledgeBase, service: Service): ContextBlock {
  const note = categoryNote(kb, service.category);
  return context([`${emoji('label')} *${CATEGORIES[service.category].label}*${note ? ` · ${esc(note.short)}` : ''}`]);
}

export const summarySection = (summary: string): SectionBlock => section(esc(summary));

/** The heart of every card: what AWS secures next to what you secure (side by side on desktop, stacked on mobile). */
export const sidesSection = (aws: readonly string[], customer: readonly string[]): SectionBlock =>
  fieldsSection([`*AWS — security OF the cloud*\n${bulletList(aws.map(esc))}`, `*You — security IN the cloud*\n${bulletList(customer.map(esc))}`]);

const practiceLine = (practice: Practice): string =>
  typeof practice === 'string' ? esc(practice) : `${esc(practice.text)}${practice.control ? ` _(Security Hub ${esc(practice.control)})_` : ''}`;

const practicesSections = (practices: readonly Practice[]): SectionBlock[] =>
  packedSections(
    `${emoji('white_check_mark')} *Best practices*`,
    practices.map((p) => `• ${practiceLine(p)}`),
  );

const mistakesSections = (mistakes: readonly string[]): SectionBlock[] =>
  packedSections(
    `${emoji('warning')} *Common mistakes*`,
    mistakes.map((m) => `• ${esc(m)}`),
  );

/** How to check your own setup; the compact answer keeps the one command (or the console path when there is none). */
export function checkSection(check: Check, { compact = false } = {}): SectionBlock {
  const lines = [`${emoji('mag')} *Check it* — ${esc(check.label)}`];
  if (check.command) lines.push(`\`\`\`${esc(check.command)}\`\`\``);
  if (check.console && !(compact && check.command)) lines.push(`${emoji('computer')} _Console:_ ${esc(check.console)}`);
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
function sourcesContext(links: readonly Link[], verifiedOn: string | null): ContextBlock {
  const unique = links.filter((link, i) => link.url !== SRM_PAGE.url && links.findIndex((l) => l.url === link.url) === i);
  const shown = [...unique.slice(0, MAX_SOURCES), SRM_PAGE];
  // The date tells a reader how fresh the facts are; the sources let them check each one.
  return context([
    ...(verifiedOn ? [`${emoji('white_check_mark')} Verified ${verifiedOn}`] : []),
    `${emoji('books')} ${shown.map((l) => mrkdwnLink(l.url, l.title)).join('  ·  ')}`,
  ]);
}

/** Keys that name cards other than this one, each once, as resolved cards. */
export function relatedCards(kb: KnowledgeBase, self: CardKey, keys: readonly (CardKey | string)[]): Card[] {
  const seen = new Set<string>([formatCardKey(self)]);
  const cards: Card[] = [];
  for (const key of keys) {
    const card = lookupCard(kb, key);
    if (!card || seen.has(formatCardKey(card.key))) continue;
    seen.add(formatCardKey(card.key));
    cards.push(card);
  }
  return cards;
}

export interface OpenButtonOptions {
  /** The question the cards answer, when they are answers to it ("did you mean"), not neighbours of one. */
  query?: string;
  /** Tells this row's action_ids from another row of open buttons in the same message (`srm_open:alt1`). */
  idPrefix?: string;
}

export const openButtons = (cards: readonly Card[], { query, idPrefix = '' }: OpenButtonOptions = {}): ActionsBlockElement[] =>
  cards.map((card, i) =>
    button({ text: cardTitle(card), actionId: actionId(ACTION_IDS.open, `${idPrefix}${i + 1}`), payload: { k: formatCardKey(card.key), q: query } }),
  );

/** More "or did you mean" buttons than this would crowd the compact answer's button budget. */
const MAX_ALTERNATIVES = 2;

/**
 * Said before the card when the engine is not sure of it: the service asked about has no card of its own (so the
 * general card is not mistaken for a specific one), or another card is nearly as likely.
 */
function answerNoteBlocks(ctx: CardContext, card: Card): KnownBlock[] {
  const notes = ctx.notes;
  if (!notes) return [];
  // The compact answer says each note in a few words; the full card has room to say why.
  const compact = isCompact(ctx);
  const blocks: KnownBlock[] = notes.finding ? [findingSection(notes.finding, card, compact)] : [];
  // A control no card cites yet is said in the finding's own words, not as a service without a card.
  if (notes.uncovered && !notes.finding) {
    const uncovered = `${emoji('information_source')} I don't have a card for *${esc(notes.uncovered)}* yet, so this is the general card`;
    blocks.push(context([compact ? `${uncovered}.` : `${uncovered}: it holds across AWS services, and the service's own documentation has its specifics.`]));
  }
  if (notes.alternatives.length > 0) {
    // Beside a finding, the other cards are not doubt but more of the same answer: they cite the control too, or
    // (beside a GuardDuty type) they say whether AWS acts on what GuardDuty found, or who fixes what it found.
    const lead = notes.finding
      ? notes.finding.kind === 'control'
        ? `${emoji('books')} Also citing ${esc(notes.finding.id)}:`
        : card.key.service === 'guardduty'
          ? `${emoji('books')} Fixing what it found:`
          : `${emoji('books')} Does AWS act on the finding? GuardDuty's side:`
      : `${emoji('thinking_face')} ${compact ? '' : 'Not sure I read that right. '}Or did you mean…`;
    blocks.push(
      context([lead]),
      actions('srm_alternatives', openButtons(notes.alternatives.slice(0, MAX_ALTERNATIVES), { query: ctx.query, idPrefix: 'alt' })),
    );
  }
  return blocks;
}

/**
 * The finding a card answers, before anything else: what Security Hub or GuardDuty said, and who acts on it.
 * Both look at what you run and configure, so the one to act is always you; the card says how.
 */
function findingSection(finding: FindingNote, card: Card, compact: boolean): SectionBlock {
  const who = `${emoji('raising_hand')} *Who acts: you*`;
  if (finding.kind === 'guardduty') {
    const named = `${emoji('rotating_light')} *GuardDuty* \`${esc(finding.id)}\``;
    if (!finding.firstStep) return section(`${named}\n${who} — I don't know this finding type yet, so here is what GuardDuty leaves to you.`);
    return section(`${named}\n${who} — first: ${esc(finding.firstStep)}`);
  }
  const named = `${emoji('shield')} *Security Hub ${esc(finding.id)}*${finding.title ? ` · ${esc(finding.title)}` : ''}`;
  if (!finding.cited) return section(`${named}\nNo card cites ${esc(finding.id)} yet, so here is the ${esc(cardTitle(card))} card.`);
  return section(`${named}\n${who}${compact ? '' : ' — the control checks how you configured it; AWS does not change it for you.'}`);
}

/** A menu of cards; `suffix` tells menus apart where a message or view holds more than one. */
export const browseSelect = (placeholder: string, choices: readonly SelectChoice[], suffix?: string) =>
  staticSelect(actionId(ACTION_IDS.browse, suffix), placeholder, choices);

/** Cards to go on to from this one, under one heading in the card's menu. */
export interface RelatedGroup {
  label: string;
  cards: readonly Card[];
}

/** The one menu of cards to go on to, in place of a row of buttons that would fill a phone screen. */
export interface RelatedMenu {
  placeholder: string;
  groups: readonly RelatedGroup[];
  /** The name of a card in the menu, where the card's own context makes part of it noise. */
  label?: (card: Card) => string;
}

function relatedMenu({ placeholder, groups, label = cardTitle }: RelatedMenu) {
  const seen = new Set<string>();
  const choiceGroups = groups.map((group) => ({
    label: group.label,
    choices: group.cards.flatMap((card) => {
      const value = formatCardKey(card.key);
      if (seen.has(value)) return [];
      seen.add(value);
      return [{ label: label(card), value }];
    }),
  }));
  return choiceGroups.some((group) => group.choices.length > 0) ? groupedSelect(ACTION_IDS.browse, placeholder, choiceGroups) : null;
}

/**
 * The row under an answer: "Details" on the compact answer, "Share in channel" where only the asker sees the card,
 * and the menu of related cards.
 */
function answerActions(ctx: CardContext, key: CardKey, menu: RelatedMenu): KnownBlock[] {
  const k = formatCardKey(key);
  const q = ctx.query;
  const related = relatedMenu(menu);
  const elements: ActionsBlockElement[] = [
    ...(isCompact(ctx) ? [button({ text: 'Details', actionId: ACTION_IDS.details, payload: { k, q, d: true }, primary: true })] : []),
    ...(ctx.options.surface === 'ephemeral'
      ? [
          button({
            text: 'Share in channel',
            actionId: ACTION_IDS.share,
            payload: { k, q, ...(isCompact(ctx) ? {} : { d: true as const }) },
            primary: !isCompact(ctx),
          }),
        ]
      : []),
    ...(related ? [related] : []),
  ];
  return elements.length > 0 ? [actions('srm_answer_actions', elements)] : [];
}

/** 👍 / 👎 under every answer, in Slack's own feedback control. */
function feedbackBlock(ctx: CardContext, key: CardKey): KnownBlock {
  const k = formatCardKey(key);
  const q = ctx.query;
  return feedbackButtons({
    actionId: ACTION_IDS.feedback,
    blockId: 'srm_feedback',
    positive: { text: emoji('+1'), label: 'This answer helped', payload: { k, q, vote: 'up' } },
    negative: { text: emoji('-1'), label: 'This answer did not help', payload: { k, q, vote: 'down' } },
  });
}

/** The last line of every card; the sharer's id comes from Slack but is checked before it becomes a mention. */
export function footer(options: RenderOptions): ContextBlock {
  return context(['srm-bot · AWS Shared Responsibility Model · `/srm help`', ...sharedByLine(options)]);
}

const sharedByLine = (options: RenderOptions): string[] =>
  options.sharedBy !== undefined && SLACK_USER_ID.test(options.sharedBy) ? [`Shared by <@${options.sharedBy}>`] : [];

const isCompact = (ctx: CardContext): boolean => (ctx.options.length ?? 'compact') === 'compact';

/** The two sides, cut to the room a compact answer has left. */
export interface Sides {
  aws: readonly string[];
  customer: readonly string[];
}

/**
 * The compact answer: the blocks before and after what fills the rest of the room. `fill` gets the characters left
 * once everything else is counted and returns blocks within them (the two sides, the first misconception…).
 */
export interface CompactBody {
  before: KnownBlock[];
  /** How to check your setup: after `fill`, or right under a finding the card answers. */
  check?: Check;
  fill?: (room: number) => KnownBlock[];
  after?: KnownBlock[];
}

export interface CardBody {
  card: Card;
  /** Plain summary for the notification text. */
  summary: string;
  /** The whole card's body (length `full`). */
  full: () => KnownBlock[];
  compact: () => CompactBody;
  links: readonly Link[];
  related: RelatedMenu;
}

/** Header, body, sources, buttons and footer: the frame every knowledge card shares, compact or full. */
export function frameCard(ctx: CardContext, body: CardBody): SlackMessage {
  // The card key in the header's block id lets anything reading the message (tests, analytics, a reviewer's
  // tooling) tell which card was sent without parsing its text.
  const head = [header(cardTitle(body.card), `srm_card:${formatCardKey(body.card.key)}`), ...answerNoteBlocks(ctx, body.card)];
  const tail = [...answerActions(ctx, body.card.key, body.related), feedbackBlock(ctx, body.card.key)];
  const text = fallbackText(cardTitle(body.card), body.summary);
  if (!isCompact(ctx)) {
    const verifiedOn = cardProvenance(ctx.kb, body.card.key)?.verifiedOn ?? null;
    return { text, blocks: [...head, ...body.full(), sourcesContext(body.links, verifiedOn), divider(), ...tail, footer(ctx.options)] };
  }
  const { before, fill, check, after = [] } = body.compact();
  const checkBlocks = check ? [checkSection(check, { compact: true })] : [];
  // Under a finding the check comes first, in place of the summary: the finding already says what is at stake,
  // and the check is how to confirm it and the fix.
  const top = ctx.notes?.finding ? [...head, ...checkBlocks] : [...head, ...before];
  const shared = sharedByLine(ctx.options);
  const end = [...(ctx.notes?.finding ? [] : checkBlocks), ...after, ...tail, ...(shared.length > 0 ? [context(shared)] : [])];
  const filled = fill ? fill(COMPACT_TEXT_MAX - visibleTextLength([...top, ...end])) : [];
  return { text, blocks: [...top, ...filled, ...end] };
}

/**
 * The two sides within `room` visible characters: up to three bullets a side (the first are the ones that matter
 * most), dropping the longest last bullet until they fit, and cutting the last one left on a side only when even
 * one bullet a side is too long.
 */
export function fittedSides({ aws, customer }: Sides, room: number): SectionBlock {
  let awsShown = aws.slice(0, COMPACT_BULLETS);
  let customerShown = customer.slice(0, COMPACT_BULLETS);
  const fits = () => visibleTextLength([sidesSection(awsShown, customerShown)]) <= room;
  while (!fits() && (awsShown.length > 1 || customerShown.length > 1)) {
    const awsLast = awsShown.length > 1 ? awsShown.at(-1)!.length : -1;
    const customerLast = customerShown.length > 1 ? customerShown.at(-1)!.length : -1;
    if (awsLast >= customerLast) awsShown = awsShown.slice(0, -1);
    else customerShown = customerShown.slice(0, -1);
  }
  const [awsFirst = '', customerFirst = ''] = [awsShown[0], customerShown[0]];
  // Escaping can make the shown text longer than the cut, so the cut shrinks until the section fits.
  for (let each = Math.max(awsFirst.length, customerFirst.length); !fits() && each > COMPACT_BULLET_MIN; each -= COMPACT_BULLET_STEP) {
    awsShown = [truncatePlain(awsFirst, each)];
    customerShown = [truncatePlain(customerFirst, each)];
  }
  return sidesSection(awsShown, customerShown);
}

/** Bullets a side on the compact answer. */
const COMPACT_BULLETS = 3;
/** However little room is left, a side keeps this much of its first bullet… */
const COMPACT_BULLET_MIN = 40;
/** …shortened this many characters at a time until the sides fit. */
const COMPACT_BULLET_STEP = 5;

/**
 * Property-based tests: thousands of random and hostile texts through the engine and the cards, as a slash
 * command, a mention or a button click would bring them. Whatever arrives, the bot answers (no exception),
 * Slack accepts the message (Block Kit limits) and nothing a person typed can ping anyone.
 * A failure prints fast-check's seed and path; rerun with them to replay the exact input.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ACTION_IDS,
  actionIdBase,
  checkBlockKitLimits,
  encodeButtonPayload,
  escapeMrkdwn,
  LIMITS,
  parseButtonPayload,
  renderAnswer,
  renderCard,
  truncateMrkdwn,
  truncatePlain,
  type RenderOptions,
  type SlackMessage,
} from '../src/cards/index.js';
import { openEngine, type Engine } from '../src/engine/index.js';
import { CONCEPT_IDS, SERVICE_IDS, TOPIC_IDS, aliasPhrase, formatCardKey, openKnowledge, parseCardKey, type KnowledgeBase } from '../src/knowledge/index.js';
import { controls } from './fixtures/cards/inspect.js';

/** The controls whose value is a card's ButtonPayload. */
const CARD_ACTIONS = new Set<string>([ACTION_IDS.open, ACTION_IDS.share, ACTION_IDS.details, ACTION_IDS.feedback, ACTION_IDS.learnMore]);

/** Per property; the whole file stays within a few seconds on a CI machine. */
const RUNS = 2_000;

let kb: KnowledgeBase;
let engine: Engine;
/** Words the knowledge base knows, so random texts also reach real cards rather than only "no match". */
let knownPhrases: string[];

beforeAll(() => {
  kb = openKnowledge();
  engine = openEngine(kb);
  knownPhrases = [
    ...[...kb.services.values()].flatMap((s) => [s.name, ...s.aliases.map(aliasPhrase)]),
    ...[...kb.topics.values()].flatMap((t) => [t.title, ...t.aliases.map(aliasPhrase)]),
    ...[...kb.concepts.values()].flatMap((c) => [c.title, ...c.aliases.map(aliasPhrase)]),
    ...kb.vocabulary.neutral,
    ...kb.vocabulary.out_of_scope,
  ];
});

// biome-ignore format: a hand-packed word list; one entry a line would be 60 lines
/** Everything Slack delivers or a person pastes that could turn into markup, a ping or a broken message. */
const HOSTILE = [
  '<!channel>', '<!here>', '<!everyone>', '<!channel|@channel>', '<!here|here>', '<@U0123ABCD>', '<@W0123ABCD|bob>',
  '<@U0BOTSRM>', '<!subteam^S0123|@security>', '<#C0123|general>', '<#C0123>', '<https://evil.example|click me>',
  '<https://evil.example>', '<mailto:a@b.example|mail>', '<!date^1392734382^{date}|Feb 18>', '<!foo>',
  '&lt;!channel&gt;', '&lt;@U0123ABCD&gt;', '&amp;lt;!here&amp;gt;', '&amp;', '&lt;', '&gt;', '&', '<', '>', '<<!here>>',
  '<!chan', 'nel>', '@channel', '@here', '```', '`', '*', '_', '~', '>', '|', '\n', '\r\n', '\t', '\u0000', '\u0007',
  '\u001b[2J', '\u202E', '\u2066', '\u200B', '\u200F', '\uFEFF', '\uD800', '\uDFFF', '🙂', '👨‍👩‍👧', ':lock:', ':skull:',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is one of the hostile inputs
  'é', 'e\u0301', 'İ', 'ß', 'ﬁ', '\u{1D400}', '%00', '${process.exit()}', '{{7*7}}', "'; DROP TABLE tips;--",
  '</script>', 'x'.repeat(3_000), 'word '.repeat(800), '<'.repeat(500), '&'.repeat(500), '<!here>'.repeat(300),
];

const hostileToken = fc.constantFrom(...HOSTILE);
const knownPhrase = fc.integer({ min: 0, max: 10_000 }).map((i) => knownPhrases[i % knownPhrases.length]!);
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 50 }));

/** A message: known words, hostile markup and random text, mixed in any order and joined with or without spaces. */
const message = fc
  .tuple(
    fc.array(fc.oneof({ weight: 3, arbitrary: knownPhrase }, { weight: 3, arbitrary: hostileToken }, { weight: 2, arbitrary: anyText }), { maxLength: 25 }),
    fc.constantFrom(' ', ' ', '\n', '  ', ''),
  )
  .map(([parts, separator]) => parts.join(separator));

const slackUserId = fc.stringMatching(/^[UW][A-Z0-9]{8,10}$/);
const renderOptions: fc.Arbitrary<RenderOptions> = fc.record(
  {
    surface: fc.constantFrom('ephemeral', 'message'),
    sharedBy: fc.oneof(slackUserId, hostileToken, anyText),
    length: fc.constantFrom('compact', 'full'),
  },
  { requiredKeys: ['surface'] },
);

const ALL_KEYS = [...SERVICE_IDS, ...TOPIC_IDS, ...CONCEPT_IDS, ...SERVICE_IDS.flatMap((s) => TOPIC_IDS.map((t) => `${s}.${t}`))];

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** Every mrkdwn string Slack will parse for markup: the notification text and each mrkdwn text object. */
function mrkdwnTexts(message: SlackMessage): string[] {
  const texts = [message.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRecord(node)) {
      if (node.type === 'mrkdwn' && typeof node.text === 'string') texts.push(node.text);
      Object.values(node).forEach(walk);
    }
  };
  walk(message.blocks);
  return texts;
}

/** Links the cards may carry: the knowledge base's sources, which its schema restricts to official AWS pages. */
const AWS_LINK = /^<https:\/\/([a-z0-9-]+\.)*(aws\.amazon\.com|amazon\.com|awsstatic\.com|amazonaws\.com)\/[^<>|\s]*\|[^<>]*>$/;

/** What Slack turns into a ping, a channel link or a link: `<!…`, `<@…`, `<#…`, `<scheme:…`, closed or not. */
const ACTIVE_MARKUP = /<(?:[!@#]|[a-z][a-z0-9+.-]*:)[^<>]*>?/gi;

/**
 * Markup in the message that a person's text could have put there: every active token except the knowledge
 * base's AWS source links and the sharer's own validated mention.
 */
function injectedMarkup(message: SlackMessage, options: RenderOptions): string[] {
  const sharer = options.sharedBy !== undefined && /^[UW][A-Z0-9]+$/.test(options.sharedBy) ? `<@${options.sharedBy}>` : null;
  return mrkdwnTexts(message).flatMap((text) => (text.match(ACTIVE_MARKUP) ?? []).filter((token) => token !== sharer && !AWS_LINK.test(token)));
}

/** What every message we send must satisfy, whatever produced it. */
function expectSendable(message: SlackMessage, options: RenderOptions): void {
  expect(checkBlockKitLimits(message)).toEqual([]);
  expect(message.text.trim().length).toBeGreaterThan(0);
  expect(injectedMarkup(message, options)).toEqual([]);
  // Every card button's value comes back to us on a click (quiz buttons carry the quiz's own payloads).
  const cardButtons = controls(message).filter((c) => c.type !== 'static_select' && CARD_ACTIONS.has(actionIdBase(c.action_id)!));
  for (const { value } of cardButtons) {
    expect(parseButtonPayload(value), `button value ${value} does not parse back`).not.toBeNull();
  }
}

describe('engine under random and hostile text', () => {
  it('answers every text without throwing, with a consistent answer', () => {
    fc.assert(
      fc.property(message, (text) => {
        const answer = engine.answer(text);
        expect(['card', 'help', 'no_match']).toContain(answer.kind);
        expect(answer.match !== null).toBe(answer.kind === 'card');
        expect(answer.query).toBe(text);
        for (const card of [...(answer.match ? [answer.match] : []), ...answer.suggestions]) {
          expect(engine.answerFor(card), `${formatCardKey(card)} names no card`).not.toBeNull();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('answers a single 4,000-character word, as a paste without spaces arrives', () => {
    for (const word of ['x'.repeat(4_000), 'é'.repeat(4_000), '語'.repeat(4_000)]) {
      expect(engine.answer(word).kind).toBe('no_match');
    }
  });
});

describe('cards for whatever the engine answered', () => {
  it('every slash-command, mention and shared answer is sendable and pings nobody', () => {
    fc.assert(
      fc.property(message, renderOptions, (text, options) => {
        expectSendable(renderAnswer(kb, engine.answer(text), options), options);
      }),
      { numRuns: RUNS },
    );
  });

  it('a button click with any card key and any carried query renders a sendable card', () => {
    const key = fc.oneof(fc.constantFrom(...ALL_KEYS), fc.string({ maxLength: 30 }));
    fc.assert(
      fc.property(key, fc.option(message, { nil: undefined }), renderOptions, (ref, query, options) => {
        const cardKey = parseCardKey(ref);
        if (cardKey === null) return;
        const answer = engine.answerFor(cardKey, query);
        const rendered = answer ? renderAnswer(kb, answer, options) : renderCard(kb, cardKey, options, query);
        expectSendable(rendered, options);
      }),
      { numRuns: RUNS },
    );
  });

  it('button values read back exactly as encoded, whatever query they carry', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_KEYS),
        fc.option(message, { nil: undefined }),
        fc.option(fc.constantFrom('up' as const, 'down' as const), { nil: undefined }),
        (k, q, vote) => {
          const value = encodeButtonPayload({ k, ...(q !== undefined && { q }), ...(vote && { vote }) });
          expect(value.length).toBeLessThanOrEqual(2_000);
          const payload = parseButtonPayload(value);
          expect(payload?.k).toBe(k);
          expect(payload?.vote).toBe(vote);
          if (q === undefined) return;
          // The query is kept whole whenever the value fits, and only then shortened (to a prefix and an ellipsis).
          expect(payload?.q).toBeDefined();
          const fitsWhole = JSON.stringify({ k, q, ...(vote && { vote }) }).length <= LIMITS.buttonValue;
          if (fitsWhole) expect(payload!.q).toBe(q);
          else expect(payload!.q!.endsWith('…') && q.startsWith(payload!.q!.slice(0, -1).trimEnd())).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('button values forged by anyone are refused or read as a real card key, never thrown on', () => {
    const forged = fc.oneof(
      anyText,
      fc.json(),
      fc.constantFrom('{"k":"s3","q":5}', '{"k":"nope"}', '{"k":"s3.encryption","vote":"maybe"}', 'null', '[]', '{"k":"__proto__"}'),
    );
    fc.assert(
      fc.property(forged, (value) => {
        const payload = parseButtonPayload(value);
        if (payload !== null) expect(parseCardKey(payload.k)).not.toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('escaping and truncation, the pieces every echo goes through', () => {
  const unescapeMrkdwn = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

  it('escaped text has no markup left and reads back as the original', () => {
    fc.assert(
      fc.property(message, (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
        expect(unescapeMrkdwn(escaped)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('truncation keeps to the limit and never splits an entity, link or mention', () => {
    fc.assert(
      fc.property(message, fc.integer({ min: 1, max: 400 }), (text, max) => {
        const cut = truncateMrkdwn(escapeMrkdwn(text), max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
        expect(truncatePlain(text, max).length).toBeLessThanOrEqual(max);
      }),
      { numRuns: RUNS },
    );
  });
});

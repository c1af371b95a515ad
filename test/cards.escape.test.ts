import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBlockKitLimits, escapeMrkdwn, renderAnswer, renderCard, renderTip, type SlackMessage } from '../src/cards/index.js';
import type { Answer } from '../src/engine/types.js';
import { everyCardKey, hostileFill, syntheticKnowledge } from './fixtures/cards/syntheticKnowledge.js';
import { markupTexts } from './fixtures/cards/inspect.js';

const HOSTILE_QUERY = 'what about <!channel> <!here> <!everyone> <@U123> <#C1|general> <https://x.example|y> & &amp; &lt;b&gt;';

const noMatch = (readable: string, reason: Answer['reason'] = 'not_understood'): Answer => ({
  query: readable,
  readable,
  kind: 'no_match',
  match: null,
  suggestions: [],
  reason,
});

/** The `<…>` tokens Slack would act on: mentions, broadcasts and links. */
const markupTokens = (texts: readonly string[]) => texts.flatMap((text) => text.match(/<[^<>]*>/g) ?? []);

describe('escapeMrkdwn', () => {
  it('escapes &, < and >, & first so the entities it makes are not escaped again', () => {
    expect(escapeMrkdwn('<!channel> & <@U123>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt;');
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
    expect(escapeMrkdwn('plain *bold* `code`')).toBe('plain *bold* `code`');
  });

  it('leaves no < or > for Slack to read as markup and decodes back to the same text, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(text);
      }),
    );
  });
});

describe('user text echoed on the no-match card', () => {
  const kb = syntheticKnowledge({ fill: (what) => what, coveredTopics: () => ['encryption'] });

  it('is escaped in the blocks and in the notification text: no mention, broadcast or link survives', () => {
    const message = renderAnswer(kb, noMatch(HOSTILE_QUERY), { surface: 'ephemeral' });
    expect(markupTokens(markupTexts(message))).toEqual([]);
    expect(message.text).toContain('&lt;!channel&gt;');
    expect(message.text).toContain('&amp;amp;');
    expect(markupTexts(message).join('\n')).toContain('&lt;https://x.example|y&gt;');
  });

  it('is echoed, shortened and on one line, without control characters', () => {
    const message = renderAnswer(kb, noMatch(`first line\nsecond\u0007line \u001b[31mred\u202e ${'long '.repeat(200)}`), { surface: 'ephemeral' });
    const opening = markupTexts(message)[1] ?? '';
    expect(opening).toContain('“first line second line [31mred long');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is that these control characters are gone
    expect(opening).not.toMatch(/[\u0007\u001b\u202e]/);
    expect(opening.length).toBeLessThan(600);
  });

  it('stays escaped and within limits for any text at all', () => {
    const markupHeavy = fc
      .array(fc.constantFrom('<!channel>', '<@U123>', '<https://x|y>', '&', '&amp;', '<', '>', 'word', ' ', '\n', '*', '`'), { maxLength: 400 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 3000 }), markupHeavy),
        fc.constantFrom('out_of_scope', 'not_understood', 'too_vague') as fc.Arbitrary<Answer['reason']>,
        (text, reason) => {
          const message = renderAnswer(kb, noMatch(text, reason), { surface: 'message' });
          expect(markupTokens(markupTexts(message))).toEqual([]);
          expect(checkBlockKitLimits(message)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('knowledge text on cards', () => {
  // Knowledge is written by people; a stray "<" or "&" in a fact must show as typed, never act as markup.
  const kb = syntheticKnowledge({ fill: hostileFill, coveredTopics: (s) => (s === 's3' ? ['encryption'] : []) });
  const allowedToken = (token: string) =>
    /^<https:\/\/docs\.aws\.amazon\.com\/[^|<>\s]*\|[^<>]*>$/.test(token) ||
    /^<https:\/\/aws\.amazon\.com\/compliance\/shared-responsibility-model\/\|AWS Shared Responsibility Model>$/.test(token) ||
    token === '<@U0123ABC>';

  const tokensOf = (message: SlackMessage) => markupTokens(markupTexts(message)).filter((token) => !allowedToken(token));

  it('is escaped in every card: the only markup left is our own source links and the sharer', () => {
    const leaks = everyCardKey(kb).flatMap((key) => tokensOf(renderCard(kb, key, { surface: 'message', sharedBy: 'U0123ABC' })));
    expect(leaks).toEqual([]);
  });

  it('is escaped in the daily tip', () => {
    for (const tip of kb.tips) expect(tokensOf(renderTip(kb, tip, '2026-11-23'))).toEqual([]);
  });

  it('is escaped in the notification text', () => {
    const message = renderCard(kb, { service: 's3', topic: 'encryption' }, { surface: 'ephemeral' });
    expect(message.text).not.toMatch(/[<>]/);
    expect(message.text).toContain('&lt;!channel&gt;');
  });
});

describe('the "Shared by" note', () => {
  const kb = syntheticKnowledge({ fill: (what) => what, coveredTopics: () => [] });
  const footerOf = (sharedBy: string) => {
    const message = renderCard(kb, { service: 's3', topic: null }, { surface: 'message', sharedBy });
    return markupTexts(message).slice(-2).join(' ');
  };

  it('mentions a Slack user id', () => {
    expect(footerOf('U0123ABC')).toContain('Shared by <@U0123ABC>');
    expect(footerOf('W0123ABC')).toContain('Shared by <@W0123ABC>');
  });

  it('is left out when the id is not a Slack user id', () => {
    for (const bad of ['<!channel>', 'U123> <!channel', 'here', 'u0123abc', 'U01|x', '']) {
      expect(footerOf(bad)).not.toContain('Shared by');
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeButtonPayload, LIMITS, parseButtonPayload, truncateMrkdwn, truncatePlain } from '../src/cards/index.js';
import { packedSections } from '../src/cards/blocks.js';

/** Slack's markup that must come through a cut whole or not at all. */
const TOKENS = [
  '<https://docs.aws.amazon.com/a?b=1&amp;c=2|AWS &amp; docs>',
  '<@U123>',
  '&amp;',
  '&lt;',
  '&gt;',
  '```',
  '`',
  '*',
  ' ',
  '\n',
  'word',
  'é',
  '👍🏽',
];
const mrkdwnText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((parts) => parts.join(''));

describe('truncatePlain', () => {
  it('leaves text that fits alone', () => {
    expect(truncatePlain('S3 · Encryption', 15)).toBe('S3 · Encryption');
  });

  it('cuts to the limit with an ellipsis, on a word when one is near', () => {
    const cut = truncatePlain('Turn on default encryption for every bucket in the account', 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toBe('Turn on default encryption…');
  });

  it('never splits a character made of two UTF-16 units', () => {
    const cut = truncatePlain('😀'.repeat(20), 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toBe('😀😀😀😀…');
  });
});

describe('truncateMrkdwn', () => {
  it('never cuts inside a link: the link goes whole or not at all', () => {
    const link = '<https://docs.aws.amazon.com/s3|S3 user guide>';
    const cut = truncateMrkdwn(`See ${link} for more`, 30);
    expect(cut).toBe('See…');
    expect(truncateMrkdwn(`See ${link} for more`, 52)).toBe(`See ${link}…`);
  });

  it('never cuts inside an entity', () => {
    expect(truncateMrkdwn('a &amp; b &amp; c', 8)).toBe('a &amp;…');
    expect(truncateMrkdwn('aaaaa&amp;bbbb', 8)).toBe('aaaaa…');
  });

  it('closes a code block the cut left open', () => {
    const cut = truncateMrkdwn('Run ```aws s3api get-bucket-encryption --bucket my-bucket --region eu-west-1``` now', 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith('…```')).toBe(true);
    expect(cut.split('```').length % 2).toBe(1);
  });

  it('keeps every link, mention and entity whole and fences balanced, for any text and limit', () => {
    fc.assert(
      fc.property(mrkdwnText, fc.integer({ min: 4, max: 400 }), (text, max) => {
        const cut = truncateMrkdwn(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(cut).toBe(text);
        for (const token of cut.match(/<[^<>]*>/g) ?? []) expect(TOKENS).toContain(token);
        expect(cut.replace(/<[^<>]*>/g, '')).not.toMatch(/[<>]/);
        expect(cut.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
        if (text.split('```').length % 2 === 1) expect(cut.split('```').length % 2).toBe(1);
      }),
    );
  });
});

describe('packedSections', () => {
  it('flows a long list on into further sections instead of cutting it', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `• item ${i} ${'x'.repeat(200)}`);
    const sections = packedSections('*Heading*', lines);
    expect(sections.length).toBeGreaterThan(1);
    const texts = sections.map((s) => s.text?.text ?? '');
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(texts.join('\n')).toBe(['*Heading*', ...lines].join('\n'));
  });
});

describe('button payloads', () => {
  it('round-trip through encode and parse', () => {
    const payload = { k: 's3.encryption', q: 'how do I "encrypt" s3?', vote: 'up' as const };
    expect(parseButtonPayload(encodeButtonPayload(payload))).toEqual(payload);
  });

  it('shorten the query so the value fits in 2,000 characters, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1500, maxLength: 5000 }), (q) => {
        const value = encodeButtonPayload({ k: 's3.encryption', q, vote: 'down' });
        expect(value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
        const parsed = parseButtonPayload(value);
        expect(parsed?.k).toBe('s3.encryption');
        expect(parsed?.vote).toBe('down');
        expect(q.startsWith(parsed!.q!.replace(/…$/, ''))).toBe(true);
      }),
      { numRuns: 50 },
    );
    const quotes = encodeButtonPayload({ k: 'overview', q: '"\u0000'.repeat(2000) });
    expect(quotes.length).toBeLessThanOrEqual(LIMITS.buttonValue);
  });

  it('refuse values the cards never made', () => {
    for (const value of [undefined, '', 'not json', '[]', 'null', '{"k":1}', '{"k":"nope.nope"}', '{"k":"s3","q":5}', '{"k":"s3","vote":"maybe"}']) {
      expect(parseButtonPayload(value)).toBeNull();
    }
    expect(parseButtonPayload('{"k":"s3","extra":"ignored"}')).toEqual({ k: 's3' });
  });
});

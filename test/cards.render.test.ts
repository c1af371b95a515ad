import { describe, expect, it } from 'vitest';
import {
  ACTION_IDS,
  actionIdBase,
  checkBlockKitLimits,
  COMPACT_TEXT_MAX,
  EXAMPLE_QUERIES,
  visibleTextLength,
  parseButtonPayload,
  renderAnswer,
  renderCard,
  renderHelp,
  renderHome,
  renderTip,
  type SlackMessage,
} from '../src/cards/index.js';
import type { Answer } from '../src/engine/types.js';
import { openEngine } from '../src/engine/index.js';
import { TOPIC_IDS, formatCardKey, loadKnowledge, openKnowledge, parseCardKey, type CardKey, type KnowledgeBase } from '../src/knowledge/index.js';
import { buttons, byBlock, controls, markupTexts, mrkdwnTexts, votes } from './fixtures/cards/inspect.js';
import { readableFill, syntheticKnowledge } from './fixtures/cards/syntheticKnowledge.js';

// Readable fill: every text is the name of its field ("s3.encryption.aws.1"), so a card shows where its words came from.
// Categories cycle by service order: ec2 infrastructure, ebs container, vpc abstracted, elb infrastructure, s3 container…
const kb: KnowledgeBase = syntheticKnowledge({ fill: readableFill, coveredTopics: (s) => (s === 'ec2' ? [] : ['encryption', 'access']) });
const key = (ref: string): CardKey => parseCardKey(ref)!;
const textOf = (message: SlackMessage) => markupTexts(message).join('\n');
const headerOf = (message: SlackMessage) => (message.blocks[0]?.type === 'header' ? message.blocks[0].text.text : undefined);
const FULL = { surface: 'ephemeral', length: 'full' } as const;
/** The card's menu of related cards, as (group label, card keys) pairs; a menu without groups is one unnamed group. */
function menuOf(message: SlackMessage): [string, string[]][] {
  const menu = controls(message).find((c) => c.type === 'static_select') as
    | { option_groups?: { label: { text: string }; options: { value: string }[] }[]; options?: { value: string }[] }
    | undefined;
  if (!menu) return [];
  return menu.option_groups ? menu.option_groups.map((g) => [g.label.text, g.options.map((o) => o.value)]) : [['', (menu.options ?? []).map((o) => o.value)]];
}

describe('a service × topic card (full)', () => {
  const card = renderCard(kb, key('s3.encryption'), FULL, 'how do I encrypt s3?');
  const text = textOf(card);

  it('is headed "service · topic" and has a one-line plain fallback with its summary', () => {
    expect(headerOf(card)).toBe('s3.name · encryption.title');
    expect(card.text).toBe('s3.name · encryption.title: s3.encryption.summary');
  });

  it('labels the two sides, each with its bullets', () => {
    const fields =
      card.blocks.find((b) => b.type === 'section' && b.fields)?.type === 'section'
        ? (card.blocks.find((b) => b.type === 'section' && b.fields) as { fields: { text: string }[] }).fields.map((f) => f.text)
        : [];
    expect(fields[0]).toMatch(/^\*AWS — security OF the cloud\*\n• s3\.encryption\.aws\.1\n/);
    expect(fields[1]).toMatch(/^\*You — security IN the cloud\*\n• s3\.encryption\.customer\.1\n/);
  });

  it('shows practices with their Security Hub controls, mistakes, the check and the scenarios', () => {
    expect(text).toContain(':white_check_mark: *Best practices*\n• s3.encryption.practice1 _(Security Hub S1.10)_');
    expect(text).toContain(':warning: *Common mistakes*\n• s3.encryption.mistake.1');
    expect(text).toContain('*Check it* — s3.encryption.check\n```s3.encryption.command```');
    expect(text).toContain('_Console:_ s3.encryption.console');
    expect(text).toContain("*Who's responsible?*\n*s3.encryption.scenario1*\n:cloud: *AWS* — s3.encryption.scenario1.why");
    expect(text).toContain(':raising_hand: *You* — s3.encryption.scenario2.why');
    expect(text).toContain(':handshake: *Shared* — s3.encryption.scenario3.why');
  });

  it('cites its sources and always the shared responsibility model page', () => {
    expect(text).toContain('<https://docs.aws.amazon.com/s3.encryption/1|s3.encryption.link1>');
    expect(text).toContain('<https://aws.amazon.com/compliance/shared-responsibility-model/|AWS Shared Responsibility Model>');
  });

  it("says the category, and on a container service the category's note beside the service's own", () => {
    expect(text).toContain(':label: *Container service*');
    expect(text).toContain('categories.container.note');
    expect(text).toContain('s3.category_note');
    expect(textOf(renderCard(kb, key('vpc.encryption'), FULL))).not.toContain('categories.container');
  });

  it('offers the service overview, the general topic and its related cards, then the other topics, in one menu', () => {
    expect(menuOf(card)).toEqual([
      ['Related', ['s3', 'encryption', 'iam.access', 'kms', 'overview']],
      ['More s3.name topics', expect.arrayContaining(['s3.access', 's3.patching'])],
    ]);
    expect(menuOf(card)[1]![1]).toHaveLength(TOPIC_IDS.length - 1);
    expect(menuOf(card).flatMap(([, keys]) => keys)).not.toContain('s3.encryption');
    expect(controls(card).find((c) => c.type === 'static_select')?.action_id).toBe(ACTION_IDS.browse);
    expect(buttons(card).filter((b) => b.action_id.startsWith(ACTION_IDS.open))).toEqual([]);
  });

  it("names each card in its menu as the card's own header names it", () => {
    const menu = controls(card).find((c) => c.type === 'static_select') as unknown as {
      option_groups: { options: { text: { text: string }; value: string }[] }[];
    };
    const related = menu.option_groups[0]!.options;
    expect(related.map((o) => o.text.text)).toEqual(related.map((o) => headerOf(renderCard(kb, key(o.value), FULL))));
  });

  it('offers "Share in channel" (sharing these details) only where the card is ephemeral, no "Details", and 👍 / 👎 everywhere', () => {
    const shared = renderCard(kb, key('s3.encryption'), { surface: 'message', sharedBy: 'U0A', length: 'full' });
    expect(buttons(card).map((b) => b.action_id)).toEqual([ACTION_IDS.share]);
    expect(parseButtonPayload(buttons(card)[0]?.value)).toEqual({ k: 's3.encryption', q: 'how do I encrypt s3?', d: true });
    expect(buttons(shared)).toEqual([]);
    for (const message of [card, shared]) expect(votes(message).map((v) => parseButtonPayload(v.value)?.vote)).toEqual(['up', 'down']);
  });

  it('ends with the footer line', () => {
    expect(mrkdwnTexts(card).at(-1)).toBe('srm-bot · AWS Shared Responsibility Model · `/srm help`');
  });
});

describe('the compact answer (the first message of every answer)', () => {
  const card = renderCard(kb, key('s3.encryption'), { surface: 'ephemeral' }, 'how do I encrypt s3?');
  const text = textOf(card);

  it('opens with the verdict right under the title, then the two sides with at most three bullets each', () => {
    expect(headerOf(card)).toBe('s3.name · encryption.title');
    expect(card.blocks[0]).toMatchObject({ block_id: 'srm_card:s3.encryption' });
    expect(card.blocks[1]).toMatchObject({ type: 'section', text: { text: 's3.encryption.summary' } });
    const fields = (card.blocks.find((b) => b.type === 'section' && b.fields) as { fields: { text: string }[] }).fields.map((f) => f.text);
    expect(fields).toEqual([
      '*AWS — security OF the cloud*\n• s3.encryption.aws.1\n• s3.encryption.aws.2\n• s3.encryption.aws.3',
      '*You — security IN the cloud*\n• s3.encryption.customer.1\n• s3.encryption.customer.2\n• s3.encryption.customer.3',
    ]);
  });

  it('keeps the one check command and the category in a line, and leaves practices, mistakes, scenarios and sources to the details', () => {
    expect(text).toContain('*Check it* — s3.encryption.check\n```s3.encryption.command```');
    expect(text).toContain(':label: *Container service* · categories.container.short');
    for (const detail of ['Best practices', 'Common mistakes', 'scenario1', 'console', 's3.encryption.link1', 's3.category_note'])
      expect(text).not.toContain(detail);
  });

  it('offers "Details" (the full card), "Share in channel" on an ephemeral answer, one menu of related cards, then 👍 / 👎', () => {
    const [details, share, menu, up, down] = controls(card);
    expect([details, share, menu].map((c) => c?.action_id)).toEqual([ACTION_IDS.details, ACTION_IDS.share, ACTION_IDS.browse]);
    expect(parseButtonPayload(details?.value)).toEqual({ k: 's3.encryption', q: 'how do I encrypt s3?', d: true });
    expect(parseButtonPayload(share?.value)).toEqual({ k: 's3.encryption', q: 'how do I encrypt s3?' });
    expect([up, down].map((v) => [v?.type, v?.action_id, parseButtonPayload(v?.value)])).toEqual([
      ['feedback_buttons', ACTION_IDS.feedback, { k: 's3.encryption', q: 'how do I encrypt s3?', vote: 'up' }],
      ['feedback_buttons', ACTION_IDS.feedback, { k: 's3.encryption', q: 'how do I encrypt s3?', vote: 'down' }],
    ]);
    expect(card.blocks.at(-1)).toMatchObject({ type: 'context_actions', block_id: 'srm_feedback' });
  });

  it('everyone sees it without "Share in channel", saying who shared it', () => {
    const shared = renderCard(kb, key('s3.encryption'), { surface: 'message', sharedBy: 'U0A' });
    expect(buttons(shared).map((b) => b.action_id)).toEqual([ACTION_IDS.details]);
    expect(mrkdwnTexts(shared).at(-1)).toBe('Shared by <@U0A>');
  });

  it('drops the last bullets, the longest first, when the sides would not fit a phone screen', () => {
    const long = (what: string) => `${what} ${'word '.repeat(43)}`.trim().slice(0, 220);
    const entry = kb.services.get('s3')!.topics.encryption!;
    const s3 = {
      ...kb.services.get('s3')!,
      topics: { ...kb.services.get('s3')!.topics, encryption: { ...entry, aws: [long('a1'), long('a2'), long('a3')], customer: [long('c1'), 'c2', 'c3'] } },
    };
    const squeezed = renderCard({ ...kb, services: new Map(kb.services).set('s3', s3) }, key('s3.encryption'), { surface: 'ephemeral' });
    const fields = (squeezed.blocks.find((b) => b.type === 'section' && b.fields) as { fields: { text: string }[] }).fields.map((f) => f.text);
    expect(fields[1]).toBe(`*You — security IN the cloud*\n• ${long('c1')}\n• c2\n• c3`);
    expect(fields[0]!.split('\n•').length - 1).toBeLessThan(3);
    expect(visibleTextLength(squeezed.blocks)).toBeLessThanOrEqual(COMPACT_TEXT_MAX);
  });

  it('on a concept answers in its first lines: the summary, then the most common misreading', () => {
    const concept = renderCard(kb, key('categories'), { surface: 'ephemeral' });
    expect(concept.blocks[1]).toMatchObject({ type: 'section', text: { text: 'categories.summary' } });
    expect(textOf(concept)).toContain(':x: *Myth:* categories.myth1\n*Actually:* categories.truth1');
    expect(textOf(concept)).not.toContain('categories.section1');
  });

  it("on a service overview gives the service's own sides and a menu of its topics", () => {
    const overview = renderCard(kb, key('vpc'), { surface: 'message' });
    expect(textOf(overview)).toContain('• vpc.aws.3');
    expect(textOf(overview)).not.toContain('vpc.aws.4');
    expect(menuOf(overview)[0]![1]).toHaveLength(TOPIC_IDS.length);
  });
});

describe('a service × topic card the service file does not cover (full)', () => {
  // ec2 (infrastructure) covers no topic itself.
  const card = renderCard(kb, key('ec2.patching'), FULL);
  const text = textOf(card);

  it('says it is the general guidance for the service category, using the category row of the topic', () => {
    expect(headerOf(card)).toBe('ec2.name · patching.title');
    expect(text).toContain('*For infrastructure services like ec2.name*\npatching.by_category.infrastructure');
    expect(text).toMatch(/General guidance for infrastructure services: srm-bot has no ec2\.name-specific notes/);
    expect(card.text).toBe('ec2.name · patching.title: patching.by_category.infrastructure');
    expect(text).not.toContain('patching.by_category.container');
  });

  it('keeps the service summary and the topic sides, practices, mistakes and check', () => {
    expect(text).toContain('*About ec2.name:* ec2.summary');
    expect(text).toContain('• patching.aws.1');
    expect(text).toContain('• patching.practice1');
    expect(text).toContain('• patching.mistake.1');
    expect(text).toContain('```patching.command```');
  });
});

describe('a service overview card (full)', () => {
  const card = renderCard(kb, key('vpc'), { surface: 'message', length: 'full' });

  it('has the summary, the service-level sides and scenarios', () => {
    const text = textOf(card);
    expect(headerOf(card)).toBe('vpc.name · Who secures what');
    expect(text).toContain('vpc.summary');
    expect(text).toContain('• vpc.aws.1');
    expect(text).toContain('• vpc.customer.8');
    expect(text).toContain('*vpc.scenario4*');
  });

  it('lists every topic in one menu, those the service covers itself first, not as a wall of buttons', () => {
    const [[, topics] = ['', []]] = menuOf(card);
    expect(topics).toHaveLength(TOPIC_IDS.length);
    expect(topics.slice(0, 2)).toEqual(['vpc.encryption', 'vpc.access']);
    expect(topics).toContain('vpc.training');
    expect(buttons(card)).toEqual([]);
  });
});

describe('a general topic card (full)', () => {
  const card = renderCard(kb, key('network'), FULL);
  const text = textOf(card);

  it('shows how the split moves across the three categories, in order, with services readers know', () => {
    const rows = [
      '*Infrastructure* _(like EC2)_\nnetwork.by_category.infrastructure',
      '*Container* _(like RDS)_\nnetwork.by_category.container',
      '*Abstracted* _(like S3, DynamoDB, Lambda)_\nnetwork.by_category.abstracted',
    ];
    const positions = rows.map((row) => text.indexOf(row));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('has the sides, practices, mistakes, check and a menu to see the topic for one service', () => {
    expect(text).toContain('• network.customer.1');
    expect(text).toContain('• network.practice2');
    expect(text).toContain('• network.mistake.5');
    expect(text).toContain('```network.command```');
    const [, forOneService] = menuOf(card)[1]!;
    expect(forOneService).toContain('ec2.network');
    expect(forOneService).toHaveLength(kb.services.size);
  });
});

describe('a concept card (full)', () => {
  const card = renderCard(kb, key('categories'), FULL);
  const text = textOf(card);

  it('shows its sections, misconceptions as myth and fact, and scenarios', () => {
    expect(headerOf(card)).toBe('categories.title');
    expect(text).toContain('*categories.section1*\n• categories.section1.point.1');
    expect(text).toContain('*Myth:* categories.myth1\n*Actually:* categories.truth1');
    expect(text).toContain('*categories.scenario6*');
  });

  it('links its related cards and the other concepts', () => {
    expect(menuOf(card)).toEqual([['', ['s3', 'encryption', 'iam.access', 'overview', 'shared-controls']]]);
  });
});

describe('the no-match card', () => {
  const suggestions = ['s3.encryption', 'ec2', 'encryption', 'overview', 'iam.access'].map((ref) => ({ ...key(ref), title: ref }));
  const answer = (reason: Answer['reason']): Answer => ({ query: 'pizza', readable: 'pizza recipe', kind: 'no_match', match: null, suggestions, reason });

  it('echoes the question and says why it found nothing', () => {
    const outOfScope = textOf(renderAnswer(kb, answer('out_of_scope'), { surface: 'ephemeral' }));
    const notUnderstood = textOf(renderAnswer(kb, answer('not_understood'), { surface: 'ephemeral' }));
    expect(outOfScope).toContain('“pizza recipe”');
    expect(outOfScope).toMatch(/outside what I cover.*not pricing, sizing, other clouds/);
    expect(notUnderstood).toMatch(/didn't recognise an AWS service or a security topic/);
  });

  it('offers at most three "did you mean" cards with the query, then the ways in: a menu of services and the quiz', () => {
    const message = renderAnswer(kb, answer('not_understood'), { surface: 'ephemeral' });
    const [didYouMean, entryPoints] = byBlock(controls(message));
    expect(didYouMean?.map((b) => parseButtonPayload(b.value))).toEqual([
      { k: 's3.encryption', q: 'pizza recipe' },
      { k: 'ec2', q: 'pizza recipe' },
      { k: 'encryption', q: 'pizza recipe' },
    ]);
    expect(entryPoints?.map((c) => c.action_id)).toEqual([ACTION_IDS.browse, ACTION_IDS.quizNext]);
  });

  it('says when the service asked about has no card, and offers the runner-up', () => {
    const message = renderAnswer(
      kb,
      {
        query: 'q',
        readable: 'q',
        kind: 'card',
        match: { service: null, topic: 'access', title: 'x' },
        suggestions: [],
        uncovered: 'Amazon Cognito',
        alternatives: [{ service: null, topic: 'configuration', title: 'y' }],
      },
      { surface: 'ephemeral' },
    );
    expect(textOf(message)).toContain("I don't have a card for *Amazon Cognito* yet");
    const alternatives = message.blocks.find((b) => b.block_id === 'srm_alternatives');
    expect(JSON.stringify(alternatives)).toContain('configuration');
  });

  it('skips suggestions that name no card, and stands for a card answer that carries no match', () => {
    const stale = renderAnswer(kb, { ...answer('not_understood'), suggestions: [{ service: null, topic: null, title: 'x' }] }, { surface: 'ephemeral' });
    expect(textOf(stale)).not.toContain('Did you mean');
    const empty = renderAnswer(kb, { query: '', readable: '', kind: 'card', match: null, suggestions: [] }, { surface: 'ephemeral' });
    expect(textOf(empty)).toContain("I didn't catch a question.");
  });
});

describe('renderAnswer', () => {
  it('renders a card answer as the card for its match', () => {
    const answer: Answer = { query: 'q', readable: 'q', kind: 'card', match: { service: 'ebs', topic: 'access', title: 'x' }, suggestions: [] };
    expect(renderAnswer(kb, answer, { surface: 'ephemeral' })).toEqual(renderCard(kb, key('ebs.access'), { surface: 'ephemeral' }, 'q'));
  });

  it('renders a help answer as the help card', () => {
    expect(renderAnswer(kb, { query: 'help', readable: 'help', kind: 'help', match: null, suggestions: [] }, { surface: 'ephemeral' })).toEqual(renderHelp());
  });
});

describe('the help card', () => {
  const help = renderHelp();
  it('says what the bot does, how to reach it and offers example questions as buttons', () => {
    const text = textOf(help);
    expect(text).toMatch(/security _of_ the cloud/);
    for (const needle of ['`/srm tip`', '`/srm quiz`', '`/srm &lt;question&gt;`', '`@srm-bot &lt;question&gt;`', 'direct message'])
      expect(text).toContain(needle);
    const examples = buttons(help);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) {
      const payload = parseButtonPayload(example.value);
      expect(payload?.q).toBe(example.text);
      expect(parseCardKey(payload!.k)).not.toBeNull();
    }
    expect(checkBlockKitLimits(help)).toEqual([]);
  });
});

describe('App Home', () => {
  const tip = kb.tips[0]!;
  const home = renderHome(kb, tip);
  const text = mrkdwnTexts(home).join('\n');

  it('explains the three categories with AWS own examples and the container note', () => {
    expect(home.type).toBe('home');
    expect(text).toContain("AWS's examples: EC2, EBS, Auto Scaling, VPC");
    expect(text).toContain("AWS's examples: RDS, EMR, Elastic Beanstalk");
    expect(text).toContain("AWS's examples: S3, Glacier, DynamoDB, SQS, SES");
    expect(text).toContain('categories.container.note');
  });

  it('lets people browse the services of each category, every topic and every concept', () => {
    const menus = controls(home).filter((c) => c.type === 'static_select');
    expect(menus.every((m) => actionIdBase(m.action_id) === ACTION_IDS.browse)).toBe(true);
    const values = menus.flatMap((m) => m.options!.map((o) => o.value));
    expect(new Set(values)).toEqual(new Set([...kb.services.keys(), ...kb.topics.keys(), ...kb.concepts.keys()]));
    const infrastructure = menus[0]!.options!.map((o) => o.value);
    expect(infrastructure.every((id) => kb.services.get(id as never)?.category === 'infrastructure')).toBe(true);
  });

  it("shows today's tip with a way to its card, and how to ask", () => {
    expect(text).toContain(`*Today's tip: ${tip.title}*`);
    expect(buttons(home).find((b) => b.action_id === ACTION_IDS.learnMore)).toBeDefined();
    expect(text).toContain('`/srm &lt;question&gt;`');
    expect(mrkdwnTexts(renderHome(kb, null)).join('\n')).not.toContain("Today's tip");
  });
});

describe('the daily tip', () => {
  const tip = kb.tips[0]!;
  const message = renderTip(kb, tip, '2026-11-23');
  const text = textOf(message);

  it('has the title, what to do, why, the check and the link', () => {
    expect(headerOf(message)).toBe(':bulb: tip1.title');
    expect(text).toContain('*Do this:* tip1.do');
    expect(text).toContain('*Why:* tip1.why');
    expect(text).toContain('```tip1.command```');
    expect(text).toContain('<https://docs.aws.amazon.com/tip1|tip1.link>');
    expect(text).toContain(':calendar: Daily security tip · 2026-11-23');
  });

  it('opens the card of its service and topic with "Learn more"', () => {
    const learnMore = buttons(message).find((b) => b.action_id === ACTION_IDS.learnMore);
    expect(parseButtonPayload(learnMore?.value)).toEqual({ k: 's3.encryption' });
    const general = renderTip(kb, kb.tips[1]!, '2026-11-23');
    expect(parseButtonPayload(buttons(general)[0]?.value)).toEqual({ k: 'patching' });
  });
});

describe('action ids', () => {
  it('are unique within every card, compact or full, even beside "or did you mean" buttons', () => {
    const notes = {
      query: 'q',
      readable: 'q',
      kind: 'card' as const,
      suggestions: [],
      alternatives: [
        { ...key('s3'), title: 's3' },
        { ...key('network'), title: 'n' },
      ],
      uncovered: 'Amazon Cognito',
    };
    for (const ref of ['s3.encryption', 'ec2.patching', 's3', 'network', 'overview']) {
      for (const length of ['compact', 'full'] as const) {
        const message = renderAnswer(kb, { ...notes, match: { ...key(ref), title: ref } }, { surface: 'ephemeral', length });
        const ids = controls(message)
          .filter((c) => c.type !== 'feedback_buttons')
          .map((c) => c.action_id);
        expect(new Set(ids).size, `${ref} ${length}: ${ids.join(', ')}`).toBe(ids.length);
      }
    }
  });

  it('route by their base id with or without a suffix, and nothing else is ours', () => {
    expect(['srm_open', 'srm_open:1', 'srm_open:12'].map(actionIdBase)).toEqual([ACTION_IDS.open, ACTION_IDS.open, ACTION_IDS.open]);
    expect(actionIdBase('srm_feedback:up')).toBe(ACTION_IDS.feedback);
    expect(['srm_opener', 'x_srm_open', 'srm_', '', ':srm_open'].map(actionIdBase)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('checkBlockKitLimits', () => {
  const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } });
  const buttonOf = (text: string, action_id: string, value = 'v') => ({
    type: 'button' as const,
    text: { type: 'plain_text' as const, text },
    action_id,
    value,
  });

  it('accepts a message within the limits', () => {
    expect(checkBlockKitLimits({ text: 'ok', blocks: [section('hi')] })).toEqual([]);
  });

  it('names every limit a message breaks', () => {
    const problems = checkBlockKitLimits({
      text: '',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
        section('s'.repeat(3001)),
        { type: 'section', block_id: 'same', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'f'.repeat(2001) })) },
        {
          type: 'context',
          block_id: 'same',
          elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: `<https://a.example/${'u'.repeat(3001)}|x>` })),
        },
        {
          type: 'actions',
          block_id: 'b'.repeat(256),
          elements: [buttonOf('t'.repeat(76), 'a'), buttonOf('x', 'a', 'v'.repeat(2001)), ...Array.from({ length: 24 }, (_, i) => buttonOf('x', `n${i}`))],
        },
        { type: 'actions', elements: [{ ...buttonOf('x', 'a'.repeat(256)), url: `https://x/${'u'.repeat(3000)}` }] },
        { type: 'actions', elements: [buttonOf('x', 'n0')] },
        {
          type: 'context_actions',
          elements: [
            {
              type: 'feedback_buttons',
              action_id: 'f',
              positive_button: { text: { type: 'plain_text', text: 'p'.repeat(76) }, value: 'v' },
              negative_button: { text: { type: 'plain_text', text: 'n' }, value: 'v'.repeat(2001) },
            },
          ],
        },
      ],
    });
    for (const expected of [
      /missing/,
      /header text is 151/,
      /text is 3001/,
      /11 fields/,
      /field 0 is 2001/,
      /block_id "same" is not unique/,
      /11 elements, max 10/,
      /link url is 3\d{3}/,
      /button text is 76/,
      /button value is 2001/,
      /26 elements, max 25/,
      /action_id "a" is used twice/,
      /block_id is 256/,
      /action_id is 256/,
      /url is 3010/,
      /action_id "n0" is used twice in one message/,
      /positive_button: text is 76/,
      /negative_button: value is 2001/,
    ])
      expect(
        problems.some((p) => expected.test(p)),
        String(expected),
      ).toBe(true);
  });

  it('allows 50 blocks in a message and 100 in a view', () => {
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' as const }));
    expect(checkBlockKitLimits({ text: 't', blocks: blocks(50) })).toEqual([]);
    expect(checkBlockKitLimits({ text: 't', blocks: blocks(51) })).toEqual(['51 blocks, max 50 in a message']);
    expect(checkBlockKitLimits({ blocks: blocks(100) }, 'home')).toEqual([]);
    expect(checkBlockKitLimits({ blocks: blocks(101) }, 'modal')).toEqual(['101 blocks, max 100 in a modal']);
  });
});

describe('example questions', () => {
  it('open the card the bot gives when the same question is typed (real knowledge and engine)', () => {
    const engine = openEngine(openKnowledge());
    const typed = EXAMPLE_QUERIES.map((example) => {
      const answer = engine.answer(example.query);
      return answer.match ? formatCardKey(answer.match) : answer.kind;
    });
    expect(typed).toEqual(EXAMPLE_QUERIES.map((example) => example.key));
    // The engine is learnt here (the build's stored one was learnt by the compiled code): ~15 s on two busy cores.
  }, 90_000);
});

describe('static card text', () => {
  it('has no raw angle brackets that Slack would read as a link or mention', () => {
    const kb = loadKnowledge();
    for (const message of [renderHelp(), renderHome(kb, kb.tips[0]!)]) {
      const texts = JSON.stringify(message.blocks).match(/"text":"(?:[^"\\]|\\.)*"/g) ?? [];
      for (const text of texts) expect(text, text).not.toMatch(/<(?!https?:|mailto:|[@#!])/);
    }
  });
});

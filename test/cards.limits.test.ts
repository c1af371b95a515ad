import { describe, expect, it } from 'vitest';
import {
  ACTION_IDS, checkBlockKitLimits, parseButtonPayload, renderAnswer, renderCard, renderHelp, renderHome, renderTip, type RenderOptions, type SlackMessage,
} from '../src/cards/index.js';
import type { Answer } from '../src/engine/types.js';
import { cardRefExists, formatCardKey, loadKnowledge, type KnowledgeBase } from '../src/knowledge/index.js';
import { parseNextQuestion } from '../src/quiz/index.js';
import { controls } from './fixtures/cards/inspect.js';
import { everyCardKey, hostileFill, readableFill, syntheticKnowledge } from './fixtures/cards/syntheticKnowledge.js';

const SURFACES: RenderOptions[] = [
  { surface: 'ephemeral' },
  { surface: 'message', sharedBy: 'U0123ABCD' },
];

/**
 * Where a message breaks Slack's rules or points at nothing: Block Kit limits, plus every button value and
 * menu option must name a card that exists (a dangling button is a click that answers nothing).
 */
function problemsOf(kb: KnowledgeBase, message: SlackMessage | { blocks: SlackMessage['blocks'] }, kind: 'message' | 'home' = 'message'): string[] {
  const problems = checkBlockKitLimits(message, kind);
  for (const control of controls(message)) {
    if (control.type === 'button' && control.action_id === ACTION_IDS.quizNext) {
      if (!parseNextQuestion(control.value)) problems.push(`${control.action_id}: value is not a quiz request: ${control.value}`);
    } else if (control.type === 'button') {
      const payload = parseButtonPayload(control.value);
      if (!payload) problems.push(`${control.action_id}: value is not a button payload: ${control.value}`);
      else if (!cardRefExists(kb, payload.k)) problems.push(`${control.action_id}: button opens no card: ${payload.k}`);
    }
    for (const option of control.options ?? []) {
      if (!cardRefExists(kb, option.value)) problems.push(`${control.action_id}: menu option opens no card: ${option.value}`);
    }
  }
  return problems;
}

/** Renders every card of a knowledge base on every surface; returns the problems by card key (empty when all pass). */
function everyCardProblems(kb: KnowledgeBase): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const key of everyCardKey(kb)) {
    for (const options of SURFACES) {
      const message = renderCard(kb, key, options, 'how do I "encrypt" <!channel> & stuff?');
      const problems = problemsOf(kb, message);
      if (message.blocks[0]?.type !== 'header') problems.push('not a knowledge card (no header): the key found no card');
      if (problems.length > 0) found[`${formatCardKey(key)} (${options.surface})`] = problems;
    }
  }
  return found;
}

function everyOtherMessageProblems(kb: KnowledgeBase): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const note = (name: string, problems: string[]) => { if (problems.length > 0) found[name] = problems; };
  note('help', problemsOf(kb, renderHelp()));
  note('home without tip', problemsOf(kb, renderHome(kb, null), 'home'));
  kb.tips.forEach((tip) => {
    note(`tip ${tip.id}`, problemsOf(kb, renderTip(kb, tip, '2026-11-23')));
    note(`home with tip ${tip.id}`, problemsOf(kb, renderHome(kb, tip), 'home'));
  });
  const suggestions = everyCardKey(kb).map((key) => ({ ...key, title: formatCardKey(key) }));
  for (const reason of ['out_of_scope', 'not_understood', 'too_vague'] as const) {
    const answer: Answer = { query: 'x', readable: hostileFill('query', 5000), kind: 'no_match', match: null, suggestions, reason };
    note(`no match (${reason})`, problemsOf(kb, renderAnswer(kb, answer, { surface: 'ephemeral' })));
  }
  return found;
}

describe('every card the real knowledge base can produce', () => {
  // Loaded inside the tests: while knowledge files are being written the loader throws, and that should fail
  // these tests with its list of problems rather than the whole file.
  let kb: KnowledgeBase | undefined;
  const realKnowledge = () => (kb ??= loadKnowledge());

  it('stays within Block Kit limits, with buttons that all open cards (all services × topics, services, topics, concepts)', () => {
    expect(everyCardKey(realKnowledge()).length).toBeGreaterThanOrEqual(34 * 14 + 13 + 3);
    expect(everyCardProblems(realKnowledge())).toEqual({});
  });

  it('keeps help, App Home, every daily tip and no-match cards within limits', () => {
    expect(everyOtherMessageProblems(realKnowledge())).toEqual({});
  });
});

describe('the largest cards knowledge can make', () => {
  // Every field at its schema maximum, filled with what grows most when escaped, links at their longest.
  const worst = syntheticKnowledge({ fill: hostileFill, coveredTopics: (s) => (s === 'ec2' ? [] : ['encryption', 'patching', 'access']), longUrls: true });

  it('stay within limits: cut to fit, never rejected by Slack', () => {
    expect(everyCardProblems(worst)).toEqual({});
  });

  it('keep help, App Home, tips and no-match within limits', () => {
    expect(everyOtherMessageProblems(worst)).toEqual({});
  });

  it('stay within limits when a service covers every topic itself', () => {
    const full = syntheticKnowledge({ fill: readableFill, coveredTopics: () => ['encryption', 'patching', 'access', 'network', 'data', 'backup', 'logging', 'physical', 'compliance', 'application', 'configuration', 'availability', 'training'] });
    expect(everyCardProblems(full)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { loadKnowledge, parseCardKey, type KnowledgeBase, type Scenario, type Verdict } from '../src/knowledge/index.js';
import { foldPhrase } from '../src/text/phrase.js';

/**
 * A quiz question and the card it links must give one verdict for one situation: when the question describes a
 * situation that the card's own scenarios also judge, its right answer is that scenario's verdict. (A single-AZ
 * application down with its zone was once "the customer's" on the card and "both" in the quiz.)
 */
const kb: KnowledgeBase = loadKnowledge();

const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'to',
  'is',
  'was',
  'and',
  'or',
  'for',
  'by',
  'with',
  'who',
  'whose',
  'its',
  'it',
  'their',
  'our',
  'your',
  'that',
  'this',
  'what',
  'after',
  'from',
  'has',
  'have',
  'had',
  'be',
  'are',
  'were',
  'not',
  'no',
]);
const contentWords = (text: string) =>
  new Set(
    foldPhrase(text)
      .split(' ')
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );

/** How much two texts share, as the Jaccard index of their content words. */
function overlap(a: string, b: string): number {
  const x = contentWords(a);
  const y = contentWords(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared || 1);
}

/** The verdict a choice stands for, when it is one ("AWS alone", "The customer", "Both (shared)"). */
function verdictOf(choice: string): Verdict | null {
  const c = choice.toLowerCase();
  if (/\bboth\b|\bshared\b/.test(c)) return 'shared';
  if (/^(the )?customer|^you\b|^yours\b/.test(c)) return 'customer';
  if (/^aws\b(?! config)/.test(c)) return 'aws';
  return null;
}

function scenariosOf(ref: string): readonly Scenario[] {
  const key = parseCardKey(ref);
  if (!key) return [];
  if (key.service) {
    const service = kb.services.get(key.service);
    if (!service) return [];
    return key.topic ? (service.topics[key.topic as keyof typeof service.topics]?.scenarios ?? []) : (service.scenarios ?? []);
  }
  return kb.topics.get(key.topic as never)?.scenarios ?? kb.concepts.get(key.topic as never)?.scenarios ?? [];
}

/** Above this overlap a quiz question and a scenario describe the same situation. */
const SAME_SITUATION = 0.34;

describe('quiz and cards', () => {
  it('agree on the verdict wherever a quiz question and its card judge the same situation', () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const question of kb.quiz) {
      const answer = verdictOf(question.choices[question.answer]!);
      if (!answer) continue;
      const same = scenariosOf(question.card)
        .map((scenario) => ({ scenario, score: overlap(question.question, scenario.situation) }))
        .filter(({ score }) => score >= SAME_SITUATION)
        .sort((a, b) => b.score - a.score)[0];
      if (!same) continue;
      compared++;
      if (same.scenario.verdict !== answer) {
        disagreements.push(`${question.id}: quiz says ${answer}, ${question.card} says ${same.scenario.verdict} for "${same.scenario.situation}"`);
      }
    }
    expect(compared).toBeGreaterThan(10);
    expect(disagreements).toEqual([]);
  });

  it('reads the verdict of every plain choice', () => {
    expect(['AWS', 'AWS alone', 'The customer', 'You, the site owner', 'Both (shared)', 'Shared'].map(verdictOf)).toEqual([
      'aws',
      'aws',
      'customer',
      'customer',
      'shared',
      'shared',
    ]);
    expect(verdictOf('AWS Config')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { createEngine, DEFAULT_TUNING, learnEngineState } from '../src/engine/index.js';
import { formatCardKey, loadKnowledge } from '../src/knowledge/index.js';

describe('labelled questions', () => {
  it('teach the engine a way of asking no card words', () => {
    const kb = loadKnowledge();
    const asked = "is our quorble flimmer aws's job or ours";
    const cardFor = (engine: ReturnType<typeof createEngine>) => {
      const { match } = engine.answer(asked);
      return match ? formatCardKey(match) : null;
    };
    const withQuestions = (questions: typeof kb.questions) => {
      const taught = { ...kb, questions };
      return createEngine(taught, DEFAULT_TUNING, learnEngineState(taught));
    };
    const taught = withQuestions([
      ...kb.questions,
      { q: 'the quorble flimmer stopped recording last week, who should have noticed', card: 'logging' },
      { q: 'quorble flimmer alerts, are they on us', card: 'logging' },
      { q: 'who keeps the quorble flimmer history for the auditors', card: 'logging' },
      { q: 'does anyone watch our quorble flimmer at night', card: 'logging' },
    ]);
    expect(cardFor(taught)).toBe('logging');
    expect(cardFor(withQuestions(kb.questions))).not.toBe('logging');
  }, 120_000);
});

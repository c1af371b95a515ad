import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, checkBlockKitLimits, parseButtonPayload, renderQuizQuestion, renderQuizResult, type SlackMessage } from '../src/cards/index.js';
import { cardExists, loadKnowledge, parseCardKey, type QuizQuestion } from '../src/knowledge/index.js';
import {
  checkAnswer,
  encodeNextQuestion,
  encodeQuestionRef,
  encodeQuizChoice,
  parseNextQuestion,
  parseQuestionRef,
  parseQuizChoice,
  pickQuestion,
  questionFingerprint,
} from '../src/quiz/index.js';
import { interactiveElements } from './support/blocks.js';

const kb = loadKnowledge();
const quiz = kb.quiz;
const choiceOf = (question: QuizQuestion, chosen: number) => ({ id: question.id, chosen, fingerprint: questionFingerprint(question) });
/** A random source that walks through the pool: 0, 1/n, 2/n… */
const sequence = (n: number) => {
  let i = 0;
  // The middle of each of n equal slices: (i / n) * n can come back a hair below i in floating point.
  return () => ((i++ % n) + 0.5) / n;
};

describe('the quiz in knowledge/', () => {
  it('has at least 40 questions, each tied to a card that exists, with the seeds\' "ultimately responsible" question first', () => {
    expect(quiz.length).toBeGreaterThanOrEqual(40);
    for (const question of quiz) expect(cardExists(kb, question.card), question.id).toBe(true);
    expect(quiz[0]!.question).toMatch(/ultimately responsible/i);
    expect(quiz[0]!.choices[quiz[0]!.answer]).toBe('The customer');
  });

  it('gives every question a different fingerprint', () => {
    expect(new Set(quiz.map(questionFingerprint)).size).toBe(quiz.length);
  });
});

describe('pickQuestion', () => {
  it('reaches every question when asked for any subject', () => {
    const random = sequence(quiz.length);
    const seen = new Set(quiz.map(() => pickQuestion(quiz, { about: null }, random)!.question.id));
    expect(seen.size).toBe(quiz.length);
  });

  it('never asks the question just answered again, unless it is the only one on the subject', () => {
    for (const question of quiz) {
      for (const r of [0, 0.5, 0.999]) expect(pickQuestion(quiz, { about: null, after: question.id }, () => r)!.question.id).not.toBe(question.id);
    }
    const only = quiz.filter((q) => q.card === 'physical');
    expect(only).toHaveLength(1);
    expect(pickQuestion(quiz, { about: parseCardKey('physical'), after: only[0]!.id })!.question.id).toBe(only[0]!.id);
  });

  it('asks on the exact card first, then the same service, then the same topic', () => {
    const exact = new Set(quiz.filter((q) => q.card === 's3.encryption').map((q) => q.id));
    expect(exact.size).toBeGreaterThan(1);
    for (const r of [0, 0.4, 0.99]) expect(exact.has(pickQuestion(quiz, { about: parseCardKey('s3.encryption') }, () => r)!.question.id)).toBe(true);

    const s3 = new Set(quiz.filter((q) => q.card.split('.')[0] === 's3').map((q) => q.id));
    const random = sequence(s3.size);
    const picked = Array.from({ length: s3.size }, () => pickQuestion(quiz, { about: parseCardKey('s3') }, random)!);
    expect(new Set(picked.map((p) => p.question.id))).toEqual(s3);
    expect(picked.every((p) => p.onSubject)).toBe(true);

    // Nothing on "S3 · Patching": the S3 questions come before the general patching ones.
    expect(s3.has(pickQuestion(quiz, { about: parseCardKey('s3.patching') }, () => 0.5)!.question.id)).toBe(true);
    const encryption = pickQuestion(quiz, { about: parseCardKey('encryption') }, () => 0.99)!;
    expect(parseCardKey(encryption.question.card)!.topic).toBe('encryption');
  });

  it('says when no question is on the subject and asks another one', () => {
    const picked = pickQuestion(quiz, { about: parseCardKey('glacier') }, () => 0)!;
    expect(quiz.some((q) => q.card.startsWith('glacier'))).toBe(false);
    expect(picked.onSubject).toBe(false);
    expect(quiz).toContain(picked.question);
  });

  it('returns null for an empty quiz', () => {
    expect(pickQuestion([], { about: null })).toBeNull();
  });
});

describe('checkAnswer', () => {
  const first = quiz[0]!;

  it('scores the right choice right and every other choice wrong', () => {
    for (const question of quiz) {
      question.choices.forEach((_, i) => {
        expect(checkAnswer(quiz, choiceOf(question, i))).toEqual({ kind: 'answered', question, chosen: i, correct: i === question.answer });
      });
    }
  });

  it('scores the same click the same way every time (no state)', () => {
    const wrong = (first.answer + 1) % first.choices.length;
    const unchanged = structuredClone(quiz);
    // Clicks repeated and interleaved: an answer remembered between clicks would change a later outcome.
    for (let round = 0; round < 3; round += 1) {
      expect(checkAnswer(quiz, choiceOf(first, first.answer))).toEqual({ kind: 'answered', question: first, chosen: first.answer, correct: true });
      expect(checkAnswer(quiz, choiceOf(first, wrong))).toEqual({ kind: 'answered', question: first, chosen: wrong, correct: false });
    }
    expect(quiz).toEqual(unchanged);
  });

  it('does not score a click on a question edited since it was asked, and knows a removed one', () => {
    const shown = choiceOf(first, first.answer);
    const edited: QuizQuestion = { ...first, choices: [...first.choices].reverse(), answer: first.choices.length - 1 - first.answer };
    expect(checkAnswer([edited, ...quiz.slice(1)], shown)).toEqual({ kind: 'changed', question: edited });
    expect(checkAnswer(quiz, { ...shown, chosen: 7 })).toEqual({ kind: 'changed', question: first });
    expect(checkAnswer(quiz.slice(1), shown)).toEqual({ kind: 'gone' });
  });
});

describe('quiz button values', () => {
  it('round-trip, with and without a subject', () => {
    const choice = choiceOf(quiz[3]!, 2);
    expect(parseQuizChoice(encodeQuizChoice(choice))).toEqual(choice);
    expect(parseQuizChoice(encodeQuizChoice(choice, 's3'))).toEqual({ ...choice, about: 's3' });
    expect(parseNextQuestion(encodeNextQuestion({ after: 'x', about: 'rds.patching' }))).toEqual({ after: 'x', about: 'rds.patching' });
    expect(parseNextQuestion(encodeNextQuestion({}))).toEqual({});
    expect(parseQuestionRef(encodeQuestionRef({ id: 'x', about: 's3' }))).toEqual({ id: 'x', about: 's3' });
    expect(parseQuestionRef(encodeQuestionRef({ id: 'x' }))).toEqual({ id: 'x' });
  });

  it('refuse anything we did not make', () => {
    for (const value of [
      undefined,
      '',
      'nope',
      '[]',
      'null',
      '7',
      '{"qz":1,"c":0,"v":"a"}',
      '{"qz":"a","c":-1,"v":"a"}',
      '{"qz":"a","c":1.5,"v":"a"}',
      '{"qz":"a","c":"0","v":"a"}',
      '{"qz":"a","c":0}',
      '{"qz":"a","c":0,"v":"a","a":3}',
    ]) {
      expect(parseQuizChoice(value), String(value)).toBeNull();
    }
    for (const value of [undefined, 'nope', '[]', '{"after":3}', '{"about":["s3"]}']) expect(parseNextQuestion(value), String(value)).toBeNull();
    for (const value of [undefined, 'nope', '{}', '{"qz":3}', '{"qz":"x","a":1}']) expect(parseQuestionRef(value), String(value)).toBeNull();
  });
});

describe('quiz cards', () => {
  const buttons = (message: SlackMessage) => interactiveElements(message.blocks).filter((e) => e.type === 'button');

  it('ask every question within Block Kit limits, one answer button per choice that scores that choice', () => {
    for (const question of quiz) {
      const message = renderQuizQuestion({ question, onSubject: true }, { surface: 'ephemeral', about: 's3' });
      expect(checkBlockKitLimits(message), question.id).toEqual([]);
      const answers = buttons(message).filter((b) => b.action_id.startsWith(ACTION_IDS.quizAnswer));
      expect(answers).toHaveLength(question.choices.length);
      answers.forEach((button, i) => {
        const choice = parseQuizChoice(button.value)!;
        expect(choice).toMatchObject({ id: question.id, chosen: i, about: 's3' });
        expect(checkAnswer(quiz, choice)).toMatchObject({ kind: 'answered', correct: i === question.answer });
      });
    }
  });

  it('offer a private question to the channel; the question the channel sees has no such button and says it was shared', () => {
    const question = quiz[0]!;
    const mine = renderQuizQuestion({ question, onSubject: true }, { surface: 'ephemeral', about: 'overview' });
    const share = buttons(mine).find((b) => b.action_id === ACTION_IDS.quizShare)!;
    expect(parseQuestionRef(share.value)).toEqual({ id: question.id, about: 'overview' });
    const channel = renderQuizQuestion({ question, onSubject: true }, { surface: 'message', sharedBy: 'U0ASKER' });
    expect(checkBlockKitLimits(channel)).toEqual([]);
    expect(buttons(channel).map((b) => b.action_id)).toEqual(question.choices.map((_, i) => `${ACTION_IDS.quizAnswer}:${i}`));
    expect(JSON.stringify(channel.blocks)).toContain('Shared by <@U0ASKER>');
  });

  it('reveal every answer, right or wrong, with why and a button to the card', () => {
    for (const question of quiz) {
      for (const chosen of [question.answer, (question.answer + 1) % question.choices.length]) {
        const outcome = checkAnswer(quiz, choiceOf(question, chosen));
        if (outcome.kind === 'gone') throw new Error('unexpected');
        const message = renderQuizResult(kb, outcome, { surface: 'ephemeral' });
        expect(checkBlockKitLimits(message), question.id).toEqual([]);
        const shown = JSON.stringify(message.blocks);
        expect(shown).toContain(chosen === question.answer ? 'Right!' : 'Not quite');
        expect(message.text).toContain(question.choices[question.answer]!.replace(/&/g, '&amp;'));
        const card = buttons(message).find((b) => b.action_id.startsWith(ACTION_IDS.open))!;
        expect(parseButtonPayload(card.value)).toEqual({ k: question.card });
        const next = buttons(message).find((b) => b.action_id === ACTION_IDS.quizNext)!;
        expect(parseNextQuestion(next.value)).toEqual({ after: question.id });
      }
    }
  });

  it('escape what they echo: a subject the person typed and the knowledge text', () => {
    const hostile = '<!channel> & <@U0VICTIM> <https://evil.example|x>';
    const question: QuizQuestion = { id: 'hostile', question: hostile, choices: [hostile, 'b'], answer: 0, why: hostile, card: 'overview' };
    const asked = renderQuizQuestion({ question, onSubject: false, note: { kind: 'off_subject', subject: hostile } }, { surface: 'ephemeral' });
    const revealed = renderQuizResult(kb, { kind: 'answered', question, chosen: 1, correct: false }, { surface: 'ephemeral' });
    for (const message of [asked, revealed]) {
      const mrkdwn = JSON.stringify(message.blocks.filter((b) => b.type !== 'actions')) + message.text;
      for (const markup of ['<!channel>', '<@U0VICTIM', '<https://evil']) expect(mrkdwn).not.toContain(markup);
    }
  });
});

describe('quiz buttons against anything Slack could send back', () => {
  it('parse any value without throwing, and score only what names a question as it was shown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.constantFrom('{"qz":"__proto__","c":0,"v":"x"}', '{"qz":"constructor"}')), (value) => {
        const choice = parseQuizChoice(value);
        parseNextQuestion(value);
        parseQuestionRef(value);
        if (choice) expect(checkAnswer(quiz, choice).kind).not.toBe('answered');
      }),
    );
  });

  it('ask within Block Kit limits and without live markup whatever subject was typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.constantFrom(...quiz), (subject, question) => {
        const message = renderQuizQuestion({ question, onSubject: false, note: { kind: 'off_subject', subject } }, { surface: 'ephemeral' });
        expect(checkBlockKitLimits(message)).toEqual([]);
        expect(JSON.stringify(message.blocks.filter((b) => b.type !== 'actions'))).not.toMatch(/<[!@#]/);
      }),
      { numRuns: 300 },
    );
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, DEFAULT_TUNING, learnEngineState, readEngineState, writeEngineState, type EngineState } from '../src/engine/index.js';
import { formatCardKey, loadKnowledge } from '../src/knowledge/index.js';

/** A model's features, row by row, as an array. */
const featuresOf = (state: EngineState): string[] => Array.from({ length: state.counts.features.length }, (_, row) => state.counts.features.at(row)!);

const dir = mkdtempSync(join(tmpdir(), 'srm-engine-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stored engine state', () => {
  const kb = loadKnowledge();
  const learnt = learnEngineState(kb);
  const file = join(dir, 'engine.snapshot.json');
  writeEngineState(file, learnt, 'knowledge-v1');

  it('reads back every table as learnt, the service model included', () => {
    const read = readEngineState(file, 'knowledge-v1')!;
    // The topic counts and the regression's weights are read row by row, when a question names the row.
    expect(read.counts.counts.some((count) => count !== 0)).toBe(false);
    expect(featuresOf(read)).toEqual(featuresOf(learnt));
    read.counts.loadRows?.(featuresOf(read).map((_, row) => row));
    expect(Array.from(read.counts.counts)).toEqual(Array.from(learnt.counts.counts));
    expect(Array.from(read.logistic.weights)).toEqual(Array.from(learnt.logistic.weights));
    expect(Array.from(read.services.entries)).toEqual(Array.from(learnt.services.entries));
    expect(read.services.labels).toEqual(learnt.services.labels);
  });

  it('answers exactly as the engine learnt in the process does', () => {
    const fresh = createEngine(kb, DEFAULT_TUNING, learnt);
    const stored = createEngine(kb, DEFAULT_TUNING, readEngineState(file, 'knowledge-v1')!);
    const key = (text: string, engine: typeof fresh) => {
      const answer = engine.answer(text);
      return [answer.match && formatCardKey(answer.match), ...(answer.alternatives ?? []).map(formatCardKey), answer.confidence];
    };
    for (const text of [
      's3 encryption',
      'the lambda reads items from a dynamodb table, who limits which partition keys it may read',
      'who turns on default encryption for an s3 bucket with our own kms key',
      'my vpn password expired',
    ]) {
      expect(key(text, stored), text).toEqual(key(text, fresh));
    }
  });

  it('moves only what an added example is about: the weights of the rest stay where they were', () => {
    const sqs = kb.services.get('sqs')!;
    const access = sqs.topics.access!;
    const example = 'the partner account can still send to our order queue after offboarding, whose policy is that';
    const withOneMore = { ...kb, services: new Map(kb.services) };
    withOneMore.services.set('sqs', { ...sqs, topics: { ...sqs.topics, access: { ...access, examples: [...(access.examples ?? []), example] } } });
    const weightsByName = (state: typeof learnt) => {
      const { labels, weights } = state.logistic;
      return new Map(
        featuresOf(state).flatMap((feature, row) => labels.map((label, k) => [`${feature} ${label}`, weights[row * labels.length + k]!] as const)),
      );
    };
    const before = weightsByName(learnt);
    const after = weightsByName(learnEngineState(withOneMore));
    let moved = 0;
    for (const [name, weight] of before) if (Math.abs(weight - (after.get(name) ?? weight)) > 0.01) moved++;
    // Shuffled by position in the list, two thirds of them moved.
    expect(moved / before.size).toBeLessThan(0.01);
    // Learning twice from every example and labelled question takes longer than a test usually may.
  }, 90_000);

  it('is not used when the knowledge it was learnt from changed', () => {
    expect(readEngineState(file, 'knowledge-v2')).toBeNull();
  });
});

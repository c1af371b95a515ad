import { afterAll, beforeAll, beforeEach } from 'vitest';
import { FakeSlack } from './fakeSlack.js';
import { FaultProxy } from './faultProxy.js';

export interface FakeSlackSuite {
  /** The fake Web API, emptied before each test. */
  readonly fake: FakeSlack;
  /** A fault proxy in front of it (for 5xx answers): give the code `proxy.apiUrl`. */
  readonly proxy: FaultProxy;
}

/** One fake Slack and fault proxy for the whole test file, reset before each test, closed after the last. */
export function useFakeSlack(): FakeSlackSuite {
  const suite = {} as { fake: FakeSlack; proxy: FaultProxy };
  beforeAll(async () => {
    suite.fake = await FakeSlack.start();
    suite.proxy = await FaultProxy.start(suite.fake.origin);
  });
  afterAll(async () => {
    await suite.proxy?.close();
    await suite.fake?.close();
  });
  beforeEach(() => {
    suite.fake.reset();
    suite.fake.now = () => Date.now();
    suite.proxy.reset();
  });
  return suite;
}

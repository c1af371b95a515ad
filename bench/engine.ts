/**
 * `npm run bench`: engine latency on the shipped knowledge and on a generated 10,000-entry base, and how long a
 * cold `srm ask` takes from process start to printed answer.
 * Prints figures; asserts nothing (timings vary by machine).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/engine/index.js';
import { loadKnowledge, packageRoot, TOPIC_IDS, type KnowledgeBase, type Service, type ServiceId } from '../src/knowledge/index.js';
import { percentile } from './stats.js';

const ROUNDS = 20;

function devQueries(): string[] {
  const file = join(packageRoot(), '..', 'shared', 'eval', 'dev.jsonl');
  const own = [
    's3 encryption',
    'who patches rds',
    'ec2',
    'encryption',
    'help',
    'pizza recipe',
    'elasticahce encyrption',
    "<@U0BOTSRM> is the OS on my EC2 instances AWS's job?",
    'who handles physical security of the data centers',
    'how much does s3 cost per gb',
    'x'.repeat(4000),
  ];
  if (!existsSync(file)) return own;
  const labelled = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { q: string }).q);
  return [...own, ...labelled];
}

/** The shipped knowledge plus synthetic services until there are `entries` service × topic cards. */
function syntheticKnowledge(base: KnowledgeBase, entries: number): KnowledgeBase {
  const template = base.services.get('s3')!;
  const topicEntry = Object.values(template.topics)[0]!;
  const services = new Map<ServiceId, Service>(base.services);
  for (let i = 0; services.size * TOPIC_IDS.length < entries; i++) {
    const id = `product${i}` as ServiceId;
    services.set(id, {
      ...template,
      id,
      name: `Synthetic Product ${i}`,
      aliases: [`product${i}`, `synthetic ${i}`, `prod${i} service`],
      topics: Object.fromEntries(TOPIC_IDS.map((t) => [t, { ...topicEntry, keywords: [`product${i} ${t} setting`] }])),
    });
  }
  return { ...base, services };
}

function measure(label: string, kb: KnowledgeBase, queries: string[]) {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  const engine = createEngine(kb);
  const buildMs = performance.now() - buildStart;
  const heapAfter = process.memoryUsage().heapUsed;
  // Learning leaves garbage behind; collected now, it does not land in the answers timed below (the bot learns once,
  // or opens from the snapshot, and then only answers).
  globalThis.gc?.();
  // First sight of each query: nothing cached yet (the typo corrector remembers the words it has seen).
  const cold = queries
    .map((q) => {
      const start = performance.now();
      engine.answer(q);
      return performance.now() - start;
    })
    .sort((a, b) => a - b);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const start = performance.now();
      engine.answer(q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const entries = [...kb.services.values()].length * TOPIC_IDS.length;
  console.log(
    `${label.padEnd(28)} entries≈${String(entries).padStart(6)}  build ${buildMs.toFixed(1).padStart(7)} ms  ` +
      `p50 ${percentile(times, 50).toFixed(3)} ms  p99 ${percentile(times, 99).toFixed(3)} ms  max ${times.at(-1)!.toFixed(3)} ms  ` +
      `heap +${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB  (${times.length} queries)\n` +
      `${''.padEnd(28)} first sight of each query: p50 ${percentile(cold, 50).toFixed(3)} ms  p99 ${percentile(cold, 99).toFixed(3)} ms`,
  );
}

// First, while this process is small: on two cores, the collector of a 10,000-entry engine's gigabyte heap runs beside
// the child and slowed a cold ask by a third.
coldAsk();
const kb = loadKnowledge();
const queries = devQueries();
console.log(`engine latency, node ${process.version}, ${queries.length} distinct queries × ${ROUNDS} rounds`);
measure('shipped knowledge', kb, queries);
const big = syntheticKnowledge(kb, 10_000);
measure('generated 10,000-entry base', big, [...queries, 'product42 encryption', 'synthetic 977 backup', 'prod311 service logging']);

/** A new process each time, as a person runs it: start-up, the snapshots, one answer, exit. */
function coldAsk(runs = 11) {
  const cli = join(packageRoot(), 'dist', 'src', 'cli', 'main.js');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    execFileSync(process.execPath, [cli, 'ask', 's3 encryption', '--json'], { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `cold \`srm ask "s3 encryption" --json\`, ${runs} runs: median ${percentile(times, 50).toFixed(0)} ms  min ${times[0]!.toFixed(0)} ms  max ${times.at(-1)!.toFixed(0)} ms`,
  );
}

#!/usr/bin/env node
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { parseArgs } from 'node:util';
import { KnowledgeError, packageRoot } from '../knowledge/index.js';

// Each command loads only what it needs: `srm ask` must not pay for Bolt's Web API client or the YAML parser.
const usage = async () => `usage:
  srm ask "<question>" [--json]   answer a question as Slack would (--json: the exact message)
  srm kb check [--dir DIR]        validate the knowledge base
  srm kb snapshot                 validate the knowledge base and store it for fast starts (run by npm run build)
  srm kb stale [--older-than 180d]
                                  the cards never verified or verified longer ago than that, oldest first
  srm eval [FILE.jsonl…] [--quiet] score the engine per labelled query file (default: the dev set and eval/*.jsonl)
  srm report <LOG|-> [--top N] [--json]
                                  most frequent unanswered questions and worst-rated cards in the bot's JSON log
  ${(await import('./postTip.js')).POST_TIP_USAGE}
                                  post the day's tip once to each channel (default TIP_CHANNELS, today)
  ${(await import('./store.js')).STORE_USAGE}`;

/**
 * The sets `srm eval` scores by default: the shared development set (beside the repository, as CI and
 * developers have it) and the repository's own holdouts. Sealed sets are named one at a time, when opened.
 */
const defaultSets = (): string[] => {
  const root = packageRoot();
  const holdouts = join(root, 'eval');
  return [
    join(root, '..', 'shared', 'eval', 'dev.jsonl'),
    ...(existsSync(holdouts)
      ? readdirSync(holdouts)
          .filter((f) => f.endsWith('.jsonl'))
          .sort()
          .map((f) => join(holdouts, f))
      : []),
  ].filter(existsSync);
};

async function main(argv: string[]): Promise<number> {
  // quiet: dotenv's banner would land on stdout and break `--json`.
  dotenv.config({ quiet: true });
  const [command, ...rest] = argv;
  switch (command) {
    case 'ask': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
      const { runAsk } = await import('./ask.js');
      return runAsk(positionals.join(' '), { json: values.json ?? false }, process.stdout);
    }
    case 'kb': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { dir: { type: 'string' }, 'older-than': { type: 'string' } } });
      const { runKbCheck, runKbSnapshot, runKbStale } = await import('./kbCheck.js');
      if (positionals[0] === 'stale') {
        const days = /^(\d+)d$/.exec(values['older-than'] ?? '180d')?.[1];
        if (days === undefined) break;
        return runKbStale(Number(days), new Date(), process.stdout);
      }
      if (positionals[0] === 'check') return runKbCheck(values.dir, process.stdout, process.stderr);
      if (positionals[0] === 'snapshot') return runKbSnapshot(process.stdout, process.stderr);
      break;
    }
    case 'db':
    case 'evidence':
    case 'forget':
      return (await import('./store.js')).runStoreCommand(command, rest, { stdout: process.stdout, stderr: process.stderr });
    case 'post-tip':
      return (await import('./postTip.js')).runPostTip(rest, { stdout: process.stdout, stderr: process.stderr });
    case 'eval': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { quiet: { type: 'boolean', default: false } } });
      const [{ openEngine }, { openKnowledge }, { evaluate, formatReport }] = await Promise.all([
        import('../engine/index.js'),
        import('../knowledge/index.js'),
        import('./eval.js'),
      ]);
      const engine = openEngine(openKnowledge());
      for (const file of positionals.length > 0 ? positionals : defaultSets()) {
        const report = evaluate(file, engine);
        process.stdout.write(`${formatReport(file, values.quiet ? { ...report, misses: [] } : report)}\n`);
      }
      return 0;
    }
    case 'report': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { top: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } },
      });
      const top = Number(values.top);
      if (positionals.length !== 1 || !Number.isInteger(top) || top < 1) break;
      const { runReport } = await import('./report.js');
      return runReport(positionals[0]!, { top, json: values.json ?? false }, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
    }
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${await usage()}\n`);
      return 0;
  }
  process.stderr.write(`${await usage()}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof KnowledgeError) process.stderr.write(`srm: ${error.message}\n`);
    else process.stderr.write(`srm: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

#!/usr/bin/env node
import { runKbCheck } from './kbCheck.js';

const USAGE = `usage:
  srm kb check [--dir DIR]`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'kb' && sub === 'check') {
    const dirIndex = rest.indexOf('--dir');
    return runKbCheck(dirIndex >= 0 ? rest[dirIndex + 1] : undefined, process.stdout, process.stderr);
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { process.stderr.write(`srm: ${(error as Error).stack ?? String(error)}\n`); process.exitCode = 1; },
);

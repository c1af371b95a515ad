import { setFlagsFromString } from 'node:v8';

/**
 * The engine reads a question through a few hundred long regular expressions (questionShape.ts, rules.ts). By
 * default V8 first compiles each to bytecode for its interpreter and, once it has run, compiles it again to
 * machine code; for alternations this long the bytecode step is the slower of the two, and it made the first
 * answer of a process take ~40 ms instead of ~16. Compiling straight to machine code changes nothing of what
 * matches, only when the cost is paid. Only `srm ask`, whose whole run is one answer, asks for it: a process that goes
 * on answering (the app, the benchmark) pays the first answer's cost once, and its steady state is left as V8 tunes
 * it (one in-process measurement of the benchmark's queries found the median twice as slow with machine code only;
 * the benchmark itself did not repeat it).
 */
export function compileRegexpsToMachineCode(): void {
  setFlagsFromString('--no-regexp-tier-up');
}

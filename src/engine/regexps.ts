import { setFlagsFromString } from 'node:v8';

/**
 * The engine reads a question through a few hundred long regular expressions (questionShape.ts, rules.ts). By
 * default V8 first compiles each to bytecode for its interpreter and, once it has run, compiles it again to
 * machine code; for alternations this long the bytecode step is the slower of the two, and it made the first
 * answer of a process take ~40 ms instead of ~16. Compiling straight to machine code changes nothing of what
 * matches, only when the cost is paid. Only `srm ask`, whose whole run is one answer, asks for it: in a process that goes on
 * answering (the app, the benchmark) the first answer's cost does not matter, and a process that had learnt the
 * engine itself answered at half the speed at the median with machine code only (measured, not explained).
 */
export function compileRegexpsToMachineCode(): void {
  setFlagsFromString('--no-regexp-tier-up');
}

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { BLANK_ENV, REPO_ROOT } from './appProcess.js';

/** The built `srm` command line. */
export const CLI = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The JSON log lines on stderr. */
  logs: Array<Record<string, any>>;
}

/**
 * Runs `srm <args>` as a person or a CronJob would (the built CLI, a process of its own), with only the settings
 * given in `env` (none inherited from a developer's .env or shell). Asynchronous, so a fake Slack in the test's
 * own process can answer it.
 */
export async function runSrm(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...BLANK_ENV, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number];
  const logs = stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, any>);
  return { code, stdout, stderr, logs };
}

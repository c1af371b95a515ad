import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buttonCount, checkBlockKitLimits, COMPACT_BUTTONS_MAX, COMPACT_TEXT_MAX, visibleTextLength } from '../src/cards/index.js';
import { packageRoot } from '../src/knowledge/index.js';
import type { AskJson } from '../src/cli/ask.js';
import { runKbStale } from '../src/cli/kbCheck.js';

const root = packageRoot();
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

/** Runs the built CLI the way a user would after `npm ci` (which builds it). */
function srm(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function askJson(query: string) {
  const run = srm(['ask', query, '--json']);
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as AskJson;
}

describe('srm ask --json', () => {
  it('prints one JSON object with the S3 encryption card', () => {
    const out = askJson('s3 encryption');
    expect(out.query).toBe('s3 encryption');
    expect(out.match).toMatchObject({ service: 's3', topic: 'encryption' });
    expect(out.match!.title).toMatch(/S3/);
    expect(out.text.length).toBeGreaterThan(0);
    expect(checkBlockKitLimits({ text: out.text, blocks: out.blocks as never })).toEqual([]);
    expect(out.blocks[0]).toMatchObject({ type: 'header', block_id: 'srm_card:s3.encryption' });
  });

  it('prints the compact answer Slack gets first, and the full card "Details" opens beside it', () => {
    const out = askJson('s3 encryption');
    expect(visibleTextLength(out.blocks)).toBeLessThanOrEqual(COMPACT_TEXT_MAX);
    expect(buttonCount(out.blocks)).toBeLessThanOrEqual(COMPACT_BUTTONS_MAX);
    expect(JSON.stringify(out.blocks)).toContain('"srm_details"');
    expect(out.details![0]).toMatchObject({ type: 'header', block_id: 'srm_card:s3.encryption' });
    expect(JSON.stringify(out.details)).toContain('Best practices');
    expect(JSON.stringify(out.details)).not.toContain('"srm_details"');
    expect(checkBlockKitLimits({ text: out.text, blocks: out.details as never })).toEqual([]);
  });

  it('exits 0 with a null match, no details and nothing suggested for an out-of-domain question', () => {
    const out = askJson('pizza recipe');
    expect(out.match).toBeNull();
    expect(out.notCovered).toBeNull();
    expect(out.suggestions).toEqual([]);
    expect(out.details).toBeNull();
  });

  it('names the service it has no card for, with the cards it suggests instead', () => {
    const out = askJson('gamelift encryption');
    expect(out.notCovered).toMatch(/GameLift/);
    expect(out.suggestions.length).toBeGreaterThan(0);
    for (const s of out.suggestions) expect(Object.keys(s).sort()).toEqual(['service', 'title', 'topic']);
  });

  it('gives when the card was verified and its sources in --json', () => {
    const verified = askJson('cognito mfa for our app users');
    expect(verified.match).toMatchObject({ service: 'cognito', verifiedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(verified.match!.sources.length).toBeGreaterThan(0);
    for (const url of verified.match!.sources) expect(url).toMatch(/^https:\/\/[a-z0-9.-]*(amazon\.com|aws\.amazon\.com)\//);
  });

  it('gives the confidence, the alternatives and a service with no card in --json', () => {
    const sure = askJson('who patches the guest os on our ec2 instances');
    expect(sure.match).toMatchObject({ service: 'ec2', topic: 'patching', alternatives: [] });
    expect(sure.match!.confidence).toBeGreaterThan(0.6);
    expect(sure.match!.confidence).toBeLessThanOrEqual(1);
    expect(sure.notCovered).toBeNull();
    const uncovered = askJson('who controls access to our gamelift fleets');
    expect(uncovered.notCovered).toMatch(/GameLift/);
    expect(uncovered.match).toMatchObject({ service: null, topic: 'access' });
  });

  it('accepts Slack markup and never echoes a broadcast', () => {
    const out = askJson('<@U0BOTSRM> <!channel> who patches rds');
    expect(out.match).toMatchObject({ service: 'rds', topic: 'patching' });
    expect(JSON.stringify(out.blocks)).not.toContain('<!channel>');
    const refused = askJson('<!here> <@U123> pizza &');
    expect(refused.query).toBe('<!here> <@U123> pizza &');
    expect(JSON.stringify({ text: refused.text, blocks: refused.blocks })).not.toMatch(/<!here>|<@U123>/);
  });

  it('keeps stdout clean even when a .env or LOG_LEVEL would print', () => {
    const run = srm(['ask', 'ec2', '--json'], { LOG_LEVEL: 'debug' });
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });
});

describe('srm ask (terminal)', () => {
  it('prints a readable card', () => {
    const run = srm(['ask', 'who patches rds']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/RDS/);
    expect(run.stdout).toMatch(/security OF the cloud/);
    // The full card: the terminal has no "Details" to press.
    expect(run.stdout).toMatch(/Best practices/);
    expect(run.stdout).not.toMatch(/\[ Details \]/);
    expect(run.stdout).not.toMatch(/"blocks"/);
  });
});

describe('srm kb check', () => {
  it('passes on the shipped knowledge', () => {
    const run = srm(['kb', 'check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/knowledge OK/);
  });

  it('fails naming the file, entry and field of a broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'srm-cli-kb-'));
    try {
      cpSync(join(root, 'knowledge'), dir, { recursive: true });
      writeFileSync(join(dir, 'services', 'sqs.yml'), 'id: sqs\nname: Amazon SQS\naliases: [sqs]\ncategory: abstracted\n');
      const run = srm(['kb', 'check', '--dir', dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/services\/sqs\.yml: sqs › summary: /);
      expect(run.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('srm as an installed command', () => {
  it('runs through its own shebang, as npx srm runs it', () => {
    const run = spawnSync(cli, ['help'], { cwd: root, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/srm ask/);
  });
});

describe('srm usage', () => {
  it('exits 2 with usage on an unknown command', () => {
    const run = srm(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/usage:/);
  });
});

describe('srm kb stale', () => {
  const stale = (days: number, today: string) => {
    let text = '';
    const code = runKbStale(days, new Date(today), {
      write: (chunk: string) => {
        text += chunk;
        return true;
      },
    } as unknown as NodeJS.WritableStream);
    return { code, lines: text.trim().split('\n') };
  };

  it('lists the cards never verified or verified before the limit, oldest first, and exits 1 when there are any', () => {
    const now = stale(180, '2026-12-05');
    expect(now.lines.slice(0, -1).every((line) => line.startsWith('never'))).toBe(true);
    expect(now.lines.at(-1)).toMatch(/^\d+ of \d+ cards were never verified or last verified before 2026-06-08$/);
    const later = stale(180, '2027-12-01');
    expect(later.code).toBe(1);
    expect(later.lines.some((line) => /^2026-12-04 +cognito /.test(line))).toBe(true);
  });

  it('refuses an age it cannot read', () => {
    expect(srm(['kb', 'stale', '--older-than', 'soon']).code).toBe(2);
  });
});

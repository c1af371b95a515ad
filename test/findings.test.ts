import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswer } from '../src/cards/index.js';
import { openEngine, type Answer, type Engine } from '../src/engine/index.js';
import { answerToPostedFinding, isPostedFinding, postedText, type PostedMessage } from '../src/findings/index.js';
import { controlCitations, formatCardKey, openKnowledge, packageRoot, type KnowledgeBase } from '../src/knowledge/index.js';

let kb: KnowledgeBase;
let engine: Engine;

beforeAll(() => {
  kb = openKnowledge();
  engine = openEngine(kb);
});

/** The compact answer a slash command gets, as JSON: what a reader sees first. */
const blocksOf = (answer: Answer): string => JSON.stringify(renderAnswer(kb, answer, { surface: 'ephemeral' }).blocks);
const keyOf = (answer: Answer): string | null => (answer.match ? formatCardKey(answer.match) : null);

describe('Security Hub control ids', () => {
  it('answer every control a card cites with a card that cites it, the id and title at the top', () => {
    const citations = controlCitations(kb);
    expect(citations.size).toBeGreaterThan(150);
    for (const [id, cards] of citations) {
      const answer = engine.answer(id);
      expect(answer.kind, id).toBe('card');
      expect(cards.map(formatCardKey), id).toContain(keyOf(answer));
      expect(answer.finding, id).toMatchObject({ kind: 'control', id, cited: true, title: kb.findings!.controls[id] });
      const blocks = renderAnswer(kb, answer, { surface: 'ephemeral' }).blocks;
      // The header, then the control: nothing else comes between the card's name and the finding it answers.
      expect(JSON.stringify(blocks[1]), id).toContain(`Security Hub ${id}`);
      expect(blocksOf(answer), id).toContain(id);
    }
  });

  it('read an id in any case, after the words findings put before it, inside a sentence or an ARN', () => {
    for (const text of [
      's3.8',
      'control S3.8',
      'securityhub control s3.8',
      'Security Hub: [S3.8] failed for bucket logs-prod',
      'PCI.S3.8',
      'arn:aws:securityhub:eu-west-1:111122223333:control/aws-foundational-security-best-practices/v/1.0.0/S3.8 FAILED',
    ]) {
      expect(engine.answer(text).finding?.id, text).toBe('S3.8');
    }
    expect(keyOf(engine.answer('securityhub control RDS.13'))).toBe('rds.patching');
  });

  it('pick the card whose service and topic fit the control, and offer the other citing cards', () => {
    const s38 = engine.answer('S3.8');
    expect(keyOf(s38)).toBe('s3.access');
    expect(s38.alternatives?.map(formatCardKey)).toContain('s3.configuration');
    expect(keyOf(engine.answer('KMS.4'))).toBe('kms.encryption');
    expect(keyOf(engine.answer('CloudTrail.1'))).toBe('cloudtrail.logging');
    expect(keyOf(engine.answer('EC2.2'))).toBe('vpc.network');
    // Filed under EC2, checking EBS by name: the EBS card.
    expect(keyOf(engine.answer('EC2.7'))).toBe('ebs.encryption');
    expect(keyOf(engine.answer('EC2.3'))).toBe('ebs.encryption');
    // A control that names its own service beside another stays its own ("GuardDuty Malware Protection for EC2").
    expect(keyOf(engine.answer('GuardDuty.8'))?.startsWith('guardduty')).toBe(true);
    expect(blocksOf(s38)).toContain('Also citing S3.8');
  });

  it("answer with Security Hub's own card when its control is one of many it fails, the control's card offered", () => {
    for (const text of [
      'sec hub fails RDS.3 on thirty databases, is aws going to fix those?',
      'we have hundreds of security hub misconfigs, e.g. KMS.4, whose job',
      'security hub flags things such as [S3.8] in every account, who cleans that up',
    ]) {
      const answer = engine.answer(text);
      expect(keyOf(answer), text).toBe('securityhub.configuration');
      expect(answer.alternatives?.[0] && formatCardKey(answer.alternatives[0]), text).toBe(keyOf(engine.answer(answer.finding!.id)));
      expect(answer.finding?.kind, text).toBe('control');
    }
    // One resource's failed control is that resource's card; so is a list of controls that never names Security Hub.
    expect(keyOf(engine.answer('security hub flagged RDS.3 on db-orders, is that ours to fix'))).toBe('rds.encryption');
    expect(keyOf(engine.answer('RDS.3 fails on those databases, who encrypts them'))).toBe('rds.encryption');
  });
  it('answer an id no card cites with its service card, say so, and count it as a gap', () => {
    const answer = engine.answer('S3.99');
    expect(keyOf(answer)).toBe('s3');
    expect(answer.finding).toMatchObject({ id: 'S3.99', cited: false });
    expect(answer.uncovered).toBe('Security Hub S3.99');
    expect(blocksOf(answer)).toContain('No card cites S3.99 yet, so here is the Amazon S3 · Who secures what card.');
  });

  it("read the question's own words for the topic of an id no card cites, the service's card offered beside it", () => {
    const answer = engine.answer('S3.99 keeps failing on the invoices bucket, who decides which roles can read it');
    expect(keyOf(answer)).toBe('s3.access');
    expect(answer.alternatives?.map((k) => `${k.service}.${k.topic}`)).toContain('s3.null');
    expect(answer.confidence).toBeLessThan(1);
    expect(answer.uncovered).toBe('Security Hub S3.99');
  });

  it('leave ordinary questions and numbers that only look like ids to the engine', () => {
    for (const text of ['is s3 encrypted?', 'we run python3.9 on ec2', 'version 2.0 of our app on ec2', 's3.amazonaws.com is slow']) {
      expect(engine.answer(text).finding, text).toBeUndefined();
    }
  });
});

describe('finding titles and GuardDuty types', () => {
  it('answer every cited control title, alone or inside a sentence, with the card of its control', () => {
    for (const [id] of controlCitations(kb)) {
      const title = kb.findings!.controls[id]!;
      expect(engine.answer(title).finding?.id, title).toBe(id);
      expect(engine.answer(`Security Hub finding: ${title}. Resource: arn:aws:s3:::member-pii-prod`).finding?.id, title).toBe(id);
    }
  });

  it('answer every GuardDuty finding type in the catalogue with its card and first step', () => {
    const catalogue = kb.findings!.guardduty;
    expect(catalogue.length).toBeGreaterThanOrEqual(50);
    for (const finding of catalogue) {
      const answer = engine.answer(`alert: ${finding.type} on i-0abc123 in prod`);
      expect(keyOf(answer), finding.type).toBe(finding.card);
      expect(answer.finding, finding.type).toMatchObject({ kind: 'guardduty', id: finding.type, firstStep: finding.first_step });
      expect(blocksOf(answer), finding.type).toContain('Who acts: you');
      // Whether AWS acts on the finding at all is GuardDuty's own card, offered beside any other.
      const offered = answer.alternatives!.map(formatCardKey);
      expect(offered, finding.type).toEqual(finding.card.startsWith('guardduty') ? [] : ['guardduty.logging']);
    }
    expect(blocksOf(engine.answer('UnauthorizedAccess:EC2/SSHBruteForce'))).toContain("Does AWS act on the finding? GuardDuty's side");
  });

  it("answer with GuardDuty's own card when the message asks whether AWS acts on the finding, the finding's card offered", () => {
    const catalogued = kb.findings!.guardduty.find((f) => f.type === 'UnauthorizedAccess:EC2/SSHBruteForce')!;
    const answer = engine.answer('UnauthorizedAccess:EC2/SSHBruteForce on the bastion: will aws block the attacker, or do we respond?');
    expect(keyOf(answer)).toBe('guardduty.logging');
    expect(answer.alternatives!.map(formatCardKey)).toEqual([catalogued.card]);
    expect(answer.finding).toMatchObject({ kind: 'guardduty', id: catalogued.type });
    expect(blocksOf(answer)).toContain('Fixing what it found:');
    // GuardDuty named beside its finding: the question is what GuardDuty does with it.
    const named = engine.answer('guardduty raised UnauthorizedAccess:EC2/SSHBruteForce and nobody reacted, whose job');
    expect(keyOf(named)).toBe('guardduty.logging');
    expect(named.alternatives!.map(formatCardKey)).toEqual([catalogued.card]);
    // …unless it also names what the finding's card is about: then it asks about that.
    const probed = engine.answer('guardduty reports Recon:EC2/PortProbeUnprotectedPort on the build host, who closes port 22 there');
    expect(keyOf(probed)).toBe('ec2.network');
    expect(probed.alternatives!.map(formatCardKey)).toEqual(['guardduty.logging']);
    // The topic's own words say it as well, and "block" inside "block public access" asks nothing of who acts.
    expect(
      keyOf(engine.answer('guardduty flagged UnauthorizedAccess:EC2/SSHBruteForce on the bastion, its security group lets ssh in from anywhere, ours to fix?')),
    ).toBe('ec2.network');
    expect(
      keyOf(
        engine.answer('guardduty raised Policy:S3/BucketBlockPublicAccessDisabled for the reports bucket, switching block public access on again is whose job'),
      ),
    ).toBe('s3.access');
  });

  it('name a refused Security Hub control as a control, with its title, never as a GuardDuty type', () => {
    const answer: Answer = {
      query: 'Foo.9',
      readable: 'Foo.9',
      kind: 'no_match',
      match: null,
      suggestions: [],
      finding: { kind: 'control', id: 'Foo.9', cited: false, title: 'Foo widgets should be locked' },
    };
    const blocks = blocksOf(answer);
    expect(blocks).toContain('No card cites the Security Hub control `Foo.9` (“Foo widgets should be locked”)');
    expect(blocks).not.toContain('finding type');
  });

  it('refuse a finding type that is not in the catalogue, naming the nearest ones', () => {
    const answer = engine.answer('UnauthorizedAccess:EC2/SSHBruteForceV2');
    expect(answer.kind).toBe('no_match');
    expect(answer.finding).toMatchObject({ id: 'UnauthorizedAccess:EC2/SSHBruteForceV2', cited: false });
    expect(answer.finding?.nearest?.[0]).toBe('UnauthorizedAccess:EC2/SSHBruteForce');
    const blocks = blocksOf(answer);
    expect(blocks).toContain("I don't know the GuardDuty finding type");
    expect(blocks).toContain('UnauthorizedAccess:EC2/SSHBruteForce`');
    expect(answer.suggestions.map(formatCardKey)).toContain('ec2.network');
  });

  it('read a finding type shortened by its variant as the catalogue type it shortens', () => {
    const answer = engine.answer('CryptoCurrency:EC2/BitcoinTool on a build box, whose move');
    expect(answer.finding).toMatchObject({ kind: 'guardduty', id: 'CryptoCurrency:EC2/BitcoinTool.B', cited: true });
    expect(keyOf(answer)).toBe(kb.findings!.guardduty.find((f) => f.type === 'CryptoCurrency:EC2/BitcoinTool.B')!.card);
  });

  it("answer an unknown finding type with GuardDuty's own card when the message asks whether AWS acts, counted as a gap", () => {
    const answer = engine.answer('UnauthorizedAccess:EC2/SSHBruteForceV2 fired, does aws respond to it?');
    expect(keyOf(answer)).toBe('guardduty.logging');
    expect(answer.uncovered).toBe('GuardDuty UnauthorizedAccess:EC2/SSHBruteForceV2');
    const blocks = blocksOf(answer);
    expect(blocks).toContain("I don't know this finding type yet");
    expect(blocks).not.toContain('first:');
  });

  it('keep a finding answer the same inside a thread about something else', () => {
    const answer = engine.answer('CryptoCurrency:EC2/BitcoinTool.B!DNS', { previous: { service: 's3', topic: 'encryption' } });
    expect(keyOf(answer)).toBe('ec2.patching');
  });
});

describe('srm ask --json', () => {
  it('prints the finding beside the card for a control id', () => {
    const run = spawnSync(process.execPath, [join(packageRoot(), 'dist', 'src', 'cli', 'main.js'), 'ask', 'S3.8', '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { match: { service: string; topic: string }; finding: { id: string }; blocks: unknown[] };
    expect(json.match).toMatchObject({ service: 's3', topic: 'access' });
    expect(json.finding.id).toBe('S3.8');
    expect(JSON.stringify(json.blocks)).toContain('S3 general purpose buckets should block public access');
  });
});

describe('findings posted by other apps', () => {
  const channels = { channels: new Set(['C0FINDINGS']), botId: 'B0SRMBOT', botUserId: 'U0SRMBOT' };
  const posted = (extra: Partial<PostedMessage> = {}): PostedMessage => ({
    channel: 'C0FINDINGS',
    ts: '1.000001',
    bot_id: 'B0CHATBOT',
    subtype: 'bot_message',
    ...extra,
  });

  it("reads what a reader sees of attachments and blocks, not a button's hidden value", () => {
    const text = postedText(
      posted({
        text: 'New finding',
        attachments: [{ title: 'Security Hub', fields: [{ title: 'Control', value: 'RDS.13' }] }],
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: 'Resource db-1' } },
          { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open' }, value: 'S3.8' }] },
        ],
      }),
    );
    expect(text).toContain('RDS.13');
    expect(text).toContain('Resource db-1');
    expect(text).not.toContain('S3.8');
    expect(answerToPostedFinding(engine, posted({ attachments: [{ fields: [{ title: 'Control', value: 'RDS.13' }] }] }))?.finding?.id).toBe('RDS.13');
  });

  it('takes only new top-level posts by another app in an opted-in channel', () => {
    expect(isPostedFinding(posted(), channels)).toBe(true);
    expect(isPostedFinding(posted({ subtype: undefined }), channels)).toBe(true);
    expect(isPostedFinding(posted({ channel: 'C0OTHER' }), channels)).toBe(false);
    expect(isPostedFinding(posted({ bot_id: 'B0SRMBOT' }), channels)).toBe(false);
    expect(isPostedFinding(posted({ bot_id: undefined, subtype: undefined, user: 'U0PERSON' }), channels)).toBe(false);
    expect(isPostedFinding(posted({ subtype: 'message_changed' }), channels)).toBe(false);
    expect(isPostedFinding(posted({ thread_ts: '0.5' }), channels)).toBe(false);
  });

  it("gives no answer to an app's post that names no finding, nor to an unknown finding type", () => {
    expect(answerToPostedFinding(engine, posted({ text: 'Deploy of web-1 finished' }))).toBeNull();
    expect(answerToPostedFinding(engine, posted({ text: 'UnauthorizedAccess:EC2/SomethingNew' }))).toBeNull();
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TUNING, createEngine, defaultEngineStateFile, learnEngineState, readEngineState, type Engine, type EngineState } from '../src/engine/index.js';
import { normalizeSlackText } from '../src/engine/normalize.js';
import { resolveTerms } from '../src/engine/resolve.js';
import { buildVocabulary } from '../src/engine/vocabulary.js';
import { allowedEdits, createSpellingCorrector, editDistance } from '../src/engine/spelling.js';
import { CONCEPT_IDS, SERVICE_IDS, TOPIC_IDS, formatCardKey, openKnowledge, parseCardKey, type KnowledgeBase } from '../src/knowledge/index.js';

let kb: KnowledgeBase;
let engine: Engine;
let learnt: EngineState;

beforeAll(() => {
  // The state the build learnt from this knowledge (learnt again only when the knowledge changed since).
  kb = openKnowledge();
  learnt = readEngineState(defaultEngineStateFile(), kb.fingerprint ?? '') ?? learnEngineState(kb);
  engine = createEngine(kb, DEFAULT_TUNING, learnt);
});

const card = (text: string) => {
  const { match } = engine.answer(text);
  return match ? formatCardKey(match) : null;
};

/** The card a question gets and the cards offered beside it, as keys. */
const cardAndOffers = (text: string) => {
  const { match, alternatives = [] } = engine.answer(text);
  return { card: match ? formatCardKey(match) : null, offers: alternatives.map(formatCardKey) };
};

describe('normaliser', () => {
  /** The folded words, one space between: words never hold a space, so equal text is equal words. */
  const wordsOf = (text: string) => normalizeSlackText(text).words.join(' ');

  it('drops mentions and broadcasts, keeps link and channel labels, decodes entities', () => {
    const n = normalizeSlackText('<@U0BOTSRM> <!here> see <#C123|sec-team> and <https://example.com|the S3 docs> &amp; :lock: Encryption&gt;');
    expect(n.readable).toBe('see #sec-team and the S3 docs & Encryption>');
    expect(n.words).toEqual(['see', 'sec', 'team', 'and', 'the', 's3', 'docs', 'encryption']);
  });

  it('notices a numbered list of three items or more, which folding would hide', () => {
    expect(normalizeSlackText('1) encryption 2) patching 3) the hardware: ours?').listsItems).toBe(true);
    expect(normalizeSlackText('checklist:\n1. keys\n2. guards\n3. passwords').listsItems).toBe(true);
    expect(normalizeSlackText('we run 1) one queue and 2) two topics').listsItems).toBe(false);
    expect(normalizeSlackText('s3 encryption 123 2.0').listsItems).toBe(false);
  });

  it('folds accents, case and punctuation, and drops the s of a possessive or a contracted is', () => {
    expect(wordsOf('Who’s responsible for  ENCRYPTIÓN on Route-53?!')).toBe('who responsible for encryption on route 53');
  });

  it('reads pasted resource ids as the words for the resource, and shows them as typed', () => {
    const n = normalizeSlackText('3389 open on i-0123456789abcdef0 (an m5.large)');
    expect(n.readable).toBe('3389 open on i-0123456789abcdef0 (an m5.large)');
    expect(n.words).toEqual(['3389', 'open', 'on', 'ec2', 'instance', 'an', 'ec2', 'instance', 'type']);
    expect(card('port 3389 is open to the world on i-0123456789abcdef0, whose problem')).toBe('ec2.network');
    expect(wordsOf('grants `sqs:SendMessage` and s3:* to everyone, unlike re:Invent')).toBe(
      'grants sqs permission sendmessage and s3 permission to everyone unlike re invent',
    );
  });

  it("reads a protocol's version glued to its name as the protocol", () => {
    expect(wordsOf('min TLSv1, TLS1.2 and SSLv3 on the listener')).toBe('min tls v1 tls 1 2 and ssl v3 on the listener');
    expect(card('the load balancer still accepts SSLv3, whose fix')).toBe('elb.encryption');
  });

  it('reads a name tagged with a version or latest as a container image we built', () => {
    expect(wordsOf('critical cve in `ledger-worker:2.7.1` and web:latest')).toBe('critical cve in container image and container image');
    expect(wordsOf('the trail stopped at 03:12 in eu-west-1')).toBe('the trail stopped at 03 12 in eu west 1');
    expect(card('ecr flagged a high cve in `ledger-worker:2.7.1`, does aws fix that or us')).toBe('ecr.application');
  });

  it('reads an ARN as its service and the kind of resource, and keeps emoji out without eating ARNs', () => {
    expect(wordsOf('who rotates arn:aws:kms:eu-central-1:210987654321:key/9f8e7d6c-aaaa :thinking_face:')).toBe('who rotates kms key');
    expect(wordsOf('arn:aws:iam::210987654321:role/ci-deployer too broad?')).toBe('iam role too broad');
    expect(wordsOf('arn:aws:s3:::payroll-exports/2026/jan.csv is public')).toBe('s3 bucket is public');
  });

  it('takes a record of every api call in the account as CloudTrail described, its general card offered', () => {
    const answer = engine.answer('does anything keep a history of every api call in our aws account by default, or do we set it up');
    expect(formatCardKey(answer.match!)).toBe('cloudtrail.logging');
    expect(answer.alternatives!.map(formatCardKey)).toContain('logging');
  });

  it('takes a disk attached to a server as EBS, the server only where it is attached', () => {
    expect(card('the disks attached to our reporting vms, encrypted at rest or a setting we flip?')).toBe('ebs.encryption');
    expect(card('the hard drives attached to our amazon servers, are they backed up automatically')).toBe('ebs.backup');
  });

  it("reads an ARN by the resource's own id when it has one: EC2's namespace holds EBS volumes and snapshots", () => {
    expect(wordsOf('arn:aws:ec2:eu-west-2:210987654321:volume/vol-0fedcba9876543210 is unencrypted')).toBe('ebs volume is unencrypted');
    expect(wordsOf('arn:aws:ec2:eu-west-2:210987654321:snapshot/snap-0fedcba98765 is public')).toBe('ebs snapshot is public');
    expect(card('arn:aws:ec2:eu-west-2:210987654321:volume/vol-0fedcba9876543210 has no encryption at rest, who turns it on')).toBe('ebs.encryption');
  });

  it('keeps the service of a CloudFormation resource type, and drops a run of emoji codes', () => {
    expect(wordsOf('Type: AWS::DynamoDB::Table :eyes::fire:')).toBe('type aws dynamodb table');
  });

  it("reads a log group's path as CloudWatch's log group, not as the service it holds logs of", () => {
    expect(wordsOf('/aws/apigateway/orders-prod has no alarm')).toBe('cloudwatch log group has no alarm');
    expect(wordsOf('log group /eks/ingress keeps tokens')).toBe('log group keeps tokens');
  });

  it('reads a pasted security group id as EC2 security group', () => {
    expect(wordsOf('sg-0fedcba987 allows 22')).toBe('ec2 security group allows 22');
  });

  it('caps very long input instead of reading all of it', () => {
    expect(normalizeSlackText('s3 '.repeat(5000)).words.length).toBeLessThanOrEqual(120);
  });
});

describe('spelling', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('bakcup', 'backup')).toBe(1);
    expect(editDistance('lamda', 'lambda')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('never corrects short words, allows more edits for longer ones', () => {
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(4)).toBe(0);
    expect(allowedEdits(6)).toBe(1);
    expect(allowedEdits(10)).toBe(2);
  });

  it('corrects to the unique nearest known word and refuses ties', () => {
    const speller = createSpellingCorrector(['encryption', 'backup', 'lambda', 'policy', 'police']);
    expect(speller.correct('encyrption')).toBe('encryption');
    expect(speller.correct('lamda')).toBe('lambda');
    expect(speller.correct('polics')).toBeNull();
    expect(speller.correct('zebra')).toBeNull();
  });
});

describe('engine on the shipped knowledge', () => {
  it('answers every service id typed alone with its own service card', () => {
    for (const id of SERVICE_IDS) expect(card(id), id).toBe(id);
  });

  it('answers every service by its official name', () => {
    for (const service of kb.services.values()) expect(card(service.name), service.name).toBe(service.id);
  });

  it('answers every topic id typed alone with the general topic card', () => {
    for (const id of TOPIC_IDS) expect(card(id), id).toBe(id);
  });

  it('answers every concept by its title', () => {
    for (const id of CONCEPT_IDS) expect(card(kb.concepts.get(id)!.title), id).toBe(id);
  });

  it('narrows a service to a topic, whatever the order and phrasing', () => {
    expect(card('s3 encryption')).toBe('s3.encryption');
    expect(card('encryption s3')).toBe('s3.encryption');
    expect(card('<@U0BOTSRM> who patches the OS on my EC2 instances?')).toBe('ec2.patching');
    expect(card('who patches rds')).toBe('rds.patching');
  });

  it('reads a second service that stands for a topic as that topic', () => {
    expect(card('s3 kms')).toBe('s3.encryption');
    expect(card('s3 cloudtrail')).toBe('s3.logging');
  });

  it('survives typos in service and topic words', () => {
    expect(card('elasticahce encyrption')).toBe('elasticache.encryption');
    expect(card('lamda')).toBe('lambda');
    // An attribute pasted as written in a template is its words: RDS's `PubliclyAccessible` flag is about its network.
    expect(card('`orders-db` shows PubliclyAccessible: true in the template, whose call was that')).toBe('rds.network');
    // A compound written as one word is the same keyword.
    expect(card('who looks after the keypairs we ssh into the ec2 boxes with')).toBe('ec2.access');
  });

  it('answers a service-topic pair the service file does not cover with that pair', () => {
    expect(card('who owns the physical hardware behind sqs')).toBe('sqs.physical');
  });

  it('refuses questions outside the model, suggesting only cards related to what was named', () => {
    for (const q of ['pizza recipe', 'how much does s3 cost', 'ec2 spot price', 'azure blob tier pricing', 'tell me a joke']) {
      const answer = engine.answer(q);
      expect(answer.match, q).toBeNull();
      expect(answer.kind).toBe('no_match');
      expect(answer.suggestions.length).toBeLessThanOrEqual(3);
    }
    expect(engine.answer('how much does s3 cost').suggestions.map(formatCardKey)).toContain('s3');
    expect(engine.answer('pizza recipe').suggestions).toEqual([]);
    expect(engine.answer('tell me a joke').suggestions).toEqual([]);
  });

  it('suggests the service it recognised when it refuses a question about it', () => {
    const answer = engine.answer('ec2 spot price');
    expect(answer.reason).toBe('out_of_scope');
    expect(answer.suggestions.map(formatCardKey)).toContain('ec2');
  });

  it('refuses a service question about something the model does not cover', () => {
    expect(engine.answer('lambda cold start tuning for large deployment packages').match).toBeNull();
  });

  it('gives help for an empty message, "help", or a bare mention', () => {
    for (const q of ['', '   ', 'help', '<@U0BOTSRM>', ':wave:']) expect(engine.answer(q).kind, JSON.stringify(q)).toBe('help');
  });

  it('never throws on hostile or odd input', () => {
    const inputs = [
      'x'.repeat(4000),
      'ec2 '.repeat(1000),
      '🔥🔥🔥 🚀',
      '?!?!... ;;; ---',
      'データの暗号化は誰の責任ですか',
      'من المسؤول عن التشفير',
      '<!channel> <!here|here> <@U123|bob> <#C1> <https://evil.example|click>',
      '\u0000\u200b\uFEFF',
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    ];
    for (const q of inputs) {
      const answer = engine.answer(q);
      expect(['card', 'help', 'no_match']).toContain(answer.kind);
      expect(answer.suggestions.length).toBeLessThanOrEqual(3);
    }
  });

  it('builds the answer for a button click from a card key', () => {
    expect(engine.answerFor({ service: 's3', topic: 'backup' })?.match?.title).toMatch(/S3/);
    expect(engine.answerFor({ service: 's3', topic: 'overview' })).toBeNull();
    expect(engine.answerFor({ service: null, topic: null })).toBeNull();
  });

  it('offers related cards next to an answer, never the answer itself', () => {
    const answer = engine.answer('s3 encryption');
    const related = answer.suggestions.map(formatCardKey);
    expect(related).not.toContain('s3.encryption');
    expect(related).toContain('s3');
  });
});

describe('resolver and rules', () => {
  const resolve = (text: string) => {
    const vocabulary = buildVocabulary(kb);
    return resolveTerms(normalizeSlackText(text).words, vocabulary, createSpellingCorrector(vocabulary.knownWords));
  };
  const kinds = (text: string) => resolve(text).terms.map((t) => `${t.term.kind}:${t.phrase}`);

  it('matches the longest phrase first', () => {
    expect(kinds('secrets manager')).toEqual(['service:secrets manager']);
    expect(kinds('rds public subnet')[1]).toBe('topic:public subnet');
  });

  it("yields the last word of a service's name to a topic phrase it begins", () => {
    expect(kinds('ecr image scanning, who runs it')).toEqual(['service:ecr', 'topic:image scanning']);
  });

  it('joins a product name people split, but not one that opens a longer phrase', () => {
    expect(kinds('red shift')).toEqual(['service:redshift']);
    expect(kinds('api gateway logging').map((k) => k.split(':')[0])).toEqual(['service', 'topic']);
  });

  it('reads plural and verb forms through known stems, and keeps unknown words apart', () => {
    expect(kinds('patchings')).toEqual(['topic:patching']);
    // A consonant doubled before -ing, back to the phrase's word; everyday verbs stay as typed.
    expect(kinds('snapshotting')).toEqual(kinds('snapshot'));
    expect(resolve('setting it up').spelled).toContain('setting');
    const r = resolve('s3 zorblax quuxes');
    expect(r.unknown).toEqual(['zorblax', 'quuxes']);
  });

  it('reads shorthand for everyday words as the words it stands for', () => {
    expect(kinds('root acct has no mfa')).toContain(kinds('root account has no mfa')[0]);
    expect(resolve('lb listener').terms.map((t) => t.term.kind === 'service' && t.term.service)).toContain('elb');
    // As typed, a terse command is still the number of words someone typed.
    expect(resolve('prod creds').typed).toEqual(['production', 'credentials']);
  });

  it('answers for the service whose keyword sits beside a service that only says the topic', () => {
    // KMS only says encryption; "sse s3", a keyword of S3's encryption, makes the question S3's.
    expect(card('sse-s3 or our own kms keys, who picks')).toBe('s3.encryption');
  });

  it('answers the whole split when both sides are contrasted over several topics and no service is named', () => {
    expect(card('we used to run our own racks and patch everything; what does amazon look after and what do we still do?')).toBe('overview');
  });

  it('flags questions about responsibility itself', () => {
    expect(resolve('so whose responsibility is it overall').asksAboutTheModel).toBe(true);
    expect(card('so whose responsibility is it overall, aws or me?')).toBe('overview');
    expect(resolve('hello there').asksAboutTheModel).toBe(false);
  });

  it('lets a strong concept win over a service named alone, but not over a service and a topic', () => {
    expect(card('is ecs a container service')).toBe('categories');
    expect(card('ec2 patch management')).toBe('ec2.patching');
    expect(card('patch management')).toBe('shared-controls');
  });

  it('discounts a topic word that only repeats what the service is about', () => {
    expect(card('cloudtrail log encryption')).toBe('cloudtrail.encryption');
    expect(card('cloudtrail logs')).toMatch(/^cloudtrail(\.logging)?$/);
    // The service's keyword for another of its topics names that topic as plainly as a topic word.
    expect(card('key policy on the reporting cmk lets the whole org decrypt with it, aws or us to fix')).toBe('kms.access');
  });

  it('does not answer with a topic named only by an incidental word', () => {
    expect(engine.answer('anyone know when the conference is this year').match).toBeNull();
    expect(engine.answer("what's the best database for my app").match).toBeNull();
  });

  it('refuses a question that asks nobody which side does something when the runner-up is "nothing we answer"', () => {
    const lookalikes = ['we need to give the sales team edit access on the shared spreadsheet'];
    const withoutTheRule = createEngine(kb, { ...DEFAULT_TUNING, lookalikeBelow: 0 }, learnt);
    for (const question of lookalikes) {
      expect(withoutTheRule.answer(question).match).not.toBeNull();
      expect(engine.answer(question).match).toBeNull();
    }
    // Asking who keeps it ours.
    expect(card('who gives the design team edit rights on the s3 bucket')).toBe('s3.access');
  });

  it('reads "who do i talk to" as asking for a contact, not for a side of the split', () => {
    // Out of scope (a bill) with a service named: only asking which side outright would make it ours.
    expect(engine.answer('our aws bill for the nat gateway tripled, who do i talk to about it').match).toBeNull();
    expect(card('who is responsible for the nat gateway bill being encrypted? our s3 data goes through it')).not.toBeNull();
    // Whom to contact, with nothing else asking which side, is someone else's question whatever it mentions.
    expect(engine.answer('the label printer in the packing area keeps losing its network, who do we call').reason).toBe('out_of_scope');
    expect(engine.answer('the parking barrier has a default admin password on its web panel, who should i tell?').reason).toBe('out_of_scope');
    expect(engine.answer('the certificate on the lobby kiosk expired, who to contact').reason).toBe('out_of_scope');
    expect(card('who should we talk to about rotating our kms keys, is that aws or us')).toMatch(/^kms/);
  });

  it("refuses a way back into another system's login or connection, but not AWS's own", () => {
    expect(engine.answer('the expense tool locked me out after two tries, who can unlock it').reason).toBe('out_of_scope');
    expect(engine.answer('reset workday password').reason).toBe('out_of_scope');
    expect(engine.answer('my vpn wont connect at the airport lounge').reason).toBe('out_of_scope');
    expect(engine.answer("the shift planner won't accept my new password since friday").reason).toBe('out_of_scope');
    expect(engine.answer('our customers cant log in to the rewards portal after the update, whose problem').reason).toBe('out_of_scope');
    expect(card('locked out of the aws root user after the mfa phone died, who resets it, aws or us')).not.toBeNull();
    expect(card('i locked everyone out with a bad kms key policy, is fixing it on us')).toMatch(/^kms/);
  });

  it("refuses a choice among the company's own teams, but not one between AWS and a team", () => {
    expect(engine.answer('which team owns the physical security of the stockroom at our downtown shop?').reason).toBe('out_of_scope');
    expect(engine.answer('who is responsible for fire drills on level 2, facilities or the floor wardens?').reason).toBe('out_of_scope');
    expect(card('who is responsible for patching the hypervisor, aws or our platform team?')).not.toBeNull();
    expect(card('who writes the bucket policies on s3, platform team or app team?')).toMatch(/^s3/);
  });

  it('refuses steps asked for with nothing asking which side does them, whatever service they name', () => {
    expect(engine.answer('how should we lay out our sqs queues for the order pipeline, one per service or shared').reason).toBe('out_of_scope');
    expect(engine.answer('eventbridge cron schedule how to').reason).toBe('out_of_scope');
    expect(card('how do we find out who deleted objects from our s3 bucket, is that logged for us automatically')).toBe('s3.logging');
  });

  it('refuses out-of-scope questions even with a service and a topic named', () => {
    expect(engine.answer('how much does s3 encryption cost').reason).toBe('out_of_scope');
  });

  it('refuses a certification course or level, where "cert" is a career, not a certificate', () => {
    expect(engine.answer('is the cloud practitioner cert course worth the money').reason).toBe('out_of_scope');
  });

  it('refuses judging or reporting one suspicious message, but answers who trains people against phishing', () => {
    expect(engine.answer('report phishing sms pretending to be our bank').reason).toBe('out_of_scope');
    expect(card('phishing training for our call centre, aws or us')).toBe('training');
  });

  it('suggests the card a near word names when nothing matched', () => {
    // "recorder" appears only inside AWS Config phrases ("configuration recorder"): alone it answers nothing but
    // points there.
    const answer = engine.answer('recorder thingamajig');
    expect(answer.match).toBeNull();
    expect(answer.suggestions.map(formatCardKey).some((k) => k.startsWith('config'))).toBe(true);
  });
});

describe('topic model', () => {
  it('reads the whole question: a situation described without the topic word finds the topic', () => {
    expect(card('the kernel on our ec2 web server is two years behind, who should have updated it')).toBe('ec2.patching');
    expect(card('our postgres on rds answers connections from any address on the internet')).toBe('rds.network');
  });

  it('knows how sure it is: a clear question is confident, a torn one offers the runner-up', () => {
    const clear = engine.answer('who patches the guest os of an ec2 instance');
    expect(clear.confidence).toBeGreaterThan(DEFAULT_TUNING.sure);
    expect(clear.alternatives).toEqual([]);
    // Two topics asked about at once: the one answered and the other offered.
    const torn = engine.answer('who handles encryption and backups for our files');
    expect(torn.match).not.toBeNull();
    expect(torn.confidence).toBeLessThan(DEFAULT_TUNING.sure);
    expect([torn.match, ...torn.alternatives!].map((m) => formatCardKey(m!)).sort()).toEqual(['backup', 'encryption']);
  });

  it('finds services by the catalogue shorthand people type', () => {
    expect(card('ddb encryption at rest')).toBe('dynamodb.encryption');
    expect(card('alb tls certificates')).toBe('elb.encryption');
  });

  it('says when a named service has no card instead of passing a general card off as specific', () => {
    const topical = engine.answer('directory service mfa for our users');
    expect(topical.uncovered).toBe('AWS Directory Service');
    expect(topical.match && formatCardKey(topical.match)).toBe('access');
    const bare = engine.answer('tell me about amazon nova');
    expect(bare.match).toBeNull();
    expect(bare.reason).toBe('not_covered');
    expect(bare.uncovered).toMatch(/Nova/);
    // A dental x-ray is no AWS X-Ray: only the service's own words name it.
    expect(engine.answer('the xray viewer in surgery 2 needs a driver update, who has the admin login').uncovered).toBeUndefined();
    expect(engine.answer('aws xray tracing - who secures the trace data').uncovered).toBe('AWS X-Ray');
  });

  it('refuses lookalikes that carry a security word, and offers nothing unrelated', () => {
    for (const q of ['the payroll portal locked my password again', 'how do i pay less for our cloud bill', 'what time is the team lunch']) {
      const answer = engine.answer(q);
      expect(answer.match, q).toBeNull();
    }
    expect(engine.answer('what time is the team lunch').suggestions).toEqual([]);
  });

  it('refuses a how-to about code or tooling, unless it asks who is responsible', () => {
    const howTo = engine.answer('how do i list kms keys with the python sdk');
    expect(howTo.match).toBeNull();
    expect(howTo.reason).toBe('out_of_scope');
    expect(card('how do i turn on default encryption for a new s3 bucket')).toBe('s3.encryption');
    expect(card('who should rotate the keys our python sdk uses for kms')).toMatch(/^kms/);
    expect(card('ssl error in the ios simulator against our local server, how to fix')).toBeNull();
    // Seven words or more with nothing of AWS and no side in them: a compliance word alone does not make it ours.
    expect(card('does gdpr let the clinic email lab results unencrypted')).toBeNull();
    expect(card('least privilege and mfa, always customer side whatever the service?')).toBe('access');
    // What a law asks of the company, with nothing of AWS and nobody asked who answers for it, is for its lawyers;
    // the law's name alone asks for the topic.
    expect(engine.answer('under hipaa must we keep paper charts for six years').reason).toBe('out_of_scope');
    expect(engine.answer('does our state privacy law let us share patient names with the insurer').reason).toBe('out_of_scope');
    expect(card('hipaa')).not.toBeNull();
    // Steps for something with no AWS in it at all, whatever security word it shares with ours.
    expect(engine.answer('how do we encrypt the contracts before sending them to suppliers').reason).toBe('out_of_scope');
    expect(card('how do we encrypt data in our s3 buckets')).toBe('s3.encryption');
    // …asked after the story as well as at the start.
    expect(engine.answer('the soc 2 audit is next quarter, how do we prepare the evidence binder for the auditors').reason).toBe('out_of_scope');
  });

  it("takes 'what amazon handles and what we handle' as asking which side, so vague words beside it still get the service's card", () => {
    expect(card('our choir recordings are landing in s3, summary of what amazon handles and what we handle please')).toBe('s3');
  });

  it('refuses a choice between products, unless the two sides compared are AWS and us', () => {
    expect(engine.answer('elasticache redis or memcached, which one should we use for sessions').reason).toBe('out_of_scope');
    expect(card('lambda: what is on us vs on aws')).toBe('lambda');
    expect(card('rds vs aurora patching')).toMatch(/^(rds|aurora)\.patching$/);
    // Our side named in so many words is asked about, whatever is compared.
    expect(card('lambda vs app runner. for lambda, what remains our part?')).toBe('lambda');
  });

  it('takes a named concept of the model as the question, whatever small talk surrounds it', () => {
    expect(card('morning all, quick one: the aws shared responsibility model, how does it work?')).toBe('overview');
  });

  it('answers with the service card when the words beside a service lean to no topic', () => {
    expect(card('sns - what falls to our side')).toBe('sns');
    expect(card('our piece of the bargain with sqs')).toBe('sqs');
  });

  it("answers a request for a service's whole split with its card, however the model files the words around it", () => {
    expect(card("our startup is launching a mobile backend on lambda in the new year, what's the overall split of security responsibilities?")).toBe('lambda');
    expect(card("we're opening a partner portal on cloudfront next sprint, what's the overall split of security duties?")).toBe('cloudfront');
  });

  it('takes the model named in full as the question when a topic word beside it is only context', () => {
    expect(card("so what's the real difference between security of the cloud and security in the cloud? it keeps coming up in the audit checklist")).toBe(
      'overview',
    );
  });

  it('offers the topic a service question leans to when it falls back to the service card', () => {
    const answer = engine.answer('the s3 bucket leaked because nobody locked it, our fault?');
    expect(formatCardKey(answer.match!)).toBe('s3');
    expect(answer.confidence).toBeLessThan(0.6);
    expect(answer.alternatives!.map(formatCardKey)).toContain('s3.access');
  });

  it('refuses another cloud always, but a price word only when nobody asks who secures a named topic', () => {
    expect(engine.answer('who patches the vms we run on azure').reason).toBe('out_of_scope');
    expect(engine.answer('our gcs buckets with uniform access turned off, whose job').reason).toBe('out_of_scope');
    expect(card('our cheapest bucket in s3 holds payroll exports, who makes sure they are encrypted')).toBe('s3.encryption');
    // "…or something we have to do" asks which side as plainly as "who".
    expect(card("the billing portal on ec2, is patching it aws's or something we have to handle")).toBe('ec2.patching');
  });

  it("reads a phrase as the topic the named service's card says it means there, and as its own topic elsewhere", () => {
    expect(card("sechub grades us against cis and we're at 55%, does aws vouch for that")).toBe('securityhub.compliance');
    // Switching its standards on and fixing what they fail is configuration; what the score proves is compliance.
    expect(card('who enables the security hub standards across our accounts, aws or us')).toBe('securityhub.configuration');
    expect(card('turning on security hub standards and triaging what fails, whose job')).toBe('securityhub.configuration');
    expect(card('our ec2 images must meet the cis benchmark level 1, who hardens them')).toBe('ec2.configuration');
    // Servers of ours hardened to a benchmark are EC2's, as the labelled questions file them; the general card is offered.
    expect(cardAndOffers('cis benchmark hardening for our linux servers, aws or us')).toEqual({ card: 'ec2.configuration', offers: ['configuration'] });
  });

  it('takes a price word as context when the question asks whether a topic it names happens by itself', () => {
    expect(card('the invoicing data sits in dynamodb, are those tables encrypted by default')).toBe('dynamodb.encryption');
    expect(engine.answer('how many lambda functions can we run at once by default').kind).toBe('no_match');
  });

  it('answers a topic named outright and asked of AWS and of us by name, whatever context leans to nothing we answer', () => {
    expect(card('new analysts need security training before they get prod. is that something aws covers for customers or purely on us')).toBe('training');
    // Another system's question names neither side.
    expect(card('someone keeps buying office supplies on our amazon business account, how do i change who can order')).toBeNull();
  });

  it('reads "auto applied" as asking whether it happens by itself, and an engine update as patching', () => {
    expect(card('opensearch engine update waiting in the console, auto applied?')).toBe('opensearch.patching');
  });

  it('answers a question that asks which side does something about a service, however vague its other words', () => {
    expect(card('config recorder across all our regions, do we do that ourselves or is it there already')).toMatch(/^config/);
    expect(card('for inspector does amazon handle the scanning schedule or is it all on us')).toMatch(/^inspector/);
    // What AWS ought to have done, or whether it is "an aws thing", asks which side too.
    expect(card('an intern flipped the exports bucket to public yesterday lol, is that an aws thing')).toBe('s3.access');
  });

  it("answers the whole split asked of AWS in words no card uses, but not a question that only names AWS and 'us'", () => {
    expect(card("when our payroll app lives on amazon's servers, what do they guard and what stays with us?")).toBe('overview');
    // However familiar the other words are: "keep safe" is how backups are asked about too.
    expect(card('what does amazon keep safe for us and what do we keep safe ourselves')).toBe('overview');
    expect(card('is AWS Activate open to companies outside the US or only us ones')).toBeNull();
  });

  it('takes the model named in full as the question, whatever chatter surrounds it', () => {
    expect(card('sorry if this is basic, could you walk me through the shared responsibility model? my manager keeps bringing it up')).toBe('overview');
  });

  it("takes one side's whole part asked for as the whole split, whatever chatter surrounds it", () => {
    expect(card('what does aws actually take care of, honestly? leadership wants one slide')).toBe('overview');
  });

  it('takes the split asked as a line, or asked beside an exam or a price word, as the model', () => {
    expect(card("our treasurer says that if we're on amazon any breach is amazon's problem. how do i explain where the line really is?")).toBe('overview');
    expect(card('for the state exam memo, give me the short version of what aws secures vs what we secure, one paragraph for the board')).toBe('overview');
    expect(card('how is responsibility for security divided between amazon and the customer, a short version for the board')).toBe('overview');
  });

  it("answers a service's whole split asked in words the model cannot place with the service's card", () => {
    expect(card('jo from the bakery here. pete swears sqs is managed so nothing to worry about. what exactly are we still on the hook for with sqs?')).toBe(
      'sqs',
    );
  });

  it('answers the part of the model a question names beside the model itself', () => {
    expect(card('in the shared responsibility model, what separates an abstracted service from an infrastructure service')).toBe('categories');
  });

  it('takes the service named most often as the subject, and the model named beside a service as its whole split', () => {
    expect(card('moving off sqs onto sns next month, does sns encrypt messages at rest for us')).toBe('sns.encryption');
    expect(card('where does macie sit in the shared responsibility model')).toBe('macie');
  });

  it('picks which of two named services is asked about from the words around them, and offers the other', () => {
    const gateway = engine.answer('our api gateway stage invokes a lambda and nobody set up throttling or request validation, whose job is that');
    expect(gateway.match?.service).toBe('apigateway');
    expect(gateway.alternatives?.map((a) => a.service)).toContain('lambda');
    expect(card('the lambda reads items from a dynamodb table, who limits which partition keys it may read')).toBe('dynamodb.access');
  });

  it('takes a service only a keyword stands for as the subject when the words make it far likelier than the one named', () => {
    // 'subdomain takeover' is Route 53's; the bucket is only where the stale record points.
    expect(card('a stale dns record still aims at a bucket we removed, subdomain takeover risk, who tidies the records')).toBe('route53.configuration');
    // 'iam database authentication' is RDS's keyword, and Aurora has it too: the service named stays the subject.
    expect(card('aurora with iam database authentication, who manages the db users')).toBe('aurora.access');
  });

  it('takes the service in front of another as the subject, and offers the one behind it', () => {
    const fronted = engine.answer('we run waf in front of our alb and bad bots still get in, who tunes the rules');
    expect(fronted.match?.service).toBe('waf');
    expect(fronted.alternatives?.map((a) => a.service)).toContain('elb');
    expect(engine.answer('the bucket behind cloudfront must stay private, whose job is locking that down')?.match?.service).toBe('cloudfront');
  });

  it("offers the topic's card of the service a general answer's words lean to", () => {
    const keys = engine.answer('our users have no mfa and their passwords never expire, whose job');
    expect(keys.match && formatCardKey(keys.match)).toBe('access');
    expect(keys.alternatives?.map(formatCardKey)).toContain('iam.access');
  });

  it('reads the service a question describes without naming it, and offers the general card beside it', () => {
    const described = engine.answer('our private network in aws with its subnets and route tables, who isolates it from other tenants');
    expect(described.match && formatCardKey(described.match)).toBe('vpc.network');
    expect(described.alternatives?.map(formatCardKey)).toContain('network');
    // Words common to many services describe none of them.
    expect(card('who encrypts data at rest')).toBe('encryption');
    expect(card('who guards the data centers')).toBe('physical');
  });

  it("reads an id that is an everyday word ('config') as the service only in a message of a few words", () => {
    expect(card('config')).toBe('config');
    expect(card('config logging')).toBe('config.logging');
    expect(card('our app config has a db password in plain text, whose problem is that')).not.toMatch(/^config/);
  });

  it('reads how the split varies with the kind of service, services named only as examples, as the categories card', () => {
    expect(card('why is there so much more work for us to secure on ec2 than on lambda, is there a grouping behind it')).toBe('categories');
    expect(card('does encryption differ between s3 and ebs, who turns it on')).toMatch(/^(s3|ebs)\.encryption$/);
    // The share said as what is left to do, or as duties.
    expect(card('how come there is less left to do for us on lambda than on ecs')).toBe('categories');
    expect(card('how much does our bill change depending on the instance type')).toBeNull();
    // Two services compared on one duty beside the categories named: the duty is the example.
    expect(card('we rotate keys on ebs but nobody rotates anything on sqs, is that the service categories thing?')).toBe('categories');
  });

  it('reads a duty asked about with an adverb in the way as a side asked', () => {
    expect(card('s3 - do we ever need to patch anything for the invoice archive bucket')).toBe('s3.patching');
  });

  it('takes a service described in plain words as asked about only when no service is named', () => {
    const described = engine.answer('does the key store in aws rotate its keys by itself or must we');
    expect(described.match && formatCardKey(described.match)).toBe('kms.encryption');
    expect(described.alternatives?.map(formatCardKey)).toContain('encryption');
    // A name beats a description: the queue here is only how a Lambda function is fed.
    expect(engine.answer('our lambda reads from a work queue, who patches the runtime')?.match?.service).toBe('lambda');
    // A description alone does not make a question ours: the words around it must ask about security.
    expect(engine.answer('how do i set up a work queue in my laptop python script').match).toBeNull();
  });

  it("reads a resource's own noun as its service when none is named ('volumes', 'automated backups'), and another vendor's as not AWS", () => {
    expect(card('nobody snapshots the volumes behind our build agents, does aws keep a copy')).toBe('ebs.backup');
    expect(card('retention of automated backups is 1 day on the billing db, is that setting ours')).toBe('rds.backup');
    expect(card('our functions still run on a deprecated runtime, who upgrades it')).toBe('lambda.patching');
    expect(card('the reporting instance lost its disk, who replaces the hardware under it')).toBe('ec2.physical');
    // A log group is CloudWatch's, whatever is asked of it: how long it keeps what it holds is a question of data.
    expect(card('our log groups keep customer emails forever, whose call is the retention')).toBe('cloudwatch.data');
    expect(card('log groups encrypted with our own kms key, who sets that up')).toBe('cloudwatch.encryption');
    expect(card('our trail only covers one region, whose job is recording api calls in the others')).toBe('cloudtrail.logging');
    // …unless a longer description says what kind of instance it is.
    expect(card('is our mysql instance encrypted at rest by default, or is turning that on ours')).toBe('rds.encryption');
    expect(card('docker image registry in aws, what is ours to secure')).toMatch(/^ecr/);
    // The instance of another vendor's product is that vendor's, and a noun among words that say nothing of ours is
    // everyday speech.
    expect(engine.answer('who secures our salesforce instance').match).toBeNull();
    expect(engine.answer('the volume on the projector is stuck, who is responsible').match).toBeNull();
  });

  it('reads teaching people as the question, whatever they are taught about, but not machine learning training', () => {
    const taught = engine.answer('who is responsible for training our platform engineers to write tight iam policies');
    expect(taught.match && formatCardKey(taught.match)).toBe('iam.training');
    expect(taught.alternatives?.map(formatCardKey)).toContain('iam');
    expect(card('versioning on the bucket with our training data, do we turn it on or does aws keep copies')).toMatch(/^s3\.(backup|data)$/);
    expect(card('who teaches our analysts to keep the reporting bucket private, aws or us')).toBe('s3.training');
  });

  it('answers a numbered checklist asked about at once with the whole card', () => {
    expect(card('for our sqs queues: 1) encryption 2) who can send 3) the servers underneath. which are ours?')).toBe('sqs');
    expect(card('which of these are on us: 1. key rotation 2. the data centre guards 3. our passwords')).toBe('overview');
    // Two items are not a checklist, and a list that asks nobody is not asking for the split.
    expect(card('for our sqs queues: 1) encryption 2) who can send messages, which are ours?')).not.toBe('sqs');
  });

  it("answers the whole split of a service that stands for a topic with the service's card, one duty with the topic's", () => {
    expect(card('cloudtrail: which parts fall to us')).toBe('cloudtrail');
    expect(card('shield, amazon vs us?')).toBe('shield');
    expect(card('we are adopting guardduty next quarter, what does aws look after and what do we keep doing')).toBe('guardduty');
    // One duty, in words the model cannot place: the topic the service stands for.
    expect(card('kms, them or me?')).toBe('kms.encryption');
  });

  it('answers the whole split asked for beside a service with the service card, unless the question names the topic the model leans to', () => {
    const whole = engine.answer('who secures what in redshift? our auditor is new to the warehouse');
    expect(whole.match && formatCardKey(whole.match)).toBe('redshift');
    expect(whole.alternatives?.length).toBeGreaterThan(0);
    expect(card('who secures what in s3 encryption')).toBe('s3.encryption');
  });

  it('takes a service that records, scans or guards others as the subject when it is named first, and as its topic after another', () => {
    expect(card('cloudtrail writes its logs into an s3 bucket, who makes sure they are encrypted')).toBe('cloudtrail.encryption');
    expect(engine.answer('inspector relies on the ssm agent being on our instances, who installs it').match?.service).toBe('inspector');
    expect(card('secrets manager cloudtrail')).toBe('secretsmanager.logging');
  });

  it('reads a vulnerability in what we build and ship as the application card, not patching', () => {
    expect(card("a critical cve turned up in a library bundled into our lambda's deployment package, does aws patch that")).toBe('lambda.application');
  });

  it('reads application security written short or by its level as the application card', () => {
    expect(card("speaking generally, is app-level security ever amazon's part?")).toBe('application');
  });

  it('reads a secret kept in an environment variable as the application card, however plain its text', () => {
    expect(card('the orders service keeps its stripe api key as a plaintext environment variable in the ecs task definition, whose job to fix')).toBe(
      'ecs.application',
    );
  });

  it("asks which side when it asks whether a duty is still ours ('do we have to…'), whatever price word surrounds it", () => {
    expect(card('our billing exports land in a bucket, do we have to encrypt them')).toBe('s3.encryption');
    expect(engine.answer('when the payroll batch moves from ec2 to lambda do we stop having to patch anything').match).not.toBeNull();
  });

  it('asks about the service moved to, not the one left', () => {
    expect(card('if we migrate the nightly reports from ecs on ec2 to fargate, is patching still ours')).toBe('fargate.patching');
    // Logs shipped from one service to another move nothing of ours.
    expect(card('audit logs from aurora postgres are not shipping to cloudwatch, whose job to turn on db audit logging')).toMatch(/^aurora\./);
  });

  it('leads with the access card when the question asks who is allowed to do something', () => {
    expect(card('somebody repointed an A record in our route 53 zone overnight, who can change those records, aws or us')).toBe('route53.access');
    // Someone doing what they must not is who is allowed to.
    expect(card("who secures our shop's hosted zone in route 53? afraid an outsider could change the records")).toBe('route53.access');
    expect(card('afraid an outsider could repoint our route 53 records, whose job is that')).toBe('route53.access');
    expect(card('who keeps our route 53 records safe from being edited by staff who have no business there')).toBe('route53.access');
  });

  it('reads stored things gone public as who may read them, whatever the data in them is', () => {
    expect(card('the bucket holding patient invoices was left public over the weekend, whose slip is that')).toBe('s3.access');
    expect(card('an ebs snapshot went public last week, whose job was preventing it')).toBe('ebs.access');
    // Made public, the doing before the thing.
    expect(card('an analyst made the quarterly-exports bucket with salary data public for an afternoon, who should have stopped it')).toBe('s3.access');
    expect(card('the intern shared an ebs snapshot as public by mistake, who should have caught it')).toBe('ebs.access');
    // An endpoint that is public is the network's.
    expect(card('our eks api endpoint is public, who locks it down')).toBe('eks.network');
  });

  it('reads the topic a service stands for as context when the question names another topic of it', () => {
    // KMS stands for encryption: "encrypts" says what the key is for, "who controls which roles may use it" is asked.
    expect(card('our kms key encrypts the billing exports; who controls which roles may use it?')).toBe('kms.access');
  });

  it('keeps the service named first as the subject when a service that stands for a topic follows it', () => {
    expect(card('efs file systems encrypted automatically or must we create a kms key first')).toBe('efs.encryption');
  });

  it('offers the card of a service that stands for a topic beside the service asked about', () => {
    const answer = engine.answer('who turns on default encryption for an s3 bucket with our own kms key');
    expect(answer.match && formatCardKey(answer.match)).toBe('s3.encryption');
    expect(answer.alternatives?.map(formatCardKey)).toContain('kms.encryption');
  });

  it("offers the general card beside a service inferred from a phrase of its cards ('root user' is IAM's)", () => {
    const answer = engine.answer('root user has no mfa yet, is that ours to fix');
    expect(answer.match && formatCardKey(answer.match)).toBe('iam.access');
    expect(answer.alternatives?.map(formatCardKey)).toContain('access');
    // Asked in general, the general card answers and the inferred service's is offered.
    const general = engine.answer('root user without mfa, who fixes that in general');
    expect(general.match && formatCardKey(general.match)).toBe('access');
    expect(general.alternatives?.map(formatCardKey)).toContain('iam.access');
  });

  it("reads a feature only one service has as that service: alarms are CloudWatch's, access keys IAM's", () => {
    const alarms = engine.answer('the checkout latency crept up for an hour and no alarm went off, do we have to set those up');
    expect(alarms.match && formatCardKey(alarms.match)).toBe('cloudwatch.logging');
    expect(alarms.alternatives?.map(formatCardKey)).toContain('logging');
    const keys = engine.answer('a build bot still uses access keys made in 2018, who is meant to rotate them');
    expect(keys.match && formatCardKey(keys.match)).toBe('iam.access');
    expect(keys.alternatives?.map(formatCardKey)).toContain('access');
    // A topic asked of in general with a service as its example: the general card, the service's offered.
    const example = engine.answer('in general, who turns on encryption at rest, for example on our rds databases');
    expect(example.match && formatCardKey(example.match)).toBe('encryption');
    expect(example.alternatives?.map(formatCardKey)).toContain('rds.encryption');
    // Said to be generic, the general card answers.
    expect(card('generic question: mfa and access keys, always the customer?')).toBe('access');
    // Nobody paged when something failed: setting up alarms, CloudWatch's.
    expect(card('nobody got paged when the signup api started failing, is alerting something we set up')).toBe('cloudwatch.logging');
    // Told when something of ours is unwell, no service named: the alarms of the service that watches for it.
    const unwell = cardAndOffers("if the reporting server's memory fills up overnight, does aws wake somebody up or do we set that up");
    expect(unwell.card).toBe('cloudwatch.logging');
    expect(unwell.offers).toContain('logging');
    expect(card('who gets alerted when the reporting box runs out of disk space, is that something aws watches')).toBe('cloudwatch.logging');
    // An alarm of a building or a panel is not CloudWatch's.
    expect(card('who knows the burglar alarm code for the loading dock')).toBeNull();
  });

  it("reads a customer managed key as KMS's and the management account as Organizations' access", () => {
    expect(card('the cmk behind our exports has automatic rotation off, do we turn it on')).toBe('kms.encryption');
    expect(card('who locks down the management account of our aws organization')).toBe('organizations.access');
  });

  it("takes the parties alone ('aws or us') beside a service as asking which side of something, not for the whole card", () => {
    expect(card('who rotates our kms keys, aws or us')).toBe('kms.encryption');
    expect(card('where does macie sit in the shared responsibility model')).toBe('macie');
  });

  it("reads who's allowed, and only ours allowed, as access whatever is done", () => {
    expect(card("our bi team keeps exam results in redshift. who decides who's allowed to run queries on them")).toBe('redshift.access');
    expect(card('the sqs queue feeding payroll: who makes sure only our billing service can send to it')).toBe('sqs.access');
    expect(card('who decides which analysts can query the grades schema in redshift')).toBe('redshift.access');
    expect(card('who decides which data scientists may query the redshift cluster, us or aws?')).toBe('redshift.access');
    expect(card('we want to limit each franchise to their own rows in the redshift warehouse, is that setup ours')).toBe('redshift.access');
    // Even when the model would answer with the whole card: the shape is surer than the words around it.
    expect(card('who controls which analysts can run queries on the redshift cluster? aws or us')).toBe('redshift.access');
    expect(card("the sns topic that texts our drivers: who makes sure strangers can't publish to it")).toBe('sns.access');
    expect(card('sns topic for order alerts - who keeps randoms from subscribing to it')).toBe('sns.access');
    expect(card('a cve in the node libs packaged with our lambda, who fixes it')).toBe('lambda.application');
    expect(card('our ingest lambda pulls in an old requests version with a known cve, whose fix is that')).toBe('lambda.application');
    expect(card('the fargate task bundles an outdated openssl build with a cve, aws or us')).toBe('fargate.application');
    // A library's own app is no library we ship.
    expect(card('the library app runs on ecs with the ec2 launch type, who patches the container instances')).toBe('ecs.patching');
  });

  it('answers a part of the model whose meaning is asked, whatever topic its context names', () => {
    expect(card("what does 'abstracted services' mean? our pci assessor wrote it in the report")).toBe('categories');
    expect(card('what are inherited controls, the soc 2 auditor asked')).toBe('shared-controls');
    // Controls sorted into the model's kinds for an audit: the audit is context.
    expect(card('for the pci audit, which of our controls count as inherited from amazon?')).toBe('shared-controls');
    // A shared control said to be shared: what sharing it means, however much the rest says of the topic.
    expect(card('configuration management shows as shared in the matrix, but we configure our own stuff and they configure theirs?')).toBe('shared-controls');
    // Duties both AWS and we hold are the shared controls, however long the context; with a service and topic named, that card.
    expect(card('which duties do both aws and we own together? the policy doc needs the list')).toBe('shared-controls');
    expect(card('the trustees ask whether both amazon and us hold some duties, patching or training maybe, and how that split works for the risk log')).toBe(
      'shared-controls',
    );
    expect(card('for s3 encryption, do both aws and us have a part?')).toBe('s3.encryption');
  });

  it('explains the model when asked to, whatever the words around the request lean to', () => {
    const answer = engine.answer('what is the shared responsibility model? the induction wiki never says');
    expect(answer.match && formatCardKey(answer.match)).toBe('overview');
    expect(answer.alternatives).toEqual([]);
    expect(card('could somebody explain shared responsibility like im a trainee')).toBe('overview');
    // Who it is shared between says it is common speech.
    expect(card("what's the shared responsibility between design and qa for release notes")).toBeNull();
  });

  it('answers the belief that moving to AWS hands all of security over with the model, the topic named offered', () => {
    const answer = engine.answer('now that we are moving the crm to aws, does that mean amazon is responsible if customer data leaks?');
    expect(answer.match && formatCardKey(answer.match)).toBe('overview');
    expect(answer.alternatives?.map(formatCardKey)).toContain('data');
  });

  it('answers the model named in full whatever out-of-scope word surrounds it', () => {
    expect(card('security of the cloud vs security in the cloud, explained simply for the billing team')).toBe('overview');
  });

  it('asks about the service a permission is on, not the one whose members are allowed it', () => {
    expect(card('who decides which lambdas may decrypt the payroll token in secrets manager')).toBe('secretsmanager.access');
    expect(card('who chooses which lambda functions are allowed to write to the orders dynamodb table')).toBe('dynamodb.access');
    // Several kinds of member named before the permission.
    expect(card('who decides which ecs tasks and which analysts may query the claims tables in redshift')).toBe('redshift.access');
  });

  it('takes what becomes of something on a service as a question about its guarantee, not as chatter', () => {
    expect(card('if a drive fails under our ebs volume do the files survive, asking for the scanning team')).toMatch(/^ebs/);
  });

  it("answers where AWS's own evidence is kept (its audit reports) with the compliance card", () => {
    expect(card("where do we get amazon's soc 1 report to give the board")).toBe('compliance');
    // Standing on the provider's evidence as if it were ours asks the same split.
    expect(card('is it ok to point the examiner at the soc 2 report aws publishes')).toBe('compliance');
    expect(card("we plan to cite aws's soc 2 report to our customers, fine?")).toBe('compliance');
  });

  it("takes a choice among a security service's tiers as that service's split, and other products' as out of scope", () => {
    expect(card('shield advanced versus standard')).toMatch(/^shield/);
    expect(card('sqs standard vs fifo, which one for invoices')).toBeNull();
  });

  it("reads a secret in an env var as the application's, 'env' written short or not", () => {
    expect(card('the stripe token sits in a plaintext env var on our fargate task, ours to fix?')).toBe('fargate.application');
  });

  it("answers instance metadata settings (IMDSv1 left allowed) with EC2's configuration, role credentials read through it with access", () => {
    expect(card('imdsv1 is still permitted on our launch templates, is tightening that ours')).toBe('ec2.configuration');
    expect(card('our app on ec2 can reach 169.254.169.254 and read the role credentials, whose job')).toBe('ec2.access');
  });

  it("answers where data may sit across the accounts of an organization with Organizations' data card", () => {
    expect(card('we need every account in our org to keep its data inside canada, is that ours to enforce or aws')).toBe('organizations.data');
    // Another topic across all the accounts stays its own.
    expect(card('who is responsible for mfa on console logins across all our accts, aws or us')).not.toBe('organizations.access');
  });

  it("refuses a company's own premises and recordings, but answers footage kept in a service", () => {
    expect(engine.answer('how long must we hold on to the cctv footage from the depot').reason).toBe('out_of_scope');
    expect(engine.answer('who maintains the cctv in the exhibition hall').reason).toBe('out_of_scope');
    expect(card('our store camera footage is archived in s3 glacier, encrypted by default?')).toBe('glacier.encryption');
  });

  it("refuses another company's audit report, but answers AWS's", () => {
    expect(engine.answer('the payroll saas we use just emailed their soc 1 report, who on our side signs off on it').reason).toBe('out_of_scope');
    expect(card("the vendor questionnaire wants aws's soc 2 type ii report, where is it")).toBe('compliance');
  });

  it("refuses another vendor's product named with an AWS service's word, a size, a device's firmware and code to copy", () => {
    expect(card('cloudflare waf rule to stop credential stuffing on the login page')).toBeNull();
    expect(card('how many ec2 instances do we need to run for black friday traffic')).toBeNull();
    expect(card('the parking gate controllers need a firmware patch, whose job')).toBeNull();
    expect(card('terraform snippet for a private subnet with a nat gateway')).toBeNull();
    expect(card('anyone have a terraform module for an s3 bucket with versioning i can reuse?')).toBeNull();
    expect(card('helm values yaml example for the eks ingress controller')).toBeNull();
    // A template that says who must fix something is a finding.
    expect(card('our cloudformation template leaves the sqs queue unencrypted, is that on us')).toBe('sqs.encryption');
    // AWS's own storage firmware, with the service named, is AWS's patching.
    expect(card('who updates the firmware on the storage behind ebs volumes')).toBe('ebs.patching');
  });

  it('reads data gone when the hardware under it fails as durability, not the hardware', () => {
    expect(card('if the disk under our ebs volume fails is the ledger data just gone? whose problem')).toBe('ebs.availability');
  });

  it('reads isolation from other customers on shared hardware as physical, even with a kernel named', () => {
    expect(card('on fargate, does aws make sure our tasks never share a host kernel with another customer?')).toBe('fargate.physical');
  });

  it("answers a Config rule flagging another service's resource with Config when its own topic is asked", () => {
    const answer = engine.answer('aws config rule s3-bucket-versioning-enabled is non compliant on 5 buckets, who sets up remediation');
    expect(answer.match && formatCardKey(answer.match)).toBe('config.configuration');
    expect(answer.alternatives?.map(formatCardKey)).toContain('s3.configuration');
    // CloudWatch's alarms watch other services' metrics the same way.
    expect(card('no one got paged when the api gateway started returning 5xx, does aws alarm on that or do we set it up')).toBe('cloudwatch.logging');
    // Asked about a topic it has nothing written on, the evaluator is asked about its own: the drawn card offered.
    const drift = cardAndOffers('aws config keeps reporting that somebody widened a security group to the whole internet, whose job is acting on that');
    expect(drift.card).toBe('config.configuration');
    expect(drift.offers).toContain('config.network');
  });

  it('answers the topic of the thing a responsibility is said to be for, the context offered', () => {
    const scps = cardAndOffers(
      "we split workloads into one account per country for residency. who's responsible for the service control policies in organizations?",
    );
    expect(scps.card).toBe('organizations.access');
    expect(scps.offers).toContain('organizations.data');
    expect(card('the sqs queue drops messages after 4 days and we lost orders, who is responsible for the retention period')).toBe('sqs.data');
    // Code we run is the application's, even said to be responsible for its vulnerabilities.
    expect(card('is aws responsible for vulnerabilities in the application code we run on lambda')).toBe('lambda.application');
  });

  it('asks about the service whose role holds a permission, not the service the permission is on', () => {
    expect(card('our lambda execution role has full s3 access to all buckets, is narrowing that our job')).toBe('lambda.access');
    expect(card('the ecs task role has dynamodb:* on every table, who scopes that down, aws or us')).toBe('ecs.access');
  });

  it('answers rotating an encryption key with the service the key lives in, whatever the key protects', () => {
    const answer = cardAndOffers('the customer managed key protecting our rds snapshots, who rotates it, aws or us');
    expect(answer.card).toBe('kms.encryption');
    expect(answer.offers).toContain('rds.encryption');
    // A credential rotated is no encryption key.
    expect(card('who rotates the iam access keys our ci uses')).toBe('iam.access');
  });

  it('answers the one topic a question names over the whole card, and the hardware under a service whatever the model leans to', () => {
    const patch = cardAndOffers(
      'we are moving the whole loyalty platform onto dynamodb next quarter and my director wants to know: do we have to patch anything there or is it fully managed?',
    );
    expect(patch.card).toBe('dynamodb.patching');
    expect(patch.offers).toContain('dynamodb');
    expect(card('who keeps the hosts our fargate containers run on secure? we never see those')).toBe('fargate.physical');
    // Asked for the whole split, a topic named is only part of it.
    expect(card('KMS: shared responsibility summary please')).toBe('kms');
  });

  it('answers whether a service is switched on by itself with its configuration card, the whole card offered', () => {
    const answer = cardAndOffers('is inspector on by default');
    expect(answer.card).toBe('inspector.configuration');
    expect(answer.offers).toContain('inspector');
    expect(card('does shield turn itself on for our cloudfront distributions')).toBe('shield.configuration');
  });

  it("reads a pending maintenance action as RDS's patching", () => {
    expect(card('the console shows a pending maintenance action on our billing database, do we apply it or does aws')).toBe('rds.patching');
    expect(card('the console lists pending maintenance on the orders-db, engine minor version, aws applies it or we schedule it?')).toBe('rds.patching');
  });

  it('reads an EBS volume type as EBS', () => {
    expect(card('the build cache sits on gp3 on the runner boxes, does it survive a dead disk')).toBe('ebs.availability');
  });

  it('reads authn and authz as access', () => {
    expect(card('who owns authn and authz on our appsync graphql api, aws or us?')).toBe('appsync.access');
  });

  it('refuses a question with not one word of ours and no AWS in it, whatever it asks of whom', () => {
    expect(card('who secures the front gate at the Leeds depot after the break-in last weekend?')).toBeNull();
  });

  it("reads a PC as the office's, not AWS's", () => {
    expect(card('the reception pc keeps asking to install windows updates, can i postpone them')).toBeNull();
    // A colocation facility is the company's own, not AWS's.
    expect(card('who maintains the fire suppression at our colo in newark')).toBeNull();
  });

  it("keeps the 'we' of we're, we've and we'll, which folded whole would read as 'were'", () => {
    expect(normalizeSlackText("we're supposed to, we’ve had it").words).toEqual(['we', 'are', 'supposed', 'to', 'we', 'have', 'had', 'it']);
  });

  it("reads a possessive as its owner (aws's, cloudtrail's)", () => {
    expect(normalizeSlackText("aws's share vs cloudtrail’s logs").words).toEqual(['aws', 'share', 'vs', 'cloudtrail', 'logs']);
  });

  it("reads an edge location as CloudFront's, the general card offered", () => {
    const answer = engine.answer('an edge location near our biggest market went offline, does amazon move the traffic elsewhere');
    expect(answer.match?.service).toBe('cloudfront');
    expect(answer.alternatives?.some((key) => key.service === null)).toBe(true);
  });

  it('answers switching GuardDuty on, where and by default, with its configuration card; its findings with logging', () => {
    expect(card('enabling guardduty in each region')).toBe('guardduty.configuration');
    expect(card('guardduty should be enabled everywhere, us or aws')).toBe('guardduty.configuration');
    expect(card('guardduty findings land in the console and nobody reads them, whose job')).toBe('guardduty.logging');
  });

  it('asks about a service that watches others for what it does to them, not about the services it watches', () => {
    expect(card('does guardduty analyze the files in our s3 buckets, and who answers for that data')).toBe('guardduty.data');
    // The images it scans are what we ship: the application's.
    expect(card('does inspector scan the images in ecr and our lambdas, or only ec2')).toBe('inspector.application');
  });

  it('asks about what is attached to a service, even named by its keyword, not the service it hangs on', () => {
    expect(card('is logging on for the web acl attached to our api gateway, or do we switch it on')).toMatch(/^waf\./);
  });

  it('asks about the guardrail policies (SCPs) said first, not the services they are about', () => {
    expect(card('an scp so nobody can turn off aws config recording, whose job')).toMatch(/^organizations\./);
  });

  it('answers whether stored data outlives the hardware (durability) with the availability card, unless backups are named', () => {
    expect(card('could amazon ever lose the objects we keep in s3')).toBe('s3.availability');
    expect(card('the physical disk under our ebs volume dies, do we lose the ledger')).toBe('ebs.availability');
    // AWS replicating it is durability too, not a backup.
    expect(card('how durable is the efs share, is it replicated or could one bad disk wipe it')).toBe('efs.availability');
    // So is stored data kept from rotting over the years.
    expect(card("objects in our s3 bucket must not get corrupted for a decade, aws's guarantee or ours?")).toBe('s3.availability');
    expect(card("if we lose data because no one turned on backups, aws's fault?")).toBe('backup');
  });

  it('answers the hardware under a service (its hosts, disks, hypervisor) with the physical card, deleting our data with data', () => {
    expect(card("the actual host under our ec2 instance died overnight, amazon's problem?")).toBe('ec2.physical');
    expect(card('who looks after the machines that lambda functions run on')).toBe('lambda.physical');
    expect(card('who replaces the broken disks underneath rds')).toBe('rds.physical');
    expect(card('when we delete a dynamodb table is the data on disk wiped')).toBe('dynamodb.data');
    // Encrypting what sits on that hardware is encryption's.
    expect(card('does amazon encrypt the disks under our rds instance anyway or is that our flag')).toBe('rds.encryption');
  });

  it("answers a trail's log file integrity with CloudTrail's logging card", () => {
    expect(card('is turning on cloudtrail log file validation our job')).toBe('cloudtrail.logging');
  });

  it("takes 'is aws going to…' about a service as asking which side, so vague words get the service's card, not a refusal", () => {
    const answer = engine.answer('security hub shows a poor percentage and many failed items, is amazon going to take care of them');
    expect(answer.match?.service).toBe('securityhub');
  });

  it("answers a service that stands for a topic with that topic's card when vague words lean to it, the whole card offered", () => {
    // (Rotation said outright is read as a topic now, not as vague words: "our kms keys never get rotated".)
    const answer = engine.answer('our kms keys, them or us?');
    expect(answer.match && formatCardKey(answer.match)).toBe('kms.encryption');
    expect(answer.alternatives?.map(formatCardKey)).toContain('kms');
    // Asked for its whole split, it keeps the whole card.
    expect(card('who secures aws organizations itself')).toBe('organizations');
  });

  it("refuses the analogy's words about a real home, and answers them as a comparison", () => {
    expect(card('our landlord raised the rent on the apartment again, who pays for repairs')).toBeNull();
    expect(card('is security in aws like renting an apartment from a landlord')).toBe('overview');
    expect(card('explain the landlord and tenant analogy')).toBe('overview');
  });

  it('answers who is responsible for data about prices or salaries in a named service, and still refuses prices', () => {
    expect(card('our payroll exports with salary data sit in an s3 bucket, who decides which staff can read them')?.startsWith('s3.')).toBe(true);
    expect(card('how much does an s3 bucket cost per month, who pays for it')).toBeNull();
  });

  it('takes "the customer" and "on by default" as sides of the split, so a message with them is not refused as sideless', () => {
    expect(card('is aws config a thing for the customer side of the model')).toMatch(/^config/);
    expect(card('macie not running in eu-west-1, is it on by default or customer setup')).toMatch(/^macie/);
  });

  it('refuses a long message that names no side, topic or concept, whatever service it mentions', () => {
    expect(card('helm chart values file example for an eks ingress controller')).toBeNull();
    expect(card('lambda cold start times are terrible after the last deploy')).toBeNull();
    expect(card('is s3 default encryption applied to objects uploaded years ago')).toBe('s3.encryption');
  });

  it("reads a service's keyword, or a phrase it does not answer, that begins with the last word of the service's name", () => {
    // 'kms' + 'key policy' (KMS's access keyword), not 'kms key' and a stray 'policy': access is answered or offered.
    const policy = engine.answer('kms key policy lets the whole account decrypt, is that fine');
    expect(policy.match?.service).toBe('kms');
    expect([policy.match, ...(policy.alternatives ?? [])].map((m) => m && formatCardKey(m))).toContain('kms.access');
    // 'aws config' + 'config recorder': the provider alone is left, and the keyword names AWS Config.
    expect(card('aws config recorder, who switches it on')).toBe('config.configuration');
    // 'ec2 instance' + 'instance type': sizing.
    expect(engine.answer('which ec2 instance type should our wiki use').reason).toBe('out_of_scope');
  });

  it("refuses the company's own premises and devices unless AWS or a service is in the question", () => {
    expect(card('who patches the file server in our office')).toBeNull();
    expect(card('my laptop needs a security update, who does it')).toBeNull();
    expect(card('we moved from on prem to ec2 last year, who patches the os now')).toBe('ec2.patching');
    // A service only guessed from the words (an expiring certificate reads like ACM) does not bring AWS into it.
    expect(card('the ssl cert on our on prem mail server expired, who renews it')).toBeNull();
    // A managed service provider, its contract and its service credits are the provider's and procurement's.
    expect(card('our msp wants a longer patch window in the contract, who signs off')).toBeNull();
    expect(card('can we claim a service credit from the hosting partner for last week, who files it')).toBeNull();
    // So are a hospital's medical devices and a lab's instruments.
    expect(card('infusion pumps firmware cve who patches')).toBeNull();
    expect(card('our mri scanner still has the default service password, who should change it')).toBeNull();
    // So are the premises' kiosks, tapes and lab freezers, however much their words sound like ours.
    expect(card('the lobby kiosks keep rebooting after the update, who looks at them')).toBeNull();
    expect(card('who changes the backup tapes on friday')).toBeNull();
    expect(card('the freezer alarm in the lab went off at 2am, whose job to respond')).toBeNull();
    // A storage box in the office is the office's; moving it to AWS names a service.
    expect(card('the synology box in the office got ransomware, who restores it')).toBeNull();
    expect(card("we're moving the files off our nas onto efs, who encrypts them there")).toBe('efs.encryption');
    expect(card('the alarm company called about the warehouse door at 3am, who deals with them')).toBeNull();
    // Plant-floor controllers and other vendors' firewalls are theirs.
    expect(card('the plcs on the packaging line need a firmware update, us or the vendor')).toBeNull();
    expect(card('who changes the rule on our fortigate for the new historian server')).toBeNull();
  });

  it("refuses another vendor's product unless AWS or a service is in the question", () => {
    expect(card('who approves new okta groups for the finance team')).toBeNull();
    expect(card('the crowdstrike console shows two hosts offline, who restores the sensors')).toBeNull();
    expect(card('github 2fa is off for half the org, who turns it on')).toBeNull();
    expect(card('the https certificate on our squarespace store lapsed, who renews it')).toBeNull();
    expect(card('guardduty findings should page us in pagerduty, is wiring that ours?')).toMatch(/^guardduty\./);
    // AWS named inside a phrase of the model ("aws or us") is named all the same.
    expect(card('someone pasted our access key into a public github gist, is that aws or us')).not.toBeNull();
    // "Cloud" beside another vendor's product is that vendor's cloud.
    expect(card('the all-hands videos sit in zoom cloud storage, retention policy?')).toBeNull();
    expect(card('we moved the office file share onto aws, who patches the servers now')).not.toBeNull();
    expect(card('our on prem file server had nightly tapes, now that it moved to the cloud who takes the backups')).toBe('backup');
  });

  it('reads the former setup told beside a question about AWS as context, not as another vendor asked about', () => {
    expect(card('who owns firewalls once we are in aws? previously the fortigate team did it')).toBe('network');
    expect(card('we are migrating the billing system off our colo racks into aws. how does responsibility split in aws overall')).toBe('overview');
    // Asked about the old thing itself, it stays someone else's.
    expect(card('who patches the netscaler in the server closet')).toBeNull();
  });

  it('refuses a pasted error line that asks nobody which side does something', () => {
    expect(card("ERROR 2003 (HY000): Can't connect to MySQL server on 'db.internal'")).toBeNull();
    expect(card('Traceback: botocore.exceptions.ClientError: An error occurred (AccessDeniedException) when calling the Decrypt operation')).toBeNull();
    expect(card('KMS Decrypt fails with AccessDeniedException, is fixing the key policy on us or aws?')).toMatch(/^kms\./);
    // An alarm notification pasted as it arrived asks nothing.
    expect(card('ALARM: "orders-queue-depth-high" in EU (Ireland)')).toBeNull();
  });

  it('refuses careers and pay, and reads NACLs as the VPC network card with the general one offered', () => {
    expect(card('how much do cloud security engineers earn, salary wise')).toBeNull();
    expect(card('is the solutions architect pro worth it for a junior')).toBeNull();
    // A job's role is no IAM role.
    expect(card('could you post the job description for the cloud security engineer role in #hiring')).toBeNull();
    // Content written to order is a request, not a question of who secures what.
    expect(card('could you write me a cloudformation template for a private bucket')).toBeNull();
    // Another system's forgotten password is someone else's; a forgotten setting of ours asked about outright is ours.
    expect(card('forgot badgeportal password')).toBeNull();
    expect(card('we forgot to turn on default encryption for the s3 bucket, whose fault is that')).toBe('s3.encryption');
    // Exam logistics and deadlines are someone else's, unless a part of the model or a side is asked about.
    expect(card('is the security specialty exam available at a test centre near me this month')).toBeNull();
    expect(card('revising for my exam: what counts as an abstracted service')).toBe('categories');
    // Steps for reading the model are the model's, not a how-to about some tool.
    expect(card('how do i tell whether a service is a container service or an abstracted one, and what changes for us?')).toBe('categories');
    expect(card('the compliance report deadline is friday, who must patch our ec2 boxes before it')).toBe('ec2.patching');
    // Asked of our side in so many words, a price word is what the data is about.
    expect(card('our cost report bucket is public, ours to fix?')).toMatch(/^s3\./);
    // "security" and "certification" are our words, but nobody is asked which side does anything.
    expect(card('is the aws security specialty certification worth it for my career path and how long to prep')).toBeNull();
    const nacl = engine.answer('nacls on our subnets allow everything, whose job');
    expect(nacl.match && formatCardKey(nacl.match)).toBe('vpc.network');
    expect(nacl.alternatives?.map(formatCardKey)).toContain('network');
  });

  it('lets a phrase of several words that names the topic outweigh single words beside a service', () => {
    expect(card("ecs: who deals with what's inside the container images we ship")).toBe('ecs.application');
  });

  it('does not glue scaffolding into a name ("am i" is not "ami")', () => {
    expect(card('what am i responsible for with amazon inspector')).toMatch(/^inspector/);
  });
});

describe('follow-ups in a conversation', () => {
  const answerAfter = (previous: string, text: string) => {
    const answer = engine.answer(text, { previous: parseCardKey(previous)! });
    return { key: answer.match ? formatCardKey(answer.match) : null, followUp: answer.followUp };
  };

  it('keeps the topic when only the service changes, and the service when only the topic does', () => {
    expect(answerAfter('rds.patching', 'and for aurora?')).toEqual({ key: 'aurora.patching', followUp: 'narrowed' });
    expect(answerAfter('s3.encryption', 'what about backups?')).toEqual({ key: 's3.backup', followUp: 'narrowed' });
  });

  it('answers a full new question as itself', () => {
    expect(answerAfter('rds.patching', 'who encrypts dynamodb tables')).toEqual({ key: 'dynamodb.encryption', followUp: undefined });
  });

  it('reads "why?" and "more" as a request for the last card\'s details', () => {
    expect(answerAfter('s3.access', 'why?')).toEqual({ key: 's3.access', followUp: 'details' });
    expect(answerAfter('s3.access', 'tell me more')).toEqual({ key: 's3.access', followUp: 'details' });
    expect(engine.answer('why?').followUp).toBeUndefined();
  });
});

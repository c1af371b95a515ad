import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CONCEPT_IDS, KnowledgeError, SERVICE_IDS, TOPIC_IDS, loadKnowledge, openKnowledge, writeKnowledgeSnapshot } from '../src/knowledge/index.js';
import { runKbCheck } from '../src/cli/kbCheck.js';

const link = { title: 'Shared responsibility model', url: 'https://aws.amazon.com/compliance/shared-responsibility-model/' };
const specificLink = { title: 'S3 user guide, encryption', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingEncryption.html' };
const verified_on = '2026-12-01';
const body = () => ({
  aws: ['Runs the infrastructure'],
  customer: ['Configure what they deploy'],
  practices: [{ text: 'Turn it on', control: 'S3.8' }],
  mistakes: ['Leaving it off'],
  check: { label: 'Look at it', command: 'aws s3api get-bucket-encryption --bucket my-bucket' },
  links: [link],
});

/** A complete, minimal, valid knowledge base: each test breaks one thing in it. */
function minimalKnowledge() {
  return {
    services: Object.fromEntries(
      SERVICE_IDS.map((id) => [
        id,
        {
          id,
          name: `Service ${id}`,
          aliases: [`${id} alias`],
          category: 'abstracted',
          summary: 'Split summary',
          aws: ['AWS part'],
          customer: ['Customer part'],
          links: [link],
          examples: [`who secures ${id}`, `${id} split`, `what do we own on ${id}`],
          verified_on,
          topics: {
            encryption: {
              summary: 'Topic summary',
              ...body(),
              links: [specificLink],
              verified_on,
              examples: [`${id} encryption at rest`, `is ${id} encrypted`, `${id} keys`],
            },
          },
        },
      ]),
    ) as Record<string, Record<string, unknown>>,
    topics: Object.fromEntries(
      TOPIC_IDS.map((id) => [
        id,
        {
          id,
          title: id,
          aliases: [`${id} words`],
          summary: 'Summary',
          by_category: { infrastructure: 'a', container: 'b', abstracted: 'c' },
          ...body(),
          examples: [`general ${id} one`, `general ${id} two`, `general ${id} three`],
          verified_on,
        },
      ]),
    ) as Record<string, Record<string, unknown>>,
    concepts: Object.fromEntries(
      CONCEPT_IDS.map((id) => [
        id,
        {
          id,
          title: id,
          aliases: [`${id} phrase`],
          strength: 'strong',
          summary: 'Summary',
          sections: [{ title: 'Part', points: ['Point'] }],
          links: [link],
          examples: [`concept ${id} one`, `concept ${id} two`, `concept ${id} three`],
          verified_on,
        },
      ]),
    ) as Record<string, Record<string, unknown>>,
    vocabulary: {
      neutral: ['who'],
      model_words: ['responsible'],
      out_of_scope: ['pricing'],
      lookalikes: ['my vpn password expired', 'lunch today', 'azure backups'],
    },
    catalogue: {
      services: [
        { name: 'Amazon Cognito', aliases: ['cognito'] },
        { name: 'Amazon S3', card: 's3', aliases: ['s3 storage'] },
      ],
    },
    tips: {
      tips: [{ id: 'tip-one', service: 's3', topic: 'encryption', title: 'T', do: 'Do', why: 'Why', check: { label: 'L', console: 'S3 console' }, link }],
    },
    quiz: { questions: [{ id: 'q-one', question: 'Who?', choices: ['AWS', 'You'], answer: 1, why: 'Because', card: 's3.encryption' }] },
    findings: {
      verified_on,
      sources: [link],
      prefixes: { S3: 's3' },
      controls: { 'S3.8': 'S3 general purpose buckets should block public access' } as Record<string, string>,
      guardduty: [{ type: 'Policy:S3/BucketBlockPublicAccessDisabled', card: 's3.encryption', first_step: 'Turn Block Public Access back on' }],
    },
  };
}

type Knowledge = ReturnType<typeof minimalKnowledge>;
const dirs: string[] = [];

function write(k: Knowledge, raw: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'srm-kb-'));
  dirs.push(dir);
  for (const folder of ['services', 'topics', 'concepts'] as const) {
    mkdirSync(join(dir, folder));
    for (const [id, value] of Object.entries(k[folder])) writeFileSync(join(dir, folder, `${id}.yml`), stringify(value));
  }
  writeFileSync(join(dir, 'vocabulary.yml'), stringify(k.vocabulary));
  writeFileSync(join(dir, 'tips.yml'), stringify(k.tips));
  writeFileSync(join(dir, 'quiz.yml'), stringify(k.quiz));
  writeFileSync(join(dir, 'catalogue.yml'), stringify(k.catalogue));
  writeFileSync(join(dir, 'findings.yml'), stringify(k.findings));
  for (const [file, text] of Object.entries(raw)) writeFileSync(join(dir, file), text);
  return dir;
}

function problemsOf(dir: string): string {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error.message;
    throw error;
  }
  return '';
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('knowledge loader', () => {
  it('loads a complete base', () => {
    const kb = loadKnowledge(write(minimalKnowledge()));
    expect(kb.services.size).toBe(SERVICE_IDS.length);
    expect(kb.topics.size).toBe(TOPIC_IDS.length);
    expect(kb.concepts.size).toBe(CONCEPT_IDS.length);
  });

  it('names file, entry and field of a missing customer side', () => {
    const k = minimalKnowledge();
    delete (k.services.s3!.topics as Record<string, Record<string, unknown>>).encryption!.customer;
    expect(problemsOf(write(k))).toMatch(/services\/s3\.yml: s3 › topics\.encryption\.customer: /);
  });

  it('rejects an unknown service id', () => {
    const k = minimalKnowledge();
    k.services.s3!.id = 's4';
    expect(problemsOf(write(k))).toMatch(/services\/s3\.yml: s4 › id: /);
  });

  it('rejects a file whose id does not match its name', () => {
    const k = minimalKnowledge();
    k.services.s3!.id = 'ec2';
    expect(problemsOf(write(k))).toMatch(/services\/s3\.yml: ec2 › id: must match the file name \(s3\)/);
  });

  it('reports a service of the taxonomy that has no file', () => {
    const k = minimalKnowledge();
    delete k.services.kms;
    expect(problemsOf(write(k))).toMatch(/kms\.yml: kms: missing service/);
  });

  it('rejects an alias that names two cards', () => {
    const k = minimalKnowledge();
    k.services.ec2!.aliases = ['s3 alias'];
    expect(problemsOf(write(k))).toMatch(/duplicate alias "s3 alias": already names (ec2|s3)/);
  });

  it('rejects shorthand that is already a phrase of a card, and shorthand of more than one word', () => {
    const k = minimalKnowledge();
    (k.vocabulary as Record<string, unknown>).abbreviations = { pricing: 'price list' };
    expect(problemsOf(write(k))).toMatch(/abbreviations\.pricing: "pricing" already names out_of_scope/);
    (k.vocabulary as Record<string, unknown>).abbreviations = { 'two words': 'x' };
    expect(problemsOf(write(k))).toMatch(/abbreviations\.two words: Invalid key/);
  });

  it("rejects a topic's alias that names a service within it", () => {
    const k = minimalKnowledge();
    (k.topics.backup as Record<string, unknown>).aliases = ['nightly s3 alias copies'];
    expect(problemsOf(write(k))).toMatch(/backup › aliases\.0: "nightly s3 alias copies" names s3: make it a keyword of s3's card instead/);
  });

  it("accepts another topic's alias as what a phrase means about a service, and nothing else", () => {
    const k = minimalKnowledge();
    const encryption = (k.services.s3!.topics as Record<string, Record<string, unknown>>).encryption!;
    encryption.means_here = ['backup words'];
    expect(() => openKnowledge(write(k))).not.toThrow();
    encryption.means_here = ['encryption words', 'never said anywhere'];
    const problems = problemsOf(write(k));
    expect(problems).toMatch(/topics\.encryption\.means_here\.0: "encryption words" is no other topic's alias/);
    expect(problems).toMatch(/topics\.encryption\.means_here\.1: "never said anywhere" is no other topic's alias/);
    encryption.means_here = ['backup words'];
    (k.services.s3!.topics as Record<string, Record<string, unknown>>).access = {
      ...encryption,
      means_here: ['backup words'],
      examples: ['s3 access one', 's3 access two', 's3 access three'],
    };
    expect(problemsOf(write(k))).toMatch(/topics\.access\.means_here\.0: "backup words" already means encryption here/);
  });

  it("rejects a plain description of a service that is already another card's alias", () => {
    const k = minimalKnowledge();
    (k.services.ec2 as Record<string, unknown>).described_as = ['s3 alias'];
    expect(problemsOf(write(k))).toMatch(/duplicate alias "s3 alias": already names (ec2|s3)/);
  });

  it('requires example questions on every card and lets no two cards claim the same one', () => {
    const k = minimalKnowledge();
    delete (k.services.s3!.topics as Record<string, Record<string, unknown>>).encryption!.examples;
    k.topics.backup!.examples = ['general backup one', 'general backup two', 'Who secures EC2?'];
    const problems = problemsOf(write(k));
    expect(problems).toMatch(/services\/s3\.yml: s3\.encryption › topics\.encryption\.examples: needs example questions/);
    expect(problems).toMatch(/example "(Who secures EC2\?|who secures ec2)" is already claimed by (ec2|backup)/);
  });

  it('wants the customer side written as instructions, not in the third person', () => {
    const k = minimalKnowledge();
    (k.services.s3!.topics as Record<string, Record<string, unknown>>).encryption!.customer = ['Chooses the key', 'Turn on versioning'];
    const problems = problemsOf(write(k));
    expect(problems).toMatch(/s3\.encryption › topics\.encryption\.customer\.0: "Chooses …" reads in the third person/);
    expect(problems).not.toMatch(/customer\.1/);
  });

  it('wants every card dated, and nine in ten service topic cards to cite a page about the service itself', () => {
    const k = minimalKnowledge();
    delete (k.services.s3!.topics as Record<string, Record<string, unknown>>).encryption!.verified_on;
    delete k.concepts.overview!.verified_on;
    const undated = problemsOf(write(k));
    expect(undated).toMatch(/services\/s3\.yml: s3\.encryption › topics\.encryption\.verified_on: needs verified_on/);
    expect(undated).toMatch(/concepts\/overview\.yml: overview › verified_on: needs verified_on/);
    const generic = minimalKnowledge();
    // One card per service here: just over a tenth of them citing only generic pages is one too many.
    const tooMany = Math.floor(SERVICE_IDS.length / 10) + 1;
    for (const id of SERVICE_IDS.slice(0, tooMany)) (generic.services[id]!.topics as Record<string, Record<string, unknown>>).encryption!.links = [link];
    expect(problemsOf(write(generic))).toMatch(new RegExp(`${tooMany} of \\d+ service topic cards cite only generic pages`));
    const fewGeneric = minimalKnowledge();
    (fewGeneric.services.s3!.topics as Record<string, Record<string, unknown>>).encryption!.links = [link];
    expect(problemsOf(write(fewGeneric))).toBe('');
  });

  it('wants every container service\'s card to say what "container" means, from the categories concept', () => {
    const k = minimalKnowledge();
    k.services.rds!.category = 'container';
    expect(problemsOf(write(k))).toMatch(
      /services\/rds\.yml: rds › category: a container service's card says what "container" means: concepts\/categories\.yml needs category_notes\.container/,
    );
    k.concepts.categories!.category_notes = { container: { note: 'A managed platform, not Docker.', short: 'not Docker' } };
    expect(problemsOf(write(k))).toBe('');
  });

  it('rejects a dangling related link', () => {
    const k = minimalKnowledge();
    k.topics.encryption!.related = ['kms.keys'];
    expect(problemsOf(write(k))).toMatch(/topics\/encryption\.yml: encryption › related: dangling related link "kms\.keys"/);
  });

  it('reads labelled questions from the questions folder: each names a card or none, and none is asked twice or already an example', () => {
    const k = minimalKnowledge();
    const exampleOfACard = (k.services.s3!.topics as Record<string, { examples: string[] }>).encryption!.examples[0]!;
    const questions = stringify({
      questions: [
        { q: 'the bucket with the payroll exports, is it encrypted or is that on us', card: 's3.encryption' },
        { q: 'what time does the canteen open', card: 'none' },
        { q: 'who patches the thing', card: 'nothing.here' },
        { q: 'The bucket with the payroll exports: is it encrypted, or is that on us?', card: 's3' },
        { q: exampleOfACard, card: 's3' },
      ],
    });
    const dir = write(k);
    mkdirSync(join(dir, 'questions'));
    writeFileSync(join(dir, 'questions', 'writer-01.yml'), questions);
    const problems = problemsOf(dir);
    expect(problems).toMatch(/questions\/writer-01\.yml: who patches the thing › questions\.2\.card: (dangling related link "nothing\.here"|must be)/);
    expect(problems).toMatch(/questions\.3\.q: already asked for s3\.encryption/);
    expect(problems).toMatch(/questions\.4\.q: already asked for s3\.encryption/);
    expect(problems).not.toMatch(/questions\.[01]\./);

    writeFileSync(join(dir, 'questions', 'writer-01.yml'), stringify({ questions: [{ q: 'what time does the canteen open', card: 'none' }] }));
    expect(loadKnowledge(dir).questions).toEqual([{ q: 'what time does the canteen open', card: 'none' }]);
  });

  it('rejects a quiz question pointing at no card and an answer out of range', () => {
    const k = minimalKnowledge();
    k.quiz.questions[0]!.card = 'nothing';
    expect(problemsOf(write(k))).toMatch(/quiz\.yml: q-one › questions\.0\.card: dangling related link "nothing"/);
    expect(problemsOf(write({ ...minimalKnowledge(), quiz: { questions: [{ ...minimalKnowledge().quiz.questions[0]!, answer: 5 }] } }))).toMatch(
      /questions\.0\.answer: answer must be the index/,
    );
  });

  it('rejects non-AWS links, bad control ids and a check with nothing to run', () => {
    const k = minimalKnowledge();
    const entry = (k.services.s3!.topics as Record<string, Record<string, unknown>>).encryption!;
    entry.links = [{ title: 'Blog', url: 'http://example.com/post' }];
    entry.practices = [{ text: 'x', control: 'not a control' }];
    entry.check = { label: 'nothing' };
    const problems = problemsOf(write(k));
    expect(problems).toMatch(/links\.0\.url: must be an https link to an official AWS page/);
    expect(problems).toMatch(/practices\.0\.control: must look like a Security Hub control id/);
    expect(problems).toMatch(/check: needs a command \(AWS CLI\) or a console path/);
  });

  it('wants a title for every cited control and GuardDuty findings that land on a service topic card', () => {
    const k = minimalKnowledge();
    k.findings.controls = {};
    k.findings.guardduty = [
      { type: 'Policy:S3/BucketBlockPublicAccessDisabled', card: 'encryption', first_step: 'Turns it back on' },
      { type: 'policy:s3/bucketblockpublicaccessdisabled', card: 's3.nothing', first_step: 'Look' },
    ];
    const problems = problemsOf(write(k));
    expect(problems).toMatch(
      /findings\.yml: S3\.8 › controls: cited by acm\.encryption, [a-z0-9]+\.encryption, [a-z0-9]+\.encryption and \d+ more but has no title here/,
    );
    expect(problems).toMatch(/guardduty\.0\.card: must name a service topic card/);
    expect(problems).toMatch(/guardduty\.0\.first_step\.0: "Turns …" reads in the third person/);
    expect(problems).toMatch(/guardduty\.1\.type: duplicate finding type/);
    expect(problems).toMatch(/guardduty\.1\.card: dangling related link "s3\.nothing"/);
    k.findings.guardduty = [{ type: 'not a finding type', card: 's3.encryption', first_step: 'Look' }];
    expect(problemsOf(write(k))).toMatch(/guardduty\.0\.type: must look like a GuardDuty finding type/);
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf(write(minimalKnowledge(), { 'services/s3.yml': 'id: s3\nname: [unclosed\n' }));
    expect(problems).toMatch(/services\/s3\.yml: YAML syntax at line \d+/);
  });

  it('rejects duplicate keys and duplicate tip ids', () => {
    const k = minimalKnowledge();
    k.tips.tips.push({ ...k.tips.tips[0]! });
    const problems = problemsOf(write(k, { 'concepts/overview.yml': 'id: overview\nid: overview\n' }));
    expect(problems).toMatch(/tips\.yml: tip-one › tips\.1\.id: duplicate tip id/);
    expect(problems).toMatch(/concepts\/overview\.yml: YAML syntax/);
  });

  it('srm kb check exits 1 and prints the problems on stderr, 0 with a summary when valid', () => {
    const chunks = { out: '', err: '' };
    const out = {
      write: (s: string) => {
        chunks.out += s;
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    const err = {
      write: (s: string) => {
        chunks.err += s;
        return true;
      },
    } as unknown as NodeJS.WritableStream;
    expect(runKbCheck(write(minimalKnowledge()), out, err)).toBe(0);
    expect(chunks.out).toContain(`knowledge OK: ${SERVICE_IDS.length} services`);
    const k = minimalKnowledge();
    delete k.topics.backup;
    expect(runKbCheck(write(k), out, err)).toBe(1);
    expect(chunks.err).toMatch(/backup\.yml: backup: missing topic/);
  });

  it('the shipped knowledge base is valid', () => {
    expect(() => loadKnowledge()).not.toThrow();
  });

  it('starts from the build snapshot only while the files are unchanged, and validates them again once edited', () => {
    const dir = write(minimalKnowledge());
    mkdirSync(join(dir, 'questions'));
    writeFileSync(join(dir, 'questions', 'writer-01.yml'), stringify({ questions: [{ q: 'who encrypts the exports bucket', card: 's3.encryption' }] }));
    const snapshot = join(dir, 'snapshot.json');
    writeKnowledgeSnapshot(dir, snapshot);
    expect(openKnowledge(dir, snapshot).services.get('s3')?.name).toBe('Service s3');
    // The topic cards, the tips, the quiz and the labelled questions are read from beside the snapshot on first use,
    // as they were validated.
    const opened = openKnowledge(dir, snapshot);
    const loaded = loadKnowledge(dir);
    expect(opened.services.get('s3')?.topics).toEqual(loaded.services.get('s3')?.topics);
    expect([opened.tips, opened.quiz, opened.questions]).toEqual([loaded.tips, loaded.quiz, loaded.questions]);
    expect(opened.questions).toHaveLength(1);

    // A stale snapshot that disagrees with the files must not win: doctor it and change a file.
    const doctored = JSON.parse(readFileSync(snapshot, 'utf8')) as { services: { id: string; name: string }[] };
    doctored.services.find((s) => s.id === 's3')!.name = 'From the snapshot';
    writeFileSync(snapshot, JSON.stringify(doctored));
    expect(openKnowledge(dir, snapshot).services.get('s3')?.name).toBe('From the snapshot');
    // A file touched but unchanged still matches the snapshot's hash.
    const s3File = join(dir, 'services', 's3.yml');
    utimesSync(s3File, new Date(), new Date(Date.now() + 60_000));
    expect(openKnowledge(dir, snapshot).services.get('s3')?.name).toBe('From the snapshot');
    // An edit of the same size is read again all the same.
    writeFileSync(s3File, readFileSync(s3File, 'utf8').replace('Service s3', 'Servicf s3'));
    expect(openKnowledge(dir, snapshot).services.get('s3')?.name).toBe('Servicf s3');
    writeFileSync(s3File, readFileSync(s3File, 'utf8').replace('Servicf s3', 'Edited s3'));
    expect(openKnowledge(dir, snapshot).services.get('s3')?.name).toBe('Edited s3');

    writeFileSync(join(dir, 'services', 's3.yml'), 'id: s3\n');
    expect(() => openKnowledge(dir, snapshot)).toThrow(KnowledgeError);
  });

  it('refuses to write a snapshot of invalid knowledge', () => {
    const k = minimalKnowledge();
    delete k.concepts.overview;
    const dir = write(k);
    expect(() => writeKnowledgeSnapshot(dir, join(dir, 'snapshot.json'))).toThrow(KnowledgeError);
    expect(existsSync(join(dir, 'snapshot.json'))).toBe(false);
  });
});

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import { isThirdPersonVerb } from '../text/english.js';
import { foldPhrase } from '../text/phrase.js';
import {
  CONCEPT_IDS,
  SERVICE_IDS,
  TOPIC_IDS,
  schemas,
  type Alias,
  type Concept,
  type ConceptId,
  type LabelledQuestion,
  type Service,
  type ServiceId,
  type Topic,
  type TopicId,
} from './schema.js';
import { defaultKnowledgeDir } from './paths.js';
import { KnowledgeError, type KnowledgeProblem } from './errors.js';
import { aliasPhrase, cardExists, categoryNote, controlCitations } from './lookup.js';
import type { KnowledgeBase } from './knowledgeBase.js';
import { formatCardKey, isConceptId } from './cardKey.js';

/** Pages that back the model as a whole, not a service's facts: the SRM page, the controls index, the whitepapers on it. */
const GENERIC_SOURCES = [
  /^https:\/\/aws\.amazon\.com\/compliance\/shared-responsibility-model\/?$/,
  /\/securityhub-controls-reference\.html$/,
  /AWS_Security_Best_Practices\.pdf$/,
  /\/aws-risk-and-compliance\/shared-responsibility-model\.html$/,
];
const isGenericSource = (url: string): boolean => GENERIC_SOURCES.some((pattern) => pattern.test(url));

/** At least this share of service topic cards must cite a page about the service itself. */
const MIN_SPECIFIC_SHARE = 0.9;

// Like zod (schema.ts), the YAML parser is loaded only when files are read: starting from the snapshot needs neither.
const requireHere = createRequire(import.meta.url);

/**
 * The YAML files under a folder of the knowledge, its subfolders' included, sorted; none when it does not exist. The
 * listing says which entries are folders, so that only the snapshot's stamps stat a file.
 */
export function yamlFilesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      return entry.isDirectory() ? yamlFilesUnder(path) : /\.ya?ml$/.test(entry.name) ? [path] : [];
    })
    .sort();
}

/** Loads and validates every knowledge file; throws KnowledgeError listing all problems found. */
export function loadKnowledge(dir: string = defaultKnowledgeDir()): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const display = (file: string) => relative(process.cwd(), file) || file;

  function readYaml(file: string): unknown {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file: display(file), message: `cannot be read (${(error as Error).message})` });
      return undefined;
    }
    const { parseDocument } = requireHere('yaml') as typeof Yaml;
    const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const line = e.linePos?.[0];
        problems.push({ file: display(file), message: `YAML syntax${line ? ` at line ${line.line}, column ${line.col}` : ''}: ${e.message.split('\n')[0]}` });
      }
      return undefined;
    }
    return doc.toJS();
  }

  function parseWith<S extends z.ZodType>(schema: S, file: string, entryOf: (value: unknown) => string | undefined): z.infer<S> | undefined {
    const value = readYaml(file);
    if (value === undefined) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      problems.push({ file: display(file), entry: entryOf(value), field: issue.path.join('.') || undefined, message: issue.message });
    }
    return undefined;
  }

  const idOf = (value: unknown) => (typeof value === 'object' && value !== null && 'id' in value ? String((value as { id: unknown }).id) : undefined);

  function loadFolder<T extends { id: string }>(folder: string, schema: z.ZodType<T>, knownIds: readonly string[], kind: string): Map<string, T> {
    const result = new Map<string, T>();
    for (const file of yamlFilesUnder(join(dir, folder))) {
      const name = basename(file);
      const item = parseWith(schema, file, idOf);
      if (!item) continue;
      const expected = name.replace(/\.ya?ml$/, '');
      if (item.id !== expected) {
        problems.push({ file: display(file), entry: item.id, field: 'id', message: `must match the file name (${expected})` });
      }
      if (result.has(item.id)) {
        problems.push({ file: display(file), entry: item.id, field: 'id', message: `duplicate ${kind} id` });
      }
      result.set(item.id, item);
    }
    for (const id of knownIds) {
      if (!result.has(id))
        problems.push({ file: display(join(dir, folder, `${id}.yml`)), entry: id, message: `missing ${kind}: every ${kind} of the taxonomy needs a card` });
    }
    return result;
  }

  const {
    catalogueFileSchema,
    conceptSchema,
    findingsFileSchema,
    questionsFileSchema,
    quizFileSchema,
    serviceSchema,
    tipsFileSchema,
    topicSchema,
    vocabularySchema,
  } = schemas();
  const services = loadFolder<Service>('services', serviceSchema, SERVICE_IDS, 'service') as Map<ServiceId, Service>;
  const topics = loadFolder<Topic>('topics', topicSchema, TOPIC_IDS, 'topic') as Map<TopicId, Topic>;
  const concepts = loadFolder<Concept>('concepts', conceptSchema, CONCEPT_IDS, 'concept') as Map<ConceptId, Concept>;
  const vocabulary = parseWith(vocabularySchema, join(dir, 'vocabulary.yml'), () => undefined);
  const catalogueFile = parseWith(catalogueFileSchema, join(dir, 'catalogue.yml'), () => undefined);
  const tipsFile = parseWith(tipsFileSchema, join(dir, 'tips.yml'), () => undefined);
  const quizFile = parseWith(quizFileSchema, join(dir, 'quiz.yml'), () => undefined);
  const findings = parseWith(findingsFileSchema, join(dir, 'findings.yml'), () => undefined);
  // Each question with the file it came from, so that a problem names its file and line.
  const questionsRead = yamlFilesUnder(join(dir, 'questions')).flatMap((file) =>
    (parseWith(questionsFileSchema, file, () => undefined)?.questions ?? []).map((question, index) => ({ question, file, index })),
  );

  const kb: KnowledgeBase = {
    services,
    topics,
    concepts,
    vocabulary: vocabulary ?? {
      neutral: [],
      model_words: [],
      out_of_scope: [],
      other_clouds: [],
      outside_aws: [],
      tooling: [],
      abbreviations: {},
      lookalikes: [],
    },
    catalogue: catalogueFile?.services ?? [],
    tips: tipsFile?.tips ?? [],
    quiz: quizFile?.questions ?? [],
    questions: questionsRead.map(({ question }) => question),
    ...(findings ? { findings } : {}),
  };
  problems.push(...crossCheck(kb, dir, display, questionsRead));
  if (problems.length > 0) throw new KnowledgeError(problems);
  return kb;
}

/** Rules that span files: an alias may name one thing only, and every reference must land on a card. */
function crossCheck(
  kb: KnowledgeBase,
  dir: string,
  display: (f: string) => string,
  questionsRead: readonly { question: LabelledQuestion; file: string; index: number }[],
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const owners = new Map<string, string>();
  const claim = (alias: Alias, owner: string, file: string, field: string) => {
    const phrase = foldPhrase(aliasPhrase(alias));
    if (phrase.length === 0) {
      problems.push({ file, entry: owner, field, message: `alias "${aliasPhrase(alias)}" has no letters or digits` });
      return;
    }
    const previous = owners.get(phrase);
    if (previous !== undefined && previous !== owner) {
      problems.push({ file, entry: owner, field, message: `duplicate alias "${phrase}": already names ${previous}` });
    } else {
      owners.set(phrase, owner);
    }
  };
  const checkRefs = (refs: readonly string[] | undefined, file: string, entry: string, field: string) => {
    for (const ref of refs ?? []) {
      if (!cardExists(kb, ref)) problems.push({ file, entry, field, message: `dangling related link "${ref}": no such card` });
    }
  };

  // Every card teaches the engine how it is asked, and an example question belongs to one card only.
  const exampleOwners = new Map<string, string>();
  const checkExamples = (examples: readonly string[] | undefined, owner: string, file: string, field: string) => {
    if (!examples || examples.length === 0) {
      problems.push({ file, entry: owner, field, message: 'needs example questions: a handful of ways people ask for this card' });
      return;
    }
    examples.forEach((example, i) => {
      const folded = foldPhrase(example);
      const previous = exampleOwners.get(folded);
      if (previous !== undefined)
        problems.push({ file, entry: owner, field: `${field}.${i}`, message: `example "${example}" is already claimed by ${previous}` });
      else exampleOwners.set(folded, owner);
    });
  };

  // The card shows the customer's side under "You — security IN the cloud": each bullet is an instruction to the
  // reader ("Turn on…"), not a description of a third party ("Turns on…").
  const checkVoice = (customer: readonly string[], owner: string, file: string, field: string) => {
    customer.forEach((bullet, i) => {
      const first = bullet.split(/\s+/)[0] ?? '';
      if (isThirdPersonVerb(first.replace(/[^A-Za-z]/g, ''))) {
        problems.push({
          file,
          entry: owner,
          field: `${field}.${i}`,
          message: `"${first} …" reads in the third person: start the bullet with an instruction ("Turn on…", not "Turns on…")`,
        });
      }
    });
  };

  // Every card says when its facts were last checked; a reader can check them on pages about the service itself.
  const checkDated = (card: { verified_on?: string | undefined }, owner: string, file: string, field: string) => {
    if (!card.verified_on)
      problems.push({ file, entry: owner, field, message: 'needs verified_on: the day its facts were last checked against the pages it links (YYYY-MM-DD)' });
  };
  let topicCards = 0;
  const onlyGeneric: string[] = [];

  for (const service of kb.services.values()) {
    const file = display(join(dir, 'services', `${service.id}.yml`));
    // AWS's word "container" is the model's most common misreading (Docker): every container service's card corrects it.
    if (service.category === 'container' && !categoryNote(kb, 'container')) {
      problems.push({
        file,
        entry: service.id,
        field: 'category',
        message: 'a container service\'s card says what "container" means: concepts/categories.yml needs category_notes.container',
      });
    }
    for (const [i, a] of service.aliases.entries()) claim(a, service.id, file, `aliases.${i}`);
    // A description that repeats a name would be taken as the name: it must be words no card claims, its own included.
    for (const [i, a] of (service.described_as ?? []).entries()) claim(a, `${service.id} (described_as)`, file, `described_as.${i}`);
    checkVoice(service.customer, service.id, file, 'customer');
    checkDated(service, service.id, file, 'verified_on');
    checkExamples(service.examples, service.id, file, 'examples');
    for (const [topicId, entry] of Object.entries(service.topics)) {
      if (!entry) continue;
      topicCards++;
      checkDated(entry, `${service.id}.${topicId}`, file, `topics.${topicId}.verified_on`);
      if (entry.links.every((link) => isGenericSource(link.url))) onlyGeneric.push(`${service.id}.${topicId}`);
      checkExamples(entry.examples, `${service.id}.${topicId}`, file, `topics.${topicId}.examples`);
      checkVoice(entry.customer, `${service.id}.${topicId}`, file, `topics.${topicId}.customer`);
      for (const [i, a] of (entry.keywords ?? []).entries()) claim(a, `${service.id}.${topicId}`, file, `topics.${topicId}.keywords.${i}`);
      checkRefs(entry.related, file, service.id, `topics.${topicId}.related`);
    }
  }
  const serviceIds = new Set<string>(kb.services.keys());
  /** The service whose name is a run of a longer phrase's words, if any. */
  const servicesNamedWithin = (phrase: string): string | undefined => {
    const parts = phrase.split(' ');
    for (let length = 1; length < parts.length; length++) {
      for (let from = 0; from + length <= parts.length; from++) {
        const owner = owners.get(parts.slice(from, from + length).join(' '));
        if (owner !== undefined && serviceIds.has(owner)) return owner;
      }
    }
    return undefined;
  };
  for (const topic of kb.topics.values()) {
    const file = display(join(dir, 'topics', `${topic.id}.yml`));
    for (const [i, a] of topic.aliases.entries()) claim(a, topic.id, file, `aliases.${i}`);
    // "golden ami" read as a topic would hide the service it names: such a phrase is that service's keyword.
    for (const [i, a] of topic.aliases.entries()) {
      const named = servicesNamedWithin(foldPhrase(aliasPhrase(a)));
      if (named)
        problems.push({
          file,
          entry: topic.id,
          field: `aliases.${i}`,
          message: `"${aliasPhrase(a)}" names ${named}: make it a keyword of ${named}'s card instead`,
        });
    }
    checkExamples(topic.examples, topic.id, file, 'examples');
    checkDated(topic, topic.id, file, 'verified_on');
    checkVoice(topic.customer, topic.id, file, 'customer');
    checkRefs(topic.related, file, topic.id, 'related');
  }
  // A phrase that means this topic here must be another topic's alias everywhere else, or it would be a keyword,
  // and it can mean one topic only about one service.
  for (const service of kb.services.values()) {
    const file = display(join(dir, 'services', `${service.id}.yml`));
    const meanings = new Map<string, string>();
    for (const [topicId, entry] of Object.entries(service.topics)) {
      for (const [i, phrase] of (entry?.means_here ?? []).entries()) {
        const folded = foldPhrase(phrase);
        const owner = owners.get(folded);
        const field = `topics.${topicId}.means_here.${i}`;
        const entryName = `${service.id}.${topicId}`;
        if (owner === undefined || owner === topicId || !kb.topics.has(owner as TopicId))
          problems.push({ file, entry: entryName, field, message: `"${phrase}" is no other topic's alias: a phrase that names this topic is a keyword` });
        const earlier = meanings.get(folded);
        if (earlier !== undefined && earlier !== topicId)
          problems.push({ file, entry: entryName, field, message: `"${phrase}" already means ${earlier} here` });
        meanings.set(folded, topicId);
      }
    }
  }
  for (const concept of kb.concepts.values()) {
    const file = display(join(dir, 'concepts', `${concept.id}.yml`));
    for (const [i, a] of concept.aliases.entries()) claim(a, concept.id, file, `aliases.${i}`);
    checkExamples(concept.examples, concept.id, file, 'examples');
    checkDated(concept, concept.id, file, 'verified_on');
    checkRefs(concept.related, file, concept.id, 'related');
  }
  if (topicCards > 0 && onlyGeneric.length > topicCards * (1 - MIN_SPECIFIC_SHARE)) {
    problems.push({
      file: display(join(dir, 'services')),
      message: `${onlyGeneric.length} of ${topicCards} service topic cards cite only generic pages (at most ${Math.round(100 * (1 - MIN_SPECIFIC_SHARE))}% may): link the service's own page for their facts: ${onlyGeneric.join(', ')}`,
    });
  }
  const vocabFile = display(join(dir, 'vocabulary.yml'));
  for (const [i, p] of kb.vocabulary.out_of_scope.entries()) claim(p, 'out_of_scope', vocabFile, `out_of_scope.${i}`);
  for (const [i, p] of kb.vocabulary.outside_aws.entries()) claim(p, 'outside_aws', vocabFile, `outside_aws.${i}`);
  checkExamples(kb.vocabulary.lookalikes, 'lookalikes', vocabFile, 'lookalikes');
  // Shorthand is read as its words before any phrase is looked up: one that is a phrase itself would never be.
  for (const short of Object.keys(kb.vocabulary.abbreviations)) {
    const owner = owners.get(short);
    if (owner !== undefined)
      problems.push({
        file: vocabFile,
        entry: short,
        field: `abbreviations.${short}`,
        message: `"${short}" already names ${owner}: it cannot also stand for other words`,
      });
  }

  const tipsFile = display(join(dir, 'tips.yml'));
  const tipIds = new Set<string>();
  kb.tips.forEach((tip, i) => {
    if (tipIds.has(tip.id)) problems.push({ file: tipsFile, entry: tip.id, field: `tips.${i}.id`, message: 'duplicate tip id' });
    tipIds.add(tip.id);
    if (tip.service !== null && isConceptId(tip.topic)) {
      problems.push({ file: tipsFile, entry: tip.id, field: `tips.${i}.topic`, message: `concept "${tip.topic}" cannot be tied to a service` });
    }
  });

  const quizFile = display(join(dir, 'quiz.yml'));
  const quizIds = new Set<string>();
  kb.quiz.forEach((q, i) => {
    if (quizIds.has(q.id)) problems.push({ file: quizFile, entry: q.id, field: `questions.${i}.id`, message: 'duplicate question id' });
    quizIds.add(q.id);
    checkRefs([q.card], quizFile, q.id, `questions.${i}.card`);
  });

  // A question answers to one card, or to none; asked twice, or already a card's example, it would teach two things.
  for (const { question, file, index } of questionsRead) {
    const [where, entry] = [display(file), question.q.slice(0, 60)];
    if (question.card !== 'none') checkRefs([question.card], where, entry, `questions.${index}.card`);
    const folded = foldPhrase(question.q);
    const previous = exampleOwners.get(folded);
    if (previous !== undefined) problems.push({ file: where, entry, field: `questions.${index}.q`, message: `already asked for ${previous}` });
    else exampleOwners.set(folded, question.card);
  }

  // A finding answers with the card that cites its control, titled as Security Hub titles it; a GuardDuty type
  // answers with a service topic card (who acts on an instance, a key, a bucket), never a general one.
  const findingsFile = display(join(dir, 'findings.yml'));
  const findings = kb.findings;
  if (findings) {
    for (const [control, cards] of controlCitations(kb)) {
      if (findings.controls[control] === undefined) {
        const citing = cards.slice(0, 3).map(formatCardKey).join(', ') + (cards.length > 3 ? ` and ${cards.length - 3} more` : '');
        problems.push({
          file: findingsFile,
          entry: control,
          field: 'controls',
          message: `cited by ${citing} but has no title here: add it as Security Hub titles it`,
        });
      }
    }
    const types = new Set<string>();
    findings.guardduty.forEach((finding, i) => {
      const field = `guardduty.${i}`;
      if (types.has(finding.type.toLowerCase()))
        problems.push({ file: findingsFile, entry: finding.type, field: `${field}.type`, message: 'duplicate finding type' });
      types.add(finding.type.toLowerCase());
      if (!finding.card.includes('.'))
        problems.push({ file: findingsFile, entry: finding.type, field: `${field}.card`, message: 'must name a service topic card like ec2.network' });
      checkRefs([finding.card], findingsFile, finding.type, `${field}.card`);
      checkVoice([finding.first_step], finding.type, findingsFile, `${field}.first_step`);
    });
  }
  return problems;
}

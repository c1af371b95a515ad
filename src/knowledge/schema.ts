import { createRequire } from 'node:module';
import type * as Zod from 'zod';
import { CATEGORY_IDS, CONCEPT_IDS, SERVICE_IDS, TOPIC_IDS, VERDICTS } from './ids.js';

export { CATEGORY_IDS, CONCEPT_IDS, SERVICE_IDS, TOPIC_IDS, VERDICTS } from './ids.js';
export type { CategoryId, ConceptId, ServiceId, TopicId, Verdict } from './ids.js';

/**
 * The zod schemas of every knowledge file. They are built on first use, with zod loaded then: importing zod
 * costs about as much as answering a question from the build's snapshot, which needs no validation.
 */
function defineSchemas({ z }: typeof Zod) {
  const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
  const bullets = (max: number, maxItems = 8) => z.array(text(max)).min(1, 'needs at least one item').max(maxItems, `at most ${maxItems} items`);

  /** Only official AWS (and AWS-run) pages are cited, over https. */
  const awsUrl = z
    .string()
    .url('must be a URL')
    .refine((u) => /^https:\/\/([a-z0-9-]+\.)*(aws\.amazon\.com|amazon\.com|awsstatic\.com|amazonaws\.com)\//.test(u), {
      message: 'must be an https link to an official AWS page',
    });

  const linkSchema = z.strictObject({
    title: text(80),
    url: awsUrl,
  });

  /**
   * An alias is a phrase people type for a service, topic or concept. `weight` below 1 marks a word that is a
   * weak hint ("data" in "encrypting data in s3"), above 1 one that should dominate.
   */
  const aliasSchema = z.union([
    text(60),
    z.strictObject({
      phrase: text(60),
      weight: z.number().min(0.1).max(3).optional(),
      /** On a concept alias: the topic it means when a service is named too ("ec2 patch management" → ec2 patching). */
      topic: z.enum(TOPIC_IDS).optional(),
    }),
  ]);

  const practiceSchema = z.union([
    text(300),
    z.strictObject({
      text: text(300),
      control: z
        .string()
        .regex(/^[A-Za-z0-9]+\.\d+$/, 'must look like a Security Hub control id such as S3.8')
        .optional(),
    }),
  ]);

  const checkSchema = z
    .strictObject({
      label: text(120),
      command: text(600).optional(),
      console: text(300).optional(),
    })
    .refine((c) => c.command !== undefined || c.console !== undefined, {
      message: 'needs a command (AWS CLI) or a console path',
    });

  const scenarioSchema = z.strictObject({
    situation: text(200),
    verdict: z.enum(VERDICTS),
    why: text(400),
  });

  /** A reference to another card: "s3", "s3.encryption", "encryption" (general topic) or "overview" (concept). */
  const cardRefSchema = z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)?$/, 'must be a card reference like s3.encryption');

  /**
   * Questions as people ask this card's question (situations, symptoms, incidents, shorthand), never shown: the
   * engine learns the card's subject from them. `srm kb check` requires them and refuses one claimed by two cards.
   */
  const examplesSchema = z.array(text(200)).min(3, 'needs at least 3 example questions').max(20, 'at most 20 example questions');

  /** The day a person last checked the card's facts against the linked AWS pages. */
  const verifiedOn = z.iso.date('must be a date written YYYY-MM-DD');

  /** What every card carries beside its content: how people ask for it and when it was last checked. */
  const cardMeta = {
    examples: examplesSchema.optional(),
    verified_on: verifiedOn.optional(),
  };

  /** The body every responsibility card shares: who does what, how to do it well, how it goes wrong. */
  const responsibilityBody = {
    ...cardMeta,
    aws: bullets(220),
    customer: bullets(220),
    practices: z.array(practiceSchema).min(1).max(6),
    mistakes: bullets(260, 5),
    check: checkSchema,
    links: z.array(linkSchema).min(1).max(4),
    scenarios: z.array(scenarioSchema).max(4).optional(),
    related: z.array(cardRefSchema).max(4).optional(),
  };

  const serviceTopicSchema = z.strictObject({
    summary: text(300),
    ...responsibilityBody,
    /** Phrases specific enough to name this service AND this topic at once ("bucket policy" → s3 access). */
    keywords: z.array(aliasSchema).max(20).optional(),
    /**
     * Another topic's aliases that mean this topic when this service is asked about ("cis" is a hardening baseline
     * in general and a compliance standard in Security Hub): they name neither this service nor this topic alone.
     */
    means_here: z.array(z.string().min(1).max(60)).max(10).optional(),
  });

  const serviceSchema = z.strictObject({
    id: z.enum(SERVICE_IDS),
    name: text(60),
    aliases: z.array(aliasSchema).min(1).max(30),
    /**
     * What the service is, in the plain words of someone who does not know its name ("managed database", "web
     * firewall"): it is taken to be asked about only when no service is named.
     */
    described_as: z.array(text(60)).max(12).optional(),
    category: z.enum(CATEGORY_IDS),
    /** Set when a seed or common belief files the service elsewhere; the card corrects it. */
    category_note: text(300).optional(),
    summary: text(300),
    /** When a question names this service next to another one, it is usually about this topic ("s3 kms"). */
    implies_topic: z.enum(TOPIC_IDS).optional(),
    /**
     * Set on a service that implies a topic yet, named before another service, is what is asked about: it records,
     * scans or guards the other ("cloudtrail logs land in s3, are they encrypted?", "inspector needs the ssm agent").
     * Named after another, it still only says its topic ("secrets manager cloudtrail").
     */
    leads_when_named_first: z.literal(true).optional(),
    /**
     * Set on a service whose policies govern other services ("scps to stop anyone disabling cloudtrail" is about the
     * SCPs): its keyword said before any service is named makes it the one asked about.
     */
    governs_other_services: z.literal(true).optional(),
    /**
     * Set on a service whose rules evaluate other services' resources (a Config rule non-compliant on a bucket, a
     * CloudWatch alarm on a queue): its rule said by its keyword before the resource, asked about its own topic, is its
     * card, not the resource's.
     */
    evaluates_other_services: z.literal(true).optional(),
    aws: bullets(220),
    customer: bullets(220),
    links: z.array(linkSchema).min(1).max(4),
    scenarios: z.array(scenarioSchema).max(4).optional(),
    ...cardMeta,
    topics: z.partialRecord(z.enum(TOPIC_IDS), serviceTopicSchema),
  });

  const topicSchema = z.strictObject({
    id: z.enum(TOPIC_IDS),
    title: text(60),
    aliases: z.array(aliasSchema).min(1).max(120),
    summary: text(300),
    /** How the split for this topic moves from infrastructure to container to abstracted services. */
    by_category: z.strictObject({
      infrastructure: text(300),
      container: text(300),
      abstracted: text(300),
    }),
    ...responsibilityBody,
  });

  const conceptSectionSchema = z.strictObject({
    title: text(80),
    points: bullets(260, 8),
  });

  const misconceptionSchema = z.strictObject({
    claim: text(200),
    truth: text(400),
  });

  const conceptSchema = z.strictObject({
    id: z.enum(CONCEPT_IDS),
    title: text(80),
    aliases: z.array(aliasSchema).min(1).max(120),
    /** A strong concept wins over a service named in the same question ("is ECS a container service?"). */
    strength: z.enum(['strong', 'weak']),
    summary: text(400),
    sections: z.array(conceptSectionSchema).min(1).max(5),
    misconceptions: z.array(misconceptionSchema).max(4).optional(),
    links: z.array(linkSchema).min(1).max(4),
    scenarios: z.array(scenarioSchema).max(6).optional(),
    related: z.array(cardRefSchema).max(4).optional(),
    /**
     * (categories only) What every card of a category's services says about the category, where its name misleads:
     * "container" read as Docker. `short` is the same in a few words, for the compact answer.
     */
    category_notes: z.partialRecord(z.enum(CATEGORY_IDS), z.strictObject({ note: text(300), short: text(80) })).optional(),
    ...cardMeta,
  });

  /** Words the engine needs beyond the cards' own aliases. */
  const vocabularySchema = z.strictObject({
    /** Question scaffolding that carries no subject ("who", "responsible", "aws", "my"). */
    neutral: z.array(text(40)).min(1),
    /** Words that make a question about the model itself ("whose job is which?") when nothing else is named. */
    model_words: z.array(text(40)).min(1),
    /**
     * Phrases that put a question outside the model (pricing, sizing advice, jokes): not answered, unless the
     * question plainly asks who secures a topic it names.
     */
    out_of_scope: z.array(text(40)).min(1),
    /** Other clouds and their services: a question about one is never answered with an AWS card. */
    other_clouds: z.array(text(40)).default([]),
    /**
     * Things outside AWS: the company's own premises and devices (the office, laptops, a server room) and other
     * vendors' products (Okta, GitHub, Jira). A question about one that names neither an AWS service nor AWS
     * itself is for the IT team or that vendor, never answered with an AWS card.
     */
    outside_aws: z.array(text(40)).default([]),
    /**
     * Words of code and tooling (an SDK, a language, a config file): a "how do I…" question that uses one and asks
     * nothing of who is responsible is a how-to for the docs, not a question for srm-bot.
     */
    tooling: z.array(text(40)).default([]),
    /**
     * Shorthand people type for an everyday word ("acct", "perms", "lb"): read as the words it stands for before
     * anything else, so that "root acct" meets the phrase "root account".
     */
    abbreviations: z.record(z.string().regex(/^[a-z0-9]{1,12}$/, 'one lower-case word'), text(40)).default({}),
    /**
     * Questions that look like ours but are not (passwords of other systems, prices, sizing, data modelling): the
     * engine learns from them what to refuse even when a security word appears.
     */
    lookalikes: z.array(text(200)).min(1),
  });

  /**
   * One AWS service as people name it, whether or not srm-bot has a card for it: a name it knows but has no card
   * for is answered "no card for … yet" instead of a general card the asker would take as specific.
   */
  const catalogueEntrySchema = z.strictObject({
    name: text(80),
    /** The id of srm-bot's card for the service, when there is one. */
    card: z.enum(SERVICE_IDS).optional(),
    /** Other names and the abbreviations people type ("ddb", "cw"); folded like every phrase. */
    aliases: z.array(text(60)).max(20).default([]),
  });

  const catalogueFileSchema = z.strictObject({ services: z.array(catalogueEntrySchema).min(1) });

  const tipSchema = z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,60}$/, 'must be a lowercase slug like ebs-default-encryption'),
    service: z.enum(SERVICE_IDS).nullable(),
    topic: z.enum([...TOPIC_IDS, ...CONCEPT_IDS]),
    title: text(100),
    do: text(400),
    why: text(400),
    check: checkSchema,
    link: linkSchema,
    /**
     * The day the tip was added, set on every tip added after the rotation started: it joins the rotation at the
     * next cycle after this date, so adding it changes no day that is already planned (docs/daily-tips.md).
     */
    added: z.iso.date('must be a date written YYYY-MM-DD').optional(),
  });

  const tipsFileSchema = z.strictObject({ tips: z.array(tipSchema).min(1) });

  const quizQuestionSchema = z
    .strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,60}$/, 'must be a lowercase slug'),
      question: text(280),
      /** The choices shown as buttons; one of them is right. */
      choices: z.array(text(60)).min(2).max(4),
      answer: z.number().int().min(0),
      why: text(500),
      card: cardRefSchema,
    })
    .refine((q) => q.answer < q.choices.length, { message: 'answer must be the index of one of the choices', path: ['answer'] });

  const quizFileSchema = z.strictObject({ questions: z.array(quizQuestionSchema).min(1) });

  /**
   * A question as someone asked it, with the card that answers it, or `none` for one srm-bot should refuse. Like a
   * card's examples, shown to nobody: the engine learns from them how people ask (knowledge/questions/).
   */
  const labelledQuestionSchema = z.strictObject({
    q: text(1000),
    card: z.union([z.literal('none'), cardRefSchema]),
  });

  const questionsFileSchema = z.strictObject({ questions: z.array(labelledQuestionSchema).min(1) });

  /** A Security Hub control id as AWS writes it ("S3.8", "CloudTrail.1"). */
  const controlIdSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]*\.\d+$/, 'must look like a Security Hub control id such as S3.8');

  /** A GuardDuty finding type: ThreatPurpose:ResourceType/ThreatFamilyName.DetectionMechanism!Artifact. */
  const guardDutyTypeSchema = z
    .string()
    .regex(/^[A-Za-z]+:[A-Za-z0-9]+\/[A-Za-z0-9.!&_-]+$/, 'must look like a GuardDuty finding type such as UnauthorizedAccess:EC2/SSHBruteForce');

  const guardDutyFindingSchema = z.strictObject({
    type: guardDutyTypeSchema,
    /** The service topic card that says who acts on it. */
    card: cardRefSchema,
    /** What to do first, as an instruction, in our own words. */
    first_step: text(160),
  });

  /**
   * What findings posted to Slack name: Security Hub control titles and GuardDuty finding types, so that a finding
   * answers with the card that says who acts (docs/findings.md).
   */
  const findingsFileSchema = z.strictObject({
    verified_on: verifiedOn,
    sources: z.array(linkSchema).min(1).max(4),
    /** The service card a control id prefix belongs to ("S3" → s3): where an id no card cites is answered. */
    prefixes: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a control id prefix such as S3'), z.enum(SERVICE_IDS)),
    /** Control id → the control's title in Security Hub. */
    controls: z.record(controlIdSchema, text(200)),
    guardduty: z.array(guardDutyFindingSchema).min(1),
  });

  return {
    linkSchema,
    aliasSchema,
    practiceSchema,
    checkSchema,
    scenarioSchema,
    cardRefSchema,
    examplesSchema,
    serviceTopicSchema,
    serviceSchema,
    topicSchema,
    conceptSectionSchema,
    misconceptionSchema,
    conceptSchema,
    vocabularySchema,
    catalogueEntrySchema,
    catalogueFileSchema,
    tipSchema,
    tipsFileSchema,
    quizQuestionSchema,
    quizFileSchema,
    labelledQuestionSchema,
    questionsFileSchema,
    guardDutyFindingSchema,
    findingsFileSchema,
  };
}

type Schemas = ReturnType<typeof defineSchemas>;
let built: Schemas | undefined;
const requireHere = createRequire(import.meta.url);

export const schemas = (): Schemas => (built ??= defineSchemas(requireHere('zod') as typeof Zod));

type Infer<K extends keyof Schemas> = Zod.z.infer<Schemas[K]>;

export type Alias = Infer<'aliasSchema'>;
export type Link = Infer<'linkSchema'>;
export type Practice = Infer<'practiceSchema'>;
export type Check = Infer<'checkSchema'>;
export type Scenario = Infer<'scenarioSchema'>;
export type ServiceTopic = Infer<'serviceTopicSchema'>;
export type Service = Infer<'serviceSchema'>;
export type Topic = Infer<'topicSchema'>;
export type Concept = Infer<'conceptSchema'>;
export type Vocabulary = Infer<'vocabularySchema'>;
export type CatalogueEntry = Infer<'catalogueEntrySchema'>;
export type Tip = Infer<'tipSchema'>;
export type QuizQuestion = Infer<'quizQuestionSchema'>;
export type LabelledQuestion = Infer<'labelledQuestionSchema'>;
export type GuardDutyFinding = Infer<'guardDutyFindingSchema'>;
export type Findings = Infer<'findingsFileSchema'>;

import { CONCEPT_IDS, TOPIC_IDS, cardExists, type CardKey, type KnowledgeBase, type ServiceId, type TopicId } from '../knowledge/index.js';
import { contentStems, OUT_OF_SCOPE_MARKER, primaryService, questionFeatures } from './features.js';
import {
  aboutARealHome,
  speaksOfTheOrgsAccounts,
  asksAboutAnotherCompanysAuditReport,
  asksHowTheSplitVaries,
  asksInGeneral,
  asksWhoSecuresAtAll,
  asksWhichSide,
  asksWhichSideOutright,
  asksWhichOfAwsAndUs,
  asksForTheProvidersEvidence,
  asksWhatBecomesOfIt,
  asksWhatHappensByItself,
  asksForTheWholeSplit,
  asksWhoIsAllowed,
  saysStoredThingsWentPublic,
  namesWhatWeShip,
  keepsASecretInTheApplication,
  asksAboutDurability,
  asksAboutIsolationFromOtherCustomers,
  asksAboutTheHardware,
  asksWhetherMovingHandsItAllOver,
  asksToExplainThePhrase,
  asksWhatItMeans,
  asksWhoOutright,
  asksAboutTraining,
  asksOnlyForAContact,
  asksToGetBackIn,
  asksToBeToldWhenUnwell,
  opensToEveryAddress,
  asksAboutRotatingAKey,
  asksWhetherItIsSwitchedOn,
  topicResponsibleFor,
  asksWhichOfOurTeams,
  saysTheModelIsBetweenOthers,
  asksForAllOfIt,
  asksWhatALawRequires,
  contrastsTheSides,
  describesTheFormerSetup,
  CUSTOMER_WORDS,
  FULL_NAME_WEIGHT,
  isChoice,
  isHowTo,
  isStrongTopic,
  mentionsASide,
  namesATopic,
  namesOnlyTheParties,
  PARTY_WORDS,
  phraseWords,
  serviceNameWords,
  SIDELESS_WORDS,
  UNPLACED_WORDS,
} from './questionShape.js';
import { BUCKETS_SERVICE, SECURITY_GROUPS_SERVICE } from './normalize.js';
import { PROVIDER_WORDS, readAbout, type FoundTerm, type Resolution } from './resolve.js';
import type { ServiceModel } from './serviceModel.js';
import type { TopicModel } from './topicModel.js';
import type { Vocabulary } from './vocabulary.js';
import type { Subject } from './training.js';
import type { NoMatchReason } from './types.js';

export type Decision =
  | { kind: 'card'; key: CardKey; confidence: number; alternatives: CardKey[]; uncovered: string | null }
  | { kind: 'no_match'; reason: NoMatchReason; hints: CardKey[]; uncovered: string | null };

export interface DecisionTuning {
  /** At or above this confidence the card is answered alone; below it the runner-up is offered beside it. */
  sure: number;
  /** Without a service to anchor it, a question below this confidence is refused with the likely cards offered. */
  refuseBelow: number;
  /** "Nothing we answer" must beat the best card by this confidence to refuse a question that names a service. */
  refuseWithService: number;
  /**
   * Below this relevance (nats, see Posterior) the words of a question that names no service say nothing about
   * any subject: small talk, refused.
   */
  minRelevance: number;
  /** Below refuseBelow, the two likeliest subjects must together hold this much belief to be answered and offered. */
  pairMass: number;
  /** A question that names a service, no topic phrase and this many words that say little is about something else ("a code sample for a lambda handler"). */
  offTopicWords: number;
  /**
   * A question of more than offTopicWords words that asks nobody which side does something, with "nothing we
   * answer" the runner-up, is refused below this confidence in its best card.
   */
  lookalikeBelow: number;
  /** Of several services named, another is asked about instead of the first or most named when it is this many times as likely (see askedService). */
  serviceOdds: number;
  /** …or this many times as likely, when only a keyword of it stands in the question (see askedService). */
  keywordServiceOdds: number;
  /**
   * A question that names no service is about the one its words describe ("the cold storage archive thing") when the
   * service model finds it this likely among all services, and `describedOdds` times as likely as the next.
   */
  describedFloor: number;
  describedOdds: number;
  /** A general card is answered with the topic's card of the service its words lean to offered, at this likelihood. */
  leaningFloor: number;
  /** A topic the question names, however weakly, is asked about in general rather than the whole split at this likelihood. */
  namedTopicFloor: number;
}

export const DEFAULT_DECISION_TUNING: DecisionTuning = {
  sure: 0.8,
  refuseBelow: 0.3,
  refuseWithService: 0.3,
  minRelevance: 3,
  offTopicWords: 3,
  pairMass: 0.6,
  lookalikeBelow: 0.93,
  serviceOdds: 3,
  keywordServiceOdds: 50,
  describedFloor: 0.5,
  describedOdds: 4,
  leaningFloor: 0.25,
  namedTopicFloor: 0.5,
};

const TOPICS: readonly Subject[] = TOPIC_IDS;
const CONCEPTS: readonly Subject[] = CONCEPT_IDS;

const isConcept = (s: Subject) => CONCEPTS.includes(s);

/**
 * Whether AWS itself is named, by name or as "the cloud": a bare "cloud" is as often another vendor's ("zoom cloud
 * recordings", "defender for cloud", "salesforce service cloud").
 */
const namesAwsItself = (resolution: Resolution): boolean =>
  resolution.spelled.some((w, i) => PROVIDER_WORDS.has(w) && (w !== 'cloud' || resolution.spelled[i - 1] === 'the'));

/** The question without what it names outside AWS: its terms, and their words among those the model reads. */
function withoutOutsideThings(resolution: Resolution): Resolution {
  const outside = resolution.terms.filter(({ term }) => term.kind === 'outside-aws');
  const dropped = outside.flatMap(({ phrase }) => phrase.split(' '));
  const content = [...resolution.content];
  for (const word of dropped) {
    const at = content.indexOf(word);
    if (at >= 0) content.splice(at, 1);
  }
  return { ...resolution, terms: resolution.terms.filter((found) => !outside.includes(found)), content };
}

/**
 * "is it us or amazon, like in general?", "what does amazon keep safe and what's still mine?": the provider named,
 * a side asked outright, and the whole split or no one service asked about, in words no card uses.
 */
const asksTheWholeSplitOfAws = (r: Resolution): boolean =>
  r.namesTheProvider && (contrastsTheSides(r) || (asksWhichSideOutright(r) && (asksForTheWholeSplit(r) || asksInGeneral(r) || asksWhoSecuresAtAll(r))));

/** A question about the split itself: responsibility words and at most one word we cannot place. */
const aboutTheModelOnly = (r: Resolution) => r.asksAboutTheModel && r.terms.length === 0 && r.unknown.length <= 1;

/**
 * What a question's shape says is asked, whatever topic its words lean to: the first of these the question asks, when
 * the model ranks its topic among the cards at all, leads the model's first topic (`over`: only that one; with
 * `overTheWholeCard`, the service's whole card too, unless the whole split is asked for).
 */
const LEADING_TOPICS: { asks: (resolution: Resolution) => boolean; topic: TopicId; over?: TopicId | null; overTheWholeCard?: true; unranked?: true }[] = [
  // Whether a service is switched on by itself, answered with its whole card, is its configuration ("detective: on by
  // default for new accounts?"): switching it on is a setting of ours or a default of AWS's.
  { asks: asksWhetherItIsSwitchedOn, topic: 'configuration', over: null, overTheWholeCard: true, unranked: true },
  // Rotating an encryption key is the encryption card's, whatever the key protects (80 of 80 such opened questions).
  { asks: asksAboutRotatingAKey, topic: 'encryption', overTheWholeCard: true },
  // Teaching people is the question, whatever they are taught about ("who trains our developers on least privilege?"
  // is about training, not access), but not a part of the model ("which part is whose? it's for a training slide").
  { asks: asksAboutTraining, topic: 'training', overTheWholeCard: true },
  // "who can edit the hosted zone?" is about access, not the zone's configuration (100 of 103 such questions).
  { asks: asksWhoIsAllowed, topic: 'access', overTheWholeCard: true },
  // Stored things opened to everyone ("an intern left the bucket public") is who may read them, whatever the data is.
  { asks: saysStoredThingsWentPublic, topic: 'access', overTheWholeCard: true },
  // A vulnerability in an image, a library or a function's package is the application's, however much it sounds
  // like patching.
  { asks: namesWhatWeShip, topic: 'application', over: 'patching' },
  // A password in an env var is how the application handles secrets, however plain its text.
  { asks: keepsASecretInTheApplication, topic: 'application', over: 'encryption' },
  // Whether what is stored outlives the disks under it is the availability card's, however much it sounds like backup,
  // unless backups are named ("if we lose data because nobody took backups"); AWS replicating it is durability.
  {
    asks: (resolution) => asksAboutDurability(resolution) && !namesTheTopic(resolution, 'backup', (phrase) => !phrase.startsWith('replicat')),
    topic: 'availability',
    overTheWholeCard: true,
  },
  // Isolation from other customers on shared hardware is the physical card's, even when a kernel is named.
  { asks: asksAboutIsolationFromOtherCustomers, topic: 'physical', overTheWholeCard: true },
  // The hardware under a service (the host, the disks, the hypervisor) is the physical card's, unless patching or
  // encrypting it is asked (or its certification, see asksAboutTheHardware).
  // So sure a reading that it leads the whole card even when the model does not lean to the hardware at all ("who
  // keeps the actual servers lambda runs on secure?").
  {
    asks: (resolution) => asksAboutTheHardware(resolution) && !namesTheTopic(resolution, 'patching') && !namesTheTopic(resolution, 'encryption'),
    topic: 'physical',
    overTheWholeCard: true,
    unranked: true,
  },
];

/** Whether a phrase of the topic, or a service's keyword of it, stands in the question ("backups", "pitr"). */
const namesTheTopic = (resolution: Resolution, topic: TopicId, counts: (phrase: string) => boolean = () => true): boolean =>
  resolution.terms.some(
    ({ term, phrase }) =>
      counts(phrase) && ((term.kind === 'topic' && isStrongTopic(term) && term.topic === topic) || (term.kind === 'service-topic' && term.topic === topic)),
  );

/**
 * Of LEADING_TOPICS, the first the question asks whose topic is among the ranked `topics` and may lead the first of
 * them (`over`): the ranking of the cards, or the topics the fallback card offers.
 */
function leadingTopic(resolution: Resolution, topics: readonly CardKey['topic'][], besideTheWholeCard: boolean) {
  const first = besideTheWholeCard ? null : topics[0];
  return LEADING_TOPICS.find(
    ({ asks, topic, over, unranked }) =>
      (topics.includes(topic) || (besideTheWholeCard && unranked)) && (over === undefined || first === over) && asks(resolution),
  );
}

/** Moves the card for `topic` to the front of `cards`, if the ranking holds it behind the first. */
function lead(cards: { key: CardKey }[], topic: CardKey['topic'] | undefined): void {
  const at = topic === undefined ? -1 : cards.findIndex((c) => c.key.topic === topic);
  if (at > 0) cards.unshift(...cards.splice(at, 1));
}

function keyFor(service: ServiceId | null, subject: Subject): CardKey | null {
  if (subject === 'none') return null;
  if (subject === 'service') return service ? { service, topic: null } : null;
  if (isConcept(subject)) return { service: null, topic: subject as CardKey['topic'] };
  return { service, topic: subject as CardKey['topic'] };
}

/** What the engine reads a question with: the topic model, and the service model that tells named services apart. */
export interface Models {
  subjects: TopicModel<Subject>;
  services: ServiceModel;
}

/**
 * Of several services named, the one asked about: the most often or first named (primaryService), unless the
 * question's other words make another, named as often, `odds` times as likely ("our api gateway stage calls a lambda
 * and nobody throttles it" asks about API Gateway; "who pages us from cloudwatch when elb health checks fail" about CloudWatch).
 */
function askedService(resolution: Resolution, kb: KnowledgeBase, services: ServiceModel, tuning: DecisionTuning): ServiceId | null {
  const fronting =
    holderOfARole(resolution, kb) ??
    keyRotatedBy(resolution, kb) ??
    frontService(resolution) ??
    attachedService(resolution) ??
    destinationService(resolution) ??
    resourceOfAPermission(resolution) ??
    watcherAskedAbout(resolution, kb) ??
    governingPolicies(resolution, kb) ??
    ownerOfTheLogsInABucket(resolution);
  if (fronting) return fronting;
  const primary = primaryService(resolution, kb);
  const mentions = new Map<ServiceId, number>();
  for (const { term } of resolution.terms) if (term.kind === 'service') mentions.set(term.service, (mentions.get(term.service) ?? 0) + 1);
  // A service only a keyword of stands for ("subdomain takeover" is Route 53's, "scps" Organizations') may be the
  // one asked about too, but a keyword is often a feature another service shares ("iam db auth" beside Aurora):
  // it must be far likelier than the service named.
  const byKeywordOnly = new Set<ServiceId>();
  for (const { term } of resolution.terms) {
    if (term.kind !== 'service-topic' || (mentions.has(term.service) && !byKeywordOnly.has(term.service))) continue;
    byKeywordOnly.add(term.service);
    mentions.set(term.service, (mentions.get(term.service) ?? 0) + 1);
  }
  if (primary === null || mentions.size < 2) return primary;
  const ranked = services.rank(contentStems(resolution), [...mentions.keys()]);
  const best = ranked[0];
  if (!best || best.label === primary || mentions.get(best.label)! < mentions.get(primary)!) return primary;
  // A service that stands in for its topic is likely whenever its topic is asked about: named after the subject
  // ("glacier archives encrypted, or do we need a kms key?") it is only that topic.
  const standsIn = (id: ServiceId) => {
    const card = kb.services.get(id);
    return card?.implies_topic !== undefined && !card.leads_when_named_first;
  };
  const namedFirst = resolution.terms.find(({ term }) => term.kind === 'service')?.term;
  const namedAfter = namedFirst?.kind === 'service' && namedFirst.service !== best.label && !byKeywordOnly.has(best.label);
  if (standsIn(best.label) && !standsIn(primary) && namedAfter) return primary;
  const primaryP = ranked.find((r) => r.label === primary)?.p ?? 0;
  const odds = byKeywordOnly.has(best.label) ? tuning.keywordServiceOdds : tuning.serviceOdds;
  return best.p >= odds * primaryP ? best.label : primary;
}

/**
 * Whether every word naming the service comes right after another vendor's name ("cloudflare waf rule", "azure
 * firewall"): that vendor's product, not AWS's.
 */
function onlyAVendorsProduct(resolution: Resolution, service: ServiceId): boolean {
  const vendorEnds = new Set(resolution.terms.flatMap(({ term, phrase, position }) => (term.kind === 'outside-aws' ? [position + phraseWords(phrase)] : [])));
  const naming = servicesNamedOrKeyed(resolution).filter((named) => named.service === service);
  return naming.length > 0 && naming.every(({ found }) => vendorEnds.has(found.position));
}

/** A service named in the question, and where. */
type NamedService = { service: ServiceId; found: FoundTerm };

const servicesNamed = (resolution: Resolution): NamedService[] =>
  resolution.terms.flatMap((found) => (found.term.kind === 'service' ? [{ service: found.term.service, found }] : []));

/** The services named in the question or standing behind a keyword of theirs ("web acl" is WAF's), and which is which. */
const servicesNamedOrKeyed = (resolution: Resolution): (NamedService & { byName: boolean })[] =>
  resolution.terms.flatMap((found) =>
    found.term.kind === 'service' || found.term.kind === 'service-topic' ? [{ service: found.term.service, found, byName: found.term.kind === 'service' }] : [],
  );

/** Words that lead from the service left to the one moved to ("from ec2 to fargate", "off ecs on ec2 onto fargate"). */
const LEAVING = new Set(['from', 'off']);
const ARRIVING = new Set(['to', 'onto', 'into']);
/** Words of a migration: logs "shipping from aurora to cloudwatch" move nothing of ours. */
const MOVING = new Set([
  'move',
  'moving',
  'moved',
  'migrate',
  'migrating',
  'migrated',
  'migration',
  'switch',
  'switching',
  'port',
  'porting',
  'replatform',
  'replatforming',
]);

/**
 * Of two services, one left and one moved to ("if we move the jobs from ecs on ec2 to fargate, what stops being
 * ours?"), the one moved to is asked about: what the move changes is its split.
 */
function destinationService(resolution: Resolution): ServiceId | null {
  if (!resolution.spelled.some((w) => MOVING.has(w))) return null;
  const named = servicesNamed(resolution);
  const justAfter = ({ found }: NamedService, words: ReadonlySet<string>) =>
    resolution.spelled.slice(Math.max(0, found.position - 2), found.position).some((w) => words.has(w));
  const left = named.find((name) => justAfter(name, LEAVING));
  const reached = named.find((name) => left && name.found.position > left.found.position && name.service !== left.service && justAfter(name, ARRIVING));
  return reached?.service ?? null;
}

/** At most this many words between two services for one to stand "in front of" the other ("waf in front of our alb"). */
const FRONTING_GAP = 4;

/**
 * Of two services one stands in front of ("cloudfront in front of an s3 bucket", "the bucket behind cloudfront"),
 * the one in front is asked about: it is where the traffic is met, and the other is what it guards or serves.
 */
function frontService(resolution: Resolution): ServiceId | null {
  const named = servicesNamed(resolution);
  for (let i = 1; i < named.length; i++) {
    const [before, after] = [named[i - 1]!, named[i]!];
    if (before.service === after.service) continue;
    const gap = resolution.spelled.slice(before.found.position + phraseWords(before.found.phrase), after.found.position);
    if (gap.length > FRONTING_GAP) continue;
    const between = ` ${gap.join(' ')} `;
    if (between.includes(' in front of ')) return before.service;
    if (between.includes(' behind ')) return after.service;
  }
  return null;
}

/**
 * Of a thing attached to a service and the service ("the web acl attached to the alb", "a waf associated with our api
 * gateway"), the thing attached is asked about, even when only its keyword names it: the service is where it hangs.
 */
function attachedService(resolution: Resolution): ServiceId | null {
  const namers = servicesNamedOrKeyed(resolution);
  for (let i = 1; i < namers.length; i++) {
    const [before, after] = [namers[i - 1]!, namers[i]!];
    if (!after.byName || before.service === after.service) continue;
    const gap = resolution.spelled.slice(before.found.position + phraseWords(before.found.phrase), after.found.position);
    if (gap.length <= FRONTING_GAP && / (?:attached to|associated with) /.test(` ${gap.join(' ')} `)) return before.service;
  }
  return null;
}

/** Words that say a role holds permissions ("the execution role has s3:*", "a task role with AdministratorAccess"). */
const HOLDING = new Set(['has', 'have', 'had', 'with', 'gives', 'grants', 'allows', 'attached']);
/** At most this many words between a role and what it is said to hold. */
const HOLDING_GAP = 3;

/**
 * The service whose role holds a permission on another ("our lambda execution role has s3:* on every bucket", "the
 * ecs task role has full dynamodb access"): the role's service is asked about, since scoping what it may do is its
 * access; the service the permission is on is only what it reaches (the role's service is the label of 80 of the 85
 * opened questions that name such a role).
 */
function holderOfARole(resolution: Resolution, kb: KnowledgeBase): ServiceId | null {
  for (const { term, phrase, position } of resolution.terms) {
    if (term.kind !== 'service-topic' || !/\b(?:role|roles|profile)$/.test(phrase)) continue;
    // "an iam role": a role of the service that stands for access is any role, held by nothing in particular.
    if (kb.services.get(term.service)?.implies_topic === 'access') continue;
    const after = resolution.spelled.slice(position + phraseWords(phrase), position + phraseWords(phrase) + HOLDING_GAP);
    if (after.some((w) => HOLDING.has(w))) return term.service;
  }
  return null;
}

/**
 * The service whose keys are rotated ("who rotates the customer managed key we use for the bucket?"): rotating a key is
 * done where the key lives, whatever it encrypts.
 */
function keyRotatedBy(resolution: Resolution, kb: KnowledgeBase): ServiceId | null {
  if (!asksAboutRotatingAKey(resolution)) return null;
  return servicesNamedOrKeyed(resolution).find(({ service }) => kb.services.get(service)?.implies_topic === 'encryption')?.service ?? null;
}

/** The words that grant a permission in "which lambdas can read…", "which roles are allowed to…". */
const PERMITTING = new Set(['can', 'may', 'allowed']);

/**
 * Of a service whose members are allowed something and the service they are allowed it on ("who decides which lambdas
 * can read the api secret in secrets manager"), the one allowed on is asked about: its access is the question.
 */
function resourceOfAPermission(resolution: Resolution): ServiceId | null {
  if (!asksWhoIsAllowed(resolution)) return null;
  const which = resolution.spelled.indexOf('which');
  const permits = resolution.spelled.findIndex((w, i) => i > which && PERMITTING.has(w));
  if (which < 0 || permits < 0) return null;
  const named = servicesNamed(resolution);
  const allowed = named.filter(({ found }) => found.position > which && found.position < permits).map(({ service }) => service);
  const allowedOn = named.find(({ service, found }) => found.position > permits && !allowed.includes(service));
  return allowed.length > 0 && allowedOn ? allowedOn.service : null;
}

/** The card of the service that watches the others for `topic` (CloudWatch for logging), when it has one. */
function watchersCard(kb: KnowledgeBase, topic: CardKey['topic']): CardKey | null {
  const watcher = [...kb.services.values()].find((card) => card.evaluates_other_services && card.implies_topic === topic);
  const key: CardKey | null = watcher ? { service: watcher.id, topic } : null;
  return key && cardExists(kb, key) ? key : null;
}

/** What a service's name is followed by when its logs are meant ("cloudtrail logs", "cloudtrail then ships the log files"). */
const LOG_WORDS = new Set(['log', 'logs', 'logging', 'events']);
/** How many words after the service's name may hold them. */
const LOG_WORDS_GAP = 3;

/**
 * Of a service's logs and the bucket they are kept in ("the archive bucket holding three years of cloudtrail logs",
 * "alb access logs go to s3, who reads them?"), the service whose logs they are is asked about: the bucket is only where
 * they are kept (46 of the 47 opened questions naming a service's logs beside a bucket were labelled that service's).
 */
function ownerOfTheLogsInABucket(resolution: Resolution): ServiceId | null {
  const namers = servicesNamedOrKeyed(resolution);
  const owner = namers.find(
    ({ service, found, byName }) =>
      byName &&
      service !== BUCKETS_SERVICE &&
      [
        ...found.phrase.split(' '),
        ...resolution.spelled.slice(found.position + phraseWords(found.phrase), found.position + phraseWords(found.phrase) + LOG_WORDS_GAP),
      ].some((w) => LOG_WORDS.has(w)),
  );
  const inABucket = namers.some(({ service }) => service === BUCKETS_SERVICE) || resolution.typed.some((w) => w === 'bucket' || w === 'buckets');
  return owner && inABucket ? owner.service : null;
}

/** What a service that watches others does to them ("inspector scans our lambdas", "does guardduty read our s3 objects"). */
const WATCHING = new Set([
  'scan',
  'scans',
  'scanning',
  'scanned',
  'read',
  'reads',
  'reading',
  'cover',
  'covers',
  'covering',
  'check',
  'checks',
  'checking',
  'watch',
  'watches',
  'watching',
  'monitor',
  'monitors',
  'monitoring',
  'inspect',
  'inspects',
  'analyze',
  'analyzes',
  'analyse',
  'analyses',
  'look',
  'looks',
]);

/**
 * Of a service that watches others (it stands for a topic and leads when named first: Inspector, GuardDuty, Config)
 * and the services it is said to watch ("does inspector scan our lambdas and ecr images?"), the watcher is asked
 * about: what it covers is its own split. A finding it raised on a resource ("inspector flagged a cve on ec2") is not
 * what it does, and stays the resource's.
 */
function watcherAskedAbout(resolution: Resolution, kb: KnowledgeBase): ServiceId | null {
  const namers = servicesNamedOrKeyed(resolution);
  const watcher = namers.find(({ service }) => {
    const card = kb.services.get(service);
    return card?.implies_topic !== undefined && card.leads_when_named_first;
  });
  if (!watcher) return null;
  const { position, phrase } = watcher.found;
  const watches = resolution.spelled.slice(position + 1, position + phraseWords(phrase) + 1).some((w) => WATCHING.has(w));
  const othersAfter = namers.some(({ service, found, byName }) => byName && found.position > position && service !== watcher.service);
  return watches && othersAfter ? watcher.service : null;
}

/**
 * The rule of a service that evaluates others (`evaluates_other_services`), said by its keyword before the resource it
 * flags ("config rule s3-bucket-public-read-prohibited is non-compliant on 3 buckets", "nobody got paged when the queue
 * backed up") and asked about the evaluator's own topic (configuration, logging), is the evaluator's card: setting up
 * its rules or alarms and acting on them. Asked about another topic ("…encrypted-volumes: should AWS have encrypted
 * them?") it stays the resource's. A WAF rule on an API or an Inspector finding on an instance is the resource's
 * whatever the topic (writers labelled them so).
 */
function ruleOfAnEvaluator(resolution: Resolution, kb: KnowledgeBase, answer: CardKey): CardKey | null {
  const first = servicesNamedOrKeyed(resolution)[0];
  if (!first || first.byName || first.service === answer.service || answer.service === null) return null;
  const card = kb.services.get(first.service);
  if (!card?.evaluates_other_services || card.implies_topic !== answer.topic) return null;
  const key = { service: first.service, topic: answer.topic };
  return cardExists(kb, key) ? key : null;
}

/**
 * A service that evaluates others (Config), asked about a topic it has nothing written on ("who catches it when
 * someone changes a security group? is that aws config"), is asked about its own topic: what it does about the
 * others' resources; the general card drawn for it is offered. (Services that only stand for a topic keep the general
 * card: asked about training on IAM or whether Secrets Manager stays up, it is the right one.)
 */
function ownTopicOverAnUnwrittenOne(kb: KnowledgeBase, answer: CardKey): CardKey | null {
  const card = answer.service ? kb.services.get(answer.service) : undefined;
  const implied = card?.implies_topic;
  if (!card?.evaluates_other_services || !implied || !answer.topic || answer.topic === implied || !TOPIC_IDS.includes(answer.topic as TopicId)) return null;
  return card.topics[answer.topic as TopicId] === undefined && card.topics[implied] !== undefined ? { service: card.id, topic: implied } : null;
}

/**
 * The policies of a service that governs others (`governs_other_services`), said by its keyword before any service is
 * named ("scps to stop anyone disabling cloudtrail"), are what is asked about; the services named after them are what
 * the policies are about.
 */
function governingPolicies(resolution: Resolution, kb: KnowledgeBase): ServiceId | null {
  const namers = servicesNamedOrKeyed(resolution);
  const first = namers[0];
  if (first?.found.term.kind !== 'service-topic') return null;
  const card = kb.services.get(first.service);
  const namedOutright = namers.some(({ service, byName }) => byName && service === first.service);
  const othersNamed = namers.some(({ service, byName }) => byName && service !== first.service);
  return card?.governs_other_services && card.implies_topic === first.found.term.topic && !namedOutright && othersNamed ? first.service : null;
}

/** The service a question describes without naming it ("the shared network drive our containers mount"), if one stands out. */
function describedService([best, next]: readonly ServiceLean[], tuning: DecisionTuning): ServiceId | null {
  if (!best || best.p < tuning.describedFloor || best.p < tuning.describedOdds * (next?.p ?? 0)) return null;
  return best.label;
}

/** A service the question's words lean to, and how likely the service model finds it among all services. */
type ServiceLean = { label: ServiceId; p: number };

interface Named {
  /** The service asked about among those named (askedService). */
  asked: ServiceId | null;
  service: ServiceId | null;
  /** Whether the service was not named but inferred from a phrase of one of its cards ("root account" → IAM). */
  inferred: boolean;
  /**
   * The other services named, those that are subjects in their own right first ("rds or aurora"), then those that
   * stand for a topic ("kms" beside "s3"): the card the question may be about instead.
   */
  others: ServiceId[];
  /**
   * Whether the service was only read from the question's words, nothing naming it: guessed by the service model, or
   * described by a single noun ("our instance").
   */
  guessed: boolean;
  /** An AWS service named that has no card, when no service with a card is the subject. */
  uncovered: string | null;
  strongConcept: boolean;
  /** With no service named or guessed, the one the words lean to most (the service model over all services). */
  leaning: ServiceLean | undefined;
}

function named(resolution: Resolution, kb: KnowledgeBase, services: ServiceModel, tuning: DecisionTuning): Named {
  const primary = askedService(resolution, kb, services, tuning);
  const keywordService = resolution.terms.find((f) => f.term.kind === 'service-topic')?.term;
  const describedTerm = resolution.terms.find((f) => f.term.kind === 'described')?.term;
  const described = describedTerm?.kind === 'described' ? describedTerm.service : null;
  const describedByANoun = describedTerm?.kind === 'described' && describedTerm.oneWord;
  const uncoveredTerm = resolution.terms.find((f) => f.term.kind === 'uncovered')?.term;
  let uncovered = uncoveredTerm?.kind === 'uncovered' ? uncoveredTerm.name : null;
  const keywordOf = keywordService?.kind === 'service-topic' ? keywordService : null;
  // "sse-kms on our buckets": a keyword of S3's encryption beside KMS, which only says encryption, asks about S3.
  const onlySaysTheKeywordsTopic =
    primary !== null && keywordOf !== null && keywordOf.service !== primary && kb.services.get(primary)?.implies_topic === keywordOf.topic;
  const asked = onlySaysTheKeywordsTopic ? keywordOf.service : primary;
  let service = asked ?? keywordOf?.service ?? (uncovered ? null : described);
  // Read from the words alone, the weakest evidence of a service there is.
  const leanings = service === null && !uncovered ? services.rank(contentStems(resolution), [...kb.services.keys()]) : [];
  const guessed = describedService(leanings, tuning);
  service ??= guessed;
  // "gamelift with kms": the service asked about is GameLift; KMS only says the topic. A card for KMS would
  // look like an answer about GameLift.
  if (uncovered && service && kb.services.get(service)?.implies_topic !== undefined && !keywordService) service = null;
  if (service) uncovered = null;
  const otherServices = new Set(resolution.terms.flatMap(({ term }) => (term.kind === 'service' && term.service !== service ? [term.service] : [])));
  const standsForTopic = (other: ServiceId) => kb.services.get(other)?.implies_topic !== undefined;
  const others = [...otherServices].sort((a, b) => Number(standsForTopic(a)) - Number(standsForTopic(b)));
  // "ec2 patch management" asks about EC2's patching: a concept phrase that stands for a topic yields to a service.
  const strongConcept = resolution.terms.some((f) => f.term.kind === 'concept' && f.term.strong && !(service && f.term.topic));
  return {
    asked,
    service,
    inferred: primary === null && service !== null,
    guessed: guessed !== null || (describedByANoun && asked === null && keywordOf === null),
    others,
    uncovered,
    strongConcept,
    leaning: guessed === null ? leanings[0] : undefined,
  };
}

/**
 * Picks the card: the topic model reads the whole question and says how likely each subject is; the service
 * named (if any) anchors it. Unsure answers offer the runner-up; questions the model places nowhere, or that ask
 * about prices, sizing or other clouds, are refused.
 */
export function decide(
  asTyped: Resolution,
  kb: KnowledgeBase,
  models: Models,
  vocabulary: Vocabulary,
  tuning: DecisionTuning = DEFAULT_DECISION_TUNING,
): Decision {
  const { asked, service, inferred, guessed, others, uncovered, strongConcept, leaning } = named(asTyped, kb, models.services, tuning);
  const resolution = readAbout(asTyped, service, vocabulary);
  const hints: CardKey[] = service ? [{ service, topic: null }] : [];
  const refuse = (reason: NoMatchReason, extra: CardKey[] = []): Decision => ({ kind: 'no_match', reason, hints: [...extra, ...hints], uncovered });
  const serviceCard = (named: ServiceId): Decision => ({
    kind: 'card',
    key: { service: named, topic: null },
    confidence: 1,
    alternatives: [],
    uncovered: null,
  });
  const overviewCard = (confidence: number, alternatives: CardKey[] = []): Decision => ({
    kind: 'card',
    key: { service: null, topic: 'overview' },
    confidence,
    alternatives,
    uncovered: null,
  });
  // Another cloud is never ours. A price or a size makes a question someone else's, unless it plainly asks who
  // secures a topic it names ("our cheapest bucket holds payroll exports, who makes sure they are encrypted?").
  const outOfScope = resolution.terms.flatMap(({ term }) => (term.kind === 'out-of-scope' ? [term] : []));
  const topicNamed = namesATopic(resolution);
  // Asked outright: "security" alone ("would that security certificate help my career?") asks nobody.
  // Whether a topic named happens by itself asks which side does it too ("the billing warehouse: encrypted by default?").
  const asksWhoAnswersForIt = (asksWhichSideOutright(resolution) && (topicNamed || service !== null)) || (asksWhatHappensByItself(resolution) && topicNamed);
  // "why is there more for us to secure on ec2 than on lambda?", "does what we own change with the kind of
  // service?": the services are examples of how the split varies (and "how much" is no price), the question is the
  // categories'.
  if (asksHowTheSplitVaries(resolution) && !outOfScope.some((t) => t.otherCloud)) {
    const categories: CardKey = { service: null, topic: 'categories' };
    return { kind: 'card', key: categories, confidence: 0.7, alternatives: service ? [{ service, topic: null }] : [], uncovered: null };
  }
  // A part of the model named outright ("abstracted services", "inherited controls", "security of the cloud") is ours
  // whatever surrounds it ("studying for the exam: why does…"); the model's loose phrases ("who does what") are not.
  const namesAPartOfTheModel = resolution.terms.some(
    ({ term }) => term.kind === 'concept' && !term.topic && (term.concept !== 'overview' || term.weight >= FULL_NAME_WEIGHT),
  );
  // The whole split asked of AWS is the model's question, whatever is said around it ("for the exam memo, what does aws
  // secure vs what we secure?").
  const wholeSplitOfTheProvider = resolution.namesTheProvider && asksForTheWholeSplit(resolution);
  const wholeSplitAsked = wholeSplitOfTheProvider && service === null && !uncovered;
  if (outOfScope.some((t) => t.otherCloud) || (outOfScope.length > 0 && !asksWhoAnswersForIt && !namesAPartOfTheModel && !wholeSplitAsked))
    return refuse('out_of_scope');
  // A choice among the tiers of a service that is itself about security ("shield advanced against the standard tier") is a choice of
  // how much of its topic AWS takes on: the split.
  const choosesAmongProducts = isChoice(resolution) && !(service && kb.services.get(service)?.implies_topic);
  if (isHowTo(resolution, vocabulary, service !== null || uncovered !== null || resolution.namesTheProvider) || choosesAmongProducts)
    return refuse('out_of_scope');
  if (asksOnlyForAContact(resolution)) return refuse('out_of_scope');
  // A pasted error line that asks nobody which side does something is a request to debug, whatever words it shares
  // with ours ("ERROR 2003: can't connect to the database server").
  if (resolution.pastesAnError && !asksWhichSide(resolution)) return refuse('not_understood');
  // "who patches the build box in our server room?", "who approves okta access?": the company's own IT or another
  // vendor's product, unless AWS or one of its services is in it.
  const outsideAws = resolution.terms.some(({ term }) => term.kind === 'outside-aws');
  // A service only guessed or described ("ssl cert … expired" reads like ACM, "the instance" of another vendor's
  // product) does not bring AWS into it.
  if (outsideAws && (!service || guessed || onlyAVendorsProduct(resolution, service)) && !uncovered && !namesAwsItself(resolution))
    return refuse('out_of_scope');
  if ((aboutARealHome(resolution) || asksAboutAnotherCompanysAuditReport(resolution)) && !service) return refuse('out_of_scope');

  // Five words or more beside service names that name no topic, concept or side at all ("helm chart values file
  // example for an eks ingress controller"): something else is asked, whatever service or word of ours it shares;
  // what becomes of something on a service ("will the files survive a dead disk on an ebs volume?") asks its guarantee.
  const namesNothingOfOurs = !topicNamed && !resolution.terms.some(({ term }) => term.kind === 'concept');
  const wordsBesideNames = resolution.spelled.length - serviceNameWords(resolution);
  const sideless = !mentionsASide(resolution) && !(service && asksWhatBecomesOfIt(resolution));
  if (namesNothingOfOurs && wordsBesideNames >= SIDELESS_WORDS && sideless) return refuse('not_understood');
  // Seven words or more with nothing of AWS in them (no service, AWS or the cloud, no part of the model) and no side
  // at all, not even "the customer": a topic word alone does not make it ours ("does gdpr let the clinic email lab
  // results unencrypted"). Across the sets, 79 such questions were lookalikes and none ours.
  const nothingOfAws = !service && !uncovered && !resolution.terms.some(({ term }) => term.kind === 'concept');
  if (nothingOfAws && resolution.typed.length >= UNPLACED_WORDS && !mentionsASide(resolution) && !resolution.typed.some((w) => CUSTOMER_WORDS.has(w)))
    return refuse('not_understood');
  // What a law asks of the company ("does gdpr require us to notify within 72 hours?"), with nothing of AWS in it and
  // nobody asked who answers for it, is a question for its lawyers.
  if (nothingOfAws && !resolution.namesTheProvider && !resolution.typed.some((w) => CUSTOMER_WORDS.has(w)) && asksWhatALawRequires(resolution))
    return refuse('out_of_scope');

  const namesAKeyword = resolution.terms.some(({ term }) => term.kind === 'service-topic');
  // Which of the company's own teams is asked even with the model's words in it ("the shared responsibility between
  // design and qa"): with neither AWS nor a service named, the phrase is common speech.
  const ourTeamsAsked = !service && !uncovered && (nothingOfAws || saysTheModelIsBetweenOthers(resolution)) && asksWhichOfOurTeams(resolution);
  if (!resolution.namesTheProvider && !namesAKeyword && ((nothingOfAws && asksToGetBackIn(resolution)) || ourTeamsAsked)) return refuse('out_of_scope');

  // Not one word we know, and neither AWS nor the cloud named: whatever it asks is about something else ("who secures
  // the front gate at the plant?"). Across the opened sets 324 such questions were lookalikes and 2 ours.
  if (resolution.terms.length === 0 && !resolution.namesTheProvider && !aboutTheModelOnly(resolution)) return refuse('not_understood');
  // A checklist of items asked about at once ("1) encryption 2) patching 3) the hardware: which are ours?") asks for
  // the whole split: the service's card, or the model's.
  if (resolution.listsItems && asksWhichSide(resolution) && !uncovered) {
    const whole: CardKey = service ? { service, topic: null } : { service: null, topic: 'overview' };
    return { kind: 'card', key: whole, confidence: 0.7, alternatives: [], uncovered: null };
  }
  // Past the gate above, a price or size word is what the data is about ("our cost report bucket is public, ours to
  // fix?"), not a sign of a question for someone else: the model does not weigh it as one.
  // The company's former setup told as the reason for asking about AWS ("whose job are firewalls in aws? we're used to
  // the fortigate at each clinic") is no sign of a question about another vendor: the model does not read it.
  const formerSetup = describesTheFormerSetup(resolution);
  const read = formerSetup && (service !== null || namesAwsItself(resolution)) ? withoutOutsideThings(resolution) : resolution;
  const features = questionFeatures(read, kb, asked).filter((feature) => feature !== OUT_OF_SCOPE_MARKER);
  const labels: Subject[] = service ? [...TOPICS, 'service', 'none', ...(strongConcept ? CONCEPTS : [])] : [...TOPICS, ...CONCEPTS, 'none'];
  const { ranked, known, relevance } = models.subjects.posterior(features, labels);
  const pOf = (label: Subject | null) => ranked.find((r) => r.label === label)?.p ?? 0;
  /** The topics the question names outright (a strong topic phrase). */
  const namedTopics = resolution.terms.flatMap(({ term }) => (term.kind === 'topic' && isStrongTopic(term) ? [term.topic] : []));
  // A topic named outright and asked of AWS and of us by name ("interns start monday and need phishing training, is
  // that aws's or on us"): the context around it is no sign of another system's question.
  const asksAwsOrUs = asksWhichOfAwsAndUs(resolution);
  // The belief that moving to AWS hands it all over is the model's question; a topic named as its example is offered.
  // So is the whole split asked by someone telling how things were done before AWS ("moving the stack off the on-prem
  // racks, how does responsibility split once we're there?"): what they did is context, not what is asked.
  const wholeSplitAfterAMove = formerSetup && wholeSplitOfTheProvider;
  if (!service && !uncovered && (asksWhetherMovingHandsItAllOver(resolution) || wholeSplitAfterAMove)) {
    const example = namedTopics[0];
    return overviewCard(0.7, example ? [{ service: null, topic: example }] : []);
  }
  /**
   * Up to two labels of a kind that the model ranks above `floor`: what a fallback card offers beside itself, so an
   * unsure answer still leads to the card the model leans to.
   */
  const leaningTo = (ofKind: (label: Subject) => boolean, floor: number): Subject[] =>
    ranked
      .filter((r) => ofKind(r.label) && r.p > floor)
      .slice(0, 2)
      .map((r) => r.label);

  // A topic or concept phrase the resolver recognised is evidence enough; relevance judges the other words.
  const recognised = resolution.terms.some(({ term }) => {
    switch (term.kind) {
      case 'service':
        return term.service !== service && kb.services.get(term.service)?.implies_topic !== undefined;
      case 'topic':
        return isStrongTopic(term);
      // A service described in plain words ("message queue") may be anyone's: the other words must vouch for it.
      case 'described':
      case 'uncovered':
      case 'outside-aws':
        return false;
      // Past the gate, a price or an exam beside no service is context ("for the exam memo, what does aws secure vs what
      // we secure?"); beside a service it still says something else is asked ("who negotiates our cdn contract?").
      case 'out-of-scope':
        return service !== null;
      default:
        return true;
    }
  });
  // Words that point at no subject: with responsibility words about AWS itself, or the whole split asked for ("so what
  // are we still on the hook for with sqs?"), the question is the split ("my boss says aws secures
  // everything, how is it divided?"), of the service named or of the model; otherwise a
  // service named beside them is incidental ("a code sample for a lambda handler") and the rest is small talk.
  const aboutTheSplit = (resolution.asksAboutTheModel || asksForTheWholeSplit(resolution)) && (service !== null || resolution.namesTheProvider);
  // A service named beside words that say little: "sqs queue policy" still leans to a topic, "our piece of the
  // bargain with sqs" leans nowhere and gets the service's own card (below). Many such words are about something
  // else, unless they ask which side does it ("do we turn the recorder on ourselves or is it there already").
  const vagueWords = !recognised && relevance < tuning.minRelevance && service !== null;
  // The service's own card answers words the model cannot place, but it is a fallback, not a reading: as likely
  // wrong as right, so the topics the model leans to are offered beside it ("is that bucket being public our
  // fault?" → S3, or S3 · Access).
  const fallbackCard = (named: ServiceId): Decision => {
    // Only topics more likely than "nothing we answer" (or a concept): the rest would be noise beside the card.
    const otherwise = ranked.find((r) => !TOPICS.includes(r.label) && r.label !== 'service')?.p ?? 0;
    const alternatives = leaningTo((label) => TOPICS.includes(label), otherwise).map((topic) => ({ service: named, topic: topic as CardKey['topic'] }));
    // A service that stands for a topic, with the model leaning to that topic first ("rotating our kms keys"): the
    // topic's card, the whole card offered.
    const implied = kb.services.get(named)?.implies_topic;
    const asksOneDuty = !resolution.asksAboutTheModel && !asksForTheWholeSplit(resolution);
    if (implied && asksOneDuty && alternatives[0]?.topic === implied) {
      return { kind: 'card', key: alternatives[0], confidence: 0.5, alternatives: [{ service: named, topic: null }], uncovered: null };
    }
    // A topic the question's shape leads to ("who decides which analysts can query it" is access), among those the
    // model leans to: that topic's card, the whole card offered.
    const led = leadingTopic(
      resolution,
      alternatives.map((key) => key.topic),
      true,
    );
    if (led && (asksOneDuty || (led.overTheWholeCard && !asksForTheWholeSplit(resolution)))) {
      return { kind: 'card', key: { service: named, topic: led.topic }, confidence: 0.5, alternatives: [{ service: named, topic: null }], uncovered: null };
    }
    return { kind: 'card', key: { service: named, topic: null }, confidence: 0.5, alternatives, uncovered: null };
  };
  // A service that stands for a topic ("kms" is encryption, "cloudtrail" logging), asked about in words the model
  // cannot place ("kms: them or me?"), is most likely asked about that topic; a bare name ("kms") asks for the
  // whole card.
  const saysMoreThanNames = resolution.typed.length > serviceNameWords(resolution);
  const unplacedCard = (named: ServiceId): Decision => {
    const implied = kb.services.get(named)?.implies_topic;
    const topicCard = implied ? { service: named, topic: implied } : null;
    if (!topicCard || !cardExists(kb, topicCard)) return fallbackCard(named);
    return { kind: 'card', key: topicCard, confidence: 0.5, alternatives: [{ service: named, topic: null }], uncovered: null };
  };
  // A service only guessed or described by a noun, among words that say nothing of ours, is everyday speech ("the
  // volume is too loud", "the trail is closed").
  if (vagueWords && guessed) return refuse('not_understood');
  // All of a named service's split asked for in so many words: its whole card, whatever topic the context names.
  if (service && !guessed && !strongConcept && asksForAllOfIt(resolution)) return serviceCard(service);
  if (vagueWords && aboutTheSplit) return fallbackCard(service);
  if (vagueWords && resolution.content.length >= tuning.offTopicWords && !asksWhichSide(resolution)) return refuse('too_vague');
  // The whole split asked of AWS, nothing of a card named, is the model's question however familiar its other words
  // ("what does amazon keep safe and what's still mine?": "keep safe" is how backups are asked about too).
  // …unless a topic the question names, however weakly ("the code we ship, ours in general?"), is what the model is
  // sure of: then that topic is asked of AWS in general.
  const namedTopicIsSure =
    resolution.terms.some(({ term }) => term.kind === 'topic' && term.topic === ranked[0]?.label) && (ranked[0]?.p ?? 0) >= tuning.namedTopicFloor;
  const wholeSplitOfAws = asksTheWholeSplitOfAws(resolution) && !namedTopicIsSure;
  if (!recognised && !service && (relevance < tuning.minRelevance || wholeSplitOfAws)) {
    if (!uncovered && (aboutTheSplit || aboutTheModelOnly(resolution) || wholeSplitOfAws)) {
      if (relevance === 0) return overviewCard(1);
      // Some words the model knows: the overview is still the fallback, and the concepts they lean to are offered.
      const concepts = leaningTo((label) => isConcept(label) && label !== 'overview', pOf('none'));
      return overviewCard(
        0.5,
        concepts.map((concept) => ({ service: null, topic: concept as CardKey['topic'] })),
      );
    }
    return refuse('not_understood');
  }
  // "where does macie sit in the shared responsibility model": the model named beside a service, and no topic, asks
  // for that service's whole split; its parties alone ("aws or us") ask which side of something.
  const namesTheModel = resolution.terms.some(
    ({ term, phrase }) => term.kind === 'concept' && term.concept === 'overview' && !term.topic && !namesOnlyTheParties(phrase),
  );
  // …unless a part of the model is named too ("what are 'container services' in the model, k8s?"): the model then
  // weighs that concept against the service (strongConcept).
  if (service && namesTheModel && !topicNamed && !strongConcept) return serviceCard(service);
  // The whole split asked for beside a service, a topic word only context ("who secures what in elasticache? our
  // auditor asks"): unless the model's likeliest topic is one the question names, it guesses from the context, and
  // the whole card is the answer, the topics it leans to offered. "aws or us" asks which side of something instead.
  const asksForTheSplit = resolution.terms.some(
    ({ term, phrase }) => term.kind === 'concept' && term.concept === 'overview' && !term.topic && !phrase.split(' ').some((w) => PARTY_WORDS.has(w)),
  );
  const likeliestTopic = ranked.find((r) => TOPICS.includes(r.label))?.label;
  const saysTopic = (topic: Subject) =>
    resolution.terms.some(({ term }) => (isStrongTopic(term) || term.kind === 'service-topic') && 'topic' in term && term.topic === topic);
  if (service && (asksForTheSplit || asksForTheWholeSplit(resolution)) && !strongConcept && likeliestTopic !== undefined && !saysTopic(likeliestTopic))
    return fallbackCard(service);
  if (known === 0) {
    if (service) return saysMoreThanNames && !asksForTheWholeSplit(resolution) ? unplacedCard(service) : serviceCard(service);
    if (aboutTheModelOnly(resolution) && !uncovered) return overviewCard(1);
    return refuse('not_understood');
  }

  // How far the best subject stands above the next: 0 for a tie, near 1 when nothing else comes close.
  const margin = (p: number, next: number | undefined) => (next === undefined || p === 0 ? 1 : Math.max(0, 1 - next / p));
  const [first, second] = ranked;
  const cards = ranked.map(({ label, p }) => ({ key: keyFor(service, label), p })).filter((c): c is { key: CardKey; p: number } => c.key !== null);
  const topHints = cards.slice(0, 2).map((c) => c.key);
  // A phrase that names a concept of the model ("the AWS shared responsibility model"), with no service or topic
  // named, says what is asked: the words around it ("hey, new here, how does … work in general?") do not refuse it.
  // The model itself is the context of every part of it: a part named beside it is what is asked ("how does the
  // division of responsibility differ among infrastructure, container and abstracted services?").
  const concepts = resolution.terms.filter((f) => f.term.kind === 'concept');
  const conceptFound = service ? undefined : (concepts.find((f) => f.term.kind === 'concept' && f.term.concept !== 'overview') ?? concepts[0]);
  const conceptNamed = conceptFound?.term;
  // A topic word beside it is context ("…security OF and IN the cloud? it keeps coming up in the audit docs") when the
  // concept is named in full and the model ranks it above every topic named.
  const outranksTopics =
    conceptNamed &&
    conceptNamed.kind === 'concept' &&
    conceptNamed.weight >= FULL_NAME_WEIGHT &&
    namedTopics.every((topic) => pOf(conceptNamed.concept) > pOf(topic));
  // A part of the model whose meaning is asked ("our pci assessor wrote 'abstracted services', what does it mean?") is
  // the question, whatever topic the context names.
  const partNamed = conceptNamed && conceptNamed.kind === 'concept' && conceptNamed.concept !== 'overview';
  const defined = partNamed && asksWhatItMeans(resolution) && !asksWhoOutright(resolution);
  // The model itself asked to be explained ("so what's the shared responsibility model? the induction wiki never says"):
  // the words around it are why it is asked, whatever "nothing we answer" or a topic makes of them.
  const explained = conceptNamed?.kind === 'concept' && conceptNamed.concept === 'overview' && asksToExplainThePhrase(resolution, conceptFound!);
  // Controls sorted by a part of the model for an audit ("which controls can we mark as inherited for the iso audit?"):
  // the audit is the context, the kinds of control the question.
  const controlsForAnAudit =
    partNamed && resolution.typed.some((w) => w === 'control' || w === 'controls') && namedTopics.every((topic) => topic === 'compliance');
  // A control the model shares ("patch management") said to be shared, however much else is said of the topic ("listed
  // as shared, shared how? they patch some things, we patch others"): what sharing it means is asked.
  const saidToBeShared = conceptNamed?.kind === 'concept' && conceptNamed.topic !== undefined && resolution.typed.includes('shared');
  const namedOnly =
    conceptNamed && (!resolution.terms.some((f) => isStrongTopic(f.term)) || outranksTopics || defined || explained || controlsForAnAudit || saidToBeShared);
  // "what does amazon take care of and what do we, coming from racks, cooling and patching ourselves": both sides
  // contrasted over several topics, no service, asks for the whole split; the likeliest topic is offered.
  const distinctTopicsNamed = new Set(namedTopics).size;
  if (!service && !uncovered && contrastsTheSides(resolution) && distinctTopicsNamed >= 2) {
    const likeliest = cards.find((c) => c.key.topic !== 'overview')?.key;
    return overviewCard(0.5, likeliest ? [likeliest] : []);
  }
  if (namedOnly && conceptNamed.kind === 'concept') {
    const concept = conceptNamed.topic && !resolution.asksAboutTheModel && !saidToBeShared ? null : conceptNamed.concept;
    const p = pOf(concept);
    // Unless AWS or the concept's full name is named, the model must rank the concept first: the short phrase
    // alone is common speech ("shared responsibility for household chores", "…between product and engineering").
    if (
      concept &&
      (resolution.namesTheProvider ||
        conceptNamed.weight >= FULL_NAME_WEIGHT ||
        defined ||
        explained ||
        controlsForAnAudit ||
        saidToBeShared ||
        p >= (ranked[0]?.p ?? 0))
    ) {
      const confidence = margin(p, ranked.find((r) => r.label !== concept)?.p);
      // Unsure, like any other card: the likeliest other card is offered beside it.
      // Asked to explain the model, a topic the question never named is no likelier reading.
      const runnerUp = cards.find((c) => c.key.topic !== concept && (!explained || namedTopics.some((topic) => topic === c.key.topic)))?.key;
      const alternatives = confidence < tuning.sure && runnerUp ? [runnerUp] : [];
      return { kind: 'card', key: { service: null, topic: concept }, confidence, alternatives, uncovered };
    }
  }
  // Asked whether AWS tells us when something of ours is unwell ("if the box runs out of memory overnight, does aws
  // wake anybody up?"), no service named: the alarms of the watcher, however many words read as another system's
  // (59 of the 62 opened questions of that shape asked of it; the other three named no AWS).
  if (!service && !uncovered && first!.label === 'none' && resolution.namesTheProvider && asksToBeToldWhenUnwell(resolution) && second?.label === 'logging') {
    const key = watchersCard(kb, 'logging');
    if (key) return { kind: 'card', key, confidence: 0.5, alternatives: [{ service: null, topic: 'logging' }], uncovered };
  }
  if (first!.label === 'none') {
    const refuseIt = service === null || margin(first!.p, second?.p) >= tuning.refuseWithService;
    // Asked for a service's whole split in words the model files under "nothing we answer" ("we're launching a
    // public api on api gateway, what's the overall split of security responsibilities?"): its card, unsure.
    if (refuseIt && service && aboutTheSplit && !topicNamed) return fallbackCard(service);
    const topicAskedOfBothSides = service === null && asksAwsOrUs && namedTopics.some((topic) => topic === second?.label);
    // A duty of the service named asked outright ("the invoices queue is on sqs: do we have to encrypt its messages?"):
    // whatever the rest of the words are, the service's duty is the question.
    const dutyOfTheServiceAsked = service !== null && !guessed && namedTopics.length > 0 && asksWhichSideOutright(resolution);
    // AWS's own evidence asked for ("…wants aws's soc 2 report, where is it") is the compliance card's, however much of
    // the question reads like another company's audit.
    const providersEvidenceAsked = service === null && second?.label === 'compliance' && asksForTheProvidersEvidence(resolution);
    if (refuseIt && !topicAskedOfBothSides && !dutyOfTheServiceAsked && !providersEvidenceAsked)
      return refuse(service ? 'too_vague' : 'not_understood', service ? [] : topHints);
  }
  // A service that is itself about a topic ("cloudtrail" is logging) makes that topic's words restate it: another
  // topic named and ranked a close second (at least 0.4 as likely) is what is asked ("cloudtrail log encryption");
  // far behind, it is context ("is cloudtrail on by default? the auditor wants a year of history").
  const restated = service ? kb.services.get(service)?.implies_topic : undefined;
  // A keyword of the service for another of its topics ("key policy" beside "decrypt") names that topic as plainly.
  const keywordTopics = resolution.terms.flatMap(({ term }) => (term.kind === 'service-topic' && term.service === service ? [term.topic] : []));
  const otherTopic = [...namedTopics, ...keywordTopics].find((topic) => topic !== restated);
  const closeSecond = margin(cards[0]?.p ?? 0, cards[1]?.p) < 0.6;
  if (restated && closeSecond && cards[0]?.key.topic === restated && otherTopic !== undefined && cards[1]?.key.topic === otherTopic) {
    [cards[0], cards[1]] = [cards[1]!, cards[0]!];
  }
  const led = leadingTopic(
    resolution,
    cards.map((c) => c.key.topic),
    false,
  );
  const firstTopic = cards[0]!.key.topic;
  const leadable = firstTopic === null ? led?.overTheWholeCard && !asksForTheWholeSplit(resolution) : TOPICS.includes(firstTopic);
  if (led && leadable) lead(cards, led.topic);
  // The thing a responsibility is said to be for ("who's responsible for the SCPs?") is what is asked, whatever the
  // context around it leans to (the label's topic in 346 of 360 such opened questions).
  // A shape that leads a topic (an image we ship is the application's) stays surer.
  const surerShape = LEADING_TOPICS.some(({ asks, over }) => over !== null && asks(resolution));
  if (!surerShape && firstTopic !== null && TOPICS.includes(firstTopic)) lead(cards, topicResponsibleFor(resolution));
  // The whole card first, yet one topic named outright and the whole split not asked for ("do i have to patch anything
  // there or is it fully managed?"): the topic named is the question, the whole card offered.
  const wholeAskedFor = asksForTheSplit || asksForTheWholeSplit(resolution) || resolution.asksAboutTheModel;
  if (cards[0]!.key.topic === null && new Set(namedTopics).size === 1 && !wholeAskedFor) lead(cards, namedTopics[0]);
  const best = cards[0]!;
  // "Nothing we answer" close behind the best card makes it as unsure as a close second card does.
  const noneP = pOf('none');
  const confidence = margin(best.p, Math.max(cards[1]?.p ?? 0, noneP));
  // Torn between two subjects that together hold most of the belief ("nobody took backups and we lost data"):
  // answer one and offer the other. Torn among many, or between a card and nothing: refuse and offer the likeliest.
  if (vagueWords && confidence < tuning.refuseBelow) return fallbackCard(service);
  // Several words that never ask which side does something, and "nothing we answer" the likeliest reading after the
  // best card: a how-to, an error message or another system's setting that happens to share our words ("how do I
  // share the marketing folder", "Access denied for user 'admin'"). Short queries ("ecr image scanning") are ours.
  const asksNothingOfUs = !asksWhichSide(resolution) && !asksForTheProvidersEvidence(resolution) && resolution.content.length >= tuning.offTopicWords + 1;
  if (asksNothingOfUs && noneP >= (cards[1]?.p ?? 0) && confidence < tuning.lookalikeBelow) return refuse('not_understood', topHints);
  const tornWithNothing = noneP > (cards[1]?.p ?? 0);
  const torn = confidence < tuning.refuseBelow && (tornWithNothing || best.p + (cards[1]?.p ?? 0) < tuning.pairMass);
  // Torn among many cards, but the best is the topic the question names outright while asking which side owns
  // it ("across the board, where does AWS's patching stop and ours begin?"), or with no word we cannot place
  // ("aws artifact"): the other words only add noise, and so is "nothing we answer" beside it when AWS and we are
  // both named (asksAwsOrUs).
  const askedOutright =
    namedTopics.some((topic) => topic === best.key.topic) &&
    ((!tornWithNothing && (asksWhichSide(resolution) || resolution.unknown.length === 0)) || asksAwsOrUs);
  // AWS's own evidence asked for ("where is aws's soc 2 report") is the compliance card's, however torn the words are.
  const providersEvidence = best.key.topic === 'compliance' && asksForTheProvidersEvidence(resolution);
  if (service === null && torn && !askedOutright && !providersEvidence) return refuse('not_understood', topHints);
  const ruleOf = ruleOfAnEvaluator(resolution, kb, best.key) ?? ownTopicOverAnUnwrittenOne(kb, best.key);
  if (ruleOf) return { kind: 'card', key: ruleOf, confidence, alternatives: [best.key], uncovered };
  const alternatives = confidence < tuning.sure && cards[1] ? [cards[1].key] : [];
  const sameTopicElsewhere =
    best.key.service && best.key.topic ? others.map((other) => ({ service: other, topic: best.key.topic })).find((key) => cardExists(kb, key)) : undefined;
  if (sameTopicElsewhere) alternatives.push(sameTopicElsewhere);
  // A service the question never named but a phrase of its cards implies ("root account" → IAM) is a guess: the
  // general card for the topic is offered beside it; asked in general, the general card answers, the guess offered.
  // So does a topic named and asked of in general with a service only its example ("in general, is tls between our
  // services ours? like inside the vpc").
  const bestTopic = best.key.topic;
  if (best.key.service && bestTopic && TOPICS.includes(bestTopic)) {
    const general: CardKey = { service: null, topic: bestTopic };
    const generalAsked = inferred || namedTopics.some((topic) => topic === bestTopic);
    if (generalAsked && asksInGeneral(resolution)) return { kind: 'card', key: general, confidence, alternatives: [best.key], uncovered };
    if (inferred) alternatives.push(general);
  }
  // Being told when something of ours is unwell ("who sets up the alert if the server's cpu pegs?") is the alarms of
  // the service that watches others for that topic (CloudWatch), the general card offered.
  if (best.key.service === null && best.key.topic && TOPICS.includes(best.key.topic) && !uncovered && asksToBeToldWhenUnwell(resolution)) {
    const key = watchersCard(kb, best.key.topic);
    if (key) return { kind: 'card', key, confidence, alternatives: [best.key], uncovered };
  }
  // A port opened to every address on something of ours ("port 8080 allowed from 0.0.0.0/0 on the build agents"), no
  // service named: an exposure on a resource, not the topic asked in general. The card of the service the words lean to,
  // else of the service whose security groups hold such rules (42 of the 50 such opened questions were labelled
  // EC2's, none the general card), the general card offered.
  if (best.key.service === null && best.key.topic === 'network' && !uncovered && opensToEveryAddress(resolution) && !asksInGeneral(resolution)) {
    const service = leaning && leaning.p >= tuning.leaningFloor ? leaning.label : SECURITY_GROUPS_SERVICE;
    const key: CardKey = { service, topic: 'network' };
    if (cardExists(kb, key)) return { kind: 'card', key, confidence, alternatives: [best.key], uncovered };
  }
  // Where data may sit, asked of the accounts an organization governs ("keep every account in our org inside eu
  // regions"), is the governing service's guardrail: its data card, the general card offered. (Every topic: −2, as
  // "mfa across all our accounts" is IAM's.)
  if (best.key.service === null && best.key.topic === 'data' && !uncovered && speaksOfTheOrgsAccounts(resolution)) {
    const governor = [...kb.services.values()].find((card) => card.governs_other_services);
    const key: CardKey | null = governor ? { service: governor.id, topic: 'data' } : null;
    if (key && cardExists(kb, key)) return { kind: 'card', key, confidence, alternatives: [best.key], uncovered };
  }
  // A general card for words that lean to one service ("the resource policy on our secret"): that service's card for
  // the topic is offered beside it.
  if (best.key.service === null && best.key.topic && TOPICS.includes(best.key.topic) && !uncovered) {
    const offered: CardKey | null = leaning && leaning.p >= tuning.leaningFloor ? { service: leaning.label, topic: best.key.topic } : null;
    if (offered && cardExists(kb, offered) && !alternatives.some((a) => a.service === offered.service && a.topic === offered.topic)) alternatives.push(offered);
  }
  return { kind: 'card', key: best.key, confidence, alternatives: alternatives.slice(0, 2), uncovered };
}

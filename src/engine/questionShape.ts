/**
 * What a question's shape says, apart from its subject: whether it asks which side does something, asks for steps,
 * compares products, asks how the split varies, or asks in general. The rules (rules.ts) read these beside the
 * models' ranking.
 */
import type { TopicId } from '../knowledge/index.js';
import type { FoundTerm, Resolution } from './resolve.js';
import type { Term, Vocabulary } from './vocabulary.js';

/** A topic alias weaker than this is an incidental word ("app", "anyone"): it does not vouch for a question alone. */
const STRONG_TOPIC_WEIGHT = 0.8;

export const isStrongTopic = (term: Term): boolean => term.kind === 'topic' && term.weight >= STRONG_TOPIC_WEIGHT;

/** Whether a topic is named outright: a strong topic phrase or a service's keyword. */
export const namesATopic = (resolution: Resolution): boolean => resolution.terms.some(({ term }) => isStrongTopic(term) || term.kind === 'service-topic');

/** How a question opens when it asks for steps (or code to copy) rather than for who is responsible. */
const HOW_TO_OPENING =
  /^(?:(?:hi|hey|hello|quick question|question) )*(?:how (?:do|can|should|would) (?:i|we|you)|how to|whats? the (?:syntax|command|code)|example of|show me how|(?:[a-z0-9]+ )?(?:snippet|code sample|boilerplate)s? (?:for|to))\b/;

const ASKS_WHO = new Set(['who', 'whos', 'whose', 'whom']);

/** Whether the question asks who: a who-word, or words about responsibility itself. */
const asksWho = (resolution: Resolution): boolean => resolution.asksAboutTheModel || resolution.typed.some((w) => ASKS_WHO.has(w));

const OUR_SIDE = new Set(['us', 'ours', 'mine']);

/** Words that ask outright who answers for something, unlike "own" ("our own servers"). */
const ANSWERS_FOR = new Set(['responsible', 'responsibility', 'accountable', 'fault', 'blame']);

const ASKING_HELPERS = new Set(['do', 'should', 'can', 'could', 'shall']);
const CONTACT_VERBS = new Set(['talk', 'ask', 'contact', 'ping', 'email', 'reach', 'call', 'speak', 'message', 'escalate', 'report', 'tell', 'notify']);

/** "who do i talk to", "who should we ping", "who to contact": a person to contact, not a side of the split. */
const asksForAContact = (typed: readonly string[], at: number): boolean =>
  (ASKING_HELPERS.has(typed[at + 1] ?? '') && (typed[at + 2] === 'i' || typed[at + 2] === 'we') && CONTACT_VERBS.has(typed[at + 3] ?? '')) ||
  (typed[at + 1] === 'to' && CONTACT_VERBS.has(typed[at + 2] ?? ''));

/**
 * "the badge reader is broken, who do i call?": whom to contact, and nothing that asks which side answers for it.
 * Across the opened sets all 67 questions that ask whom to contact (call, escalate to, report to…) were someone else's.
 */
export const asksOnlyForAContact = (resolution: Resolution): boolean =>
  resolution.typed.some((w, i) => ASKS_WHO.has(w) && asksForAContact(resolution.typed, i)) && !asksWhichSideOutright(resolution);

/** A who-word that asks who answers for something (not whom to contact), or whose responsibility or fault it is. */
export const asksWhoOutright = (resolution: Resolution): boolean =>
  resolution.typed.some((w, i) => (ASKS_WHO.has(w) && !asksForAContact(resolution.typed, i)) || ANSWERS_FOR.has(w));

/** What each party's share is called ("our side", "their part"), and whose it can be. */
const SIDE_NOUNS = new Set(['side', 'end', 'part', 'half', 'share', 'problem', 'job', 'concern', 'headache']);
const POSSESSORS = new Set(['our', 'their', 'my', 'your', 'aws', 'amazon', 'amazons', 'customer', 'customers']);

/** Words that ask whether a duty is someone's ("shouldn't aws have…", "isn't amazon supposed to…"). */
const DUTY_WORDS = new Set(['should', 'shouldnt', 'supposed', 'meant']);

/**
 * A question that asks which side does something: a who-word, "ourselves", our side named beside theirs ("them
 * or us", "will amazon rotate it or must we"), or whether AWS had a duty ("shouldn't aws have blocked it?"). "We"
 * alone is how people describe what they run, not a side.
 */
export function asksWhichSide(resolution: Resolution): boolean {
  return (
    asksWho(resolution) ||
    asksWhichSideOutright(resolution) ||
    contrastsTheSides(resolution) ||
    asksWhatHappensByItself(resolution) ||
    asksWhatBecomesOfIt(resolution)
  );
}

/**
 * "is it on by default?", "encrypted out of the box?", "does it rotate automatically?": whether AWS does it for you,
 * which asks which side does it (357 of 360 such questions across the opened sets were ours; the other three were
 * refused for naming another cloud or a quota).
 */
export const asksWhatHappensByItself = (resolution: Resolution): boolean =>
  / (?:by default|out of the box|automatically|auto (?:applied|applies|apply|updated|updates|enabled|patched|patches|rotated|rotates)) /.test(
    ` ${resolution.typed.join(' ')} `,
  );

/** Words that ask for every part of a split at once, not for one duty. */
const WHOLE_SPLIT_WORDS = new Set(['parts', 'split', 'breakdown', 'rundown', 'summary', 'overall', 'responsibilities', 'divided', 'divvied', 'apportioned']);
const VERSUS = new Set(['vs', 'versus']);

/**
 * "which parts are on us", "what's on me vs aws", "what does amazon protect and what's still on us": the whole split
 * asked for, not one duty ("who enables it", "does aws rotate them or do we").
 */
export const asksForTheWholeSplit = (resolution: Resolution): boolean => {
  const typed = resolution.typed;
  const setAgainstAParty = typed.some((w, i) => VERSUS.has(w) && (PARTY_WORDS.has(typed[i - 1] ?? '') || PARTY_WORDS.has(typed[i + 1] ?? '')));
  return (
    setAgainstAParty ||
    eachSideAskedItsPart(resolution, OUR_SIDE_OR_WE, WHAT_WORDS) ||
    typed.some((w) => WHOLE_SPLIT_WORDS.has(w)) ||
    asksForOneSidesWholePart(resolution) ||
    asksWhereTheLineIs(resolution)
  );
};

/** Whether the words as typed, joined by single spaces, match `pattern`: a shape that takes word slots. */
const saysInWords =
  (pattern: RegExp) =>
  (resolution: Resolution): boolean =>
    pattern.test(resolution.typed.join(' '));

/**
 * "give me the complete breakdown for kinesis", "our part of the entire service", "a full list of our duties on sqs":
 * all of a service's split asked for in so many words. Each of the 22 opened questions so naming a service asked for
 * its whole card.
 */
export const asksForAllOfIt = saysInWords(
  /\b(?:(?:whole|entire) service|service as a whole|full list|all (?:the )?things|(?:complete|full) (?:split|breakdown|picture))\b/,
);

/**
 * "so what is aws actually responsible for?", "what exactly does amazon take care of", "what do we really own there":
 * one side's whole part asked for, which is the whole split seen from that side (all 77 opened questions asking what
 * a side owns, secures or manages were labelled a whole service or the model).
 */
const asksForOneSidesWholePart = saysInWords(
  /\bwhat (?:\w+ )?(?:is|are|does|do) (?:aws|amazon|we|us) (?:\w+ )?(?:responsible for|accountable for|on the hook for|take care of|cover|handle|look after|own|secure|manage)\b/,
);

/** "how do i explain where the line actually is?", "where do we draw the line with aws": the split as a line. */
const asksWhereTheLineIs = saysInWords(
  /\b(?:where (?:the|that) line (?:\w+ )?(?:is|sits|falls|lies)|draw(?:s|n)? the line|where (?:does|do) (?:the|that) line)\b/,
);

/**
 * "will the files survive a dead disk?", "what happens to our data if…", "do we lose it?": what becomes of something
 * of ours, which asks about a guarantee even when no side is named.
 */
export const asksWhatBecomesOfIt = saysInWords(/\b(?:survives?|surviving|what happens|lose|losing|lost|disappear|vanish)\b/);

/**
 * "how durable is it, 11 nines?", "will the files survive a dead disk?", "who makes sure they don't vanish?", "if the disk
 * dies is the data gone?": whether what is stored outlives the hardware under it, the availability card's (63 of 68
 * such questions across the opened sets were labelled availability), not backup's, the hardware's or the data's.
 */
export const asksAboutDurability = saysInWords(
  /\b(?:durable|durability|(?:11|eleven) (?:9s|nines)|survives?|surviving|vanish(?:es)?|disappears?|(?:lose|losing|lost) (?:an? |our |the |any )?(?:objects?|files?|archives?|data)|(?:do|will|would) (?:we|i) lose|(?:dies|died|dead|fails|failed)\b.*\bgone|(?:not|dont|wont|doesnt|never) (?:get |getting |be |being |go |going )?(?:lost|corrupted|corrupt|degrade|degraded|degrading|rot|rotting)|bit ?rot)\b/,
);

/**
 * "the physical server under our instance", "the underlying hosts", "the servers lambda runs on", "the hypervisor",
 * "who destroys the old drives": the hardware under a service, the physical card's (142 of 178 such questions across
 * the opened sets were labelled physical; most others patch it or ask whether data survives it).
 */
const UNDER_THE_SERVICE =
  /\b(?:(?:physical|actual|underlying|bare metal) (?:servers?|hosts?|box(?:es)?|machines?|hardware|disks?|drives?|storage)|(?:failed |broken |dead )?(?:disks?|drives?|servers?|machines?) (?:under|underneath|beneath) |hardware|hypervisors?|the (?:servers?|hosts?|machines?) (?:that )?(?:\w+ ){0,3}runs? on)\b/;
/**
 * Deleting what is ours asks what becomes of the data ("when we delete a volume, is the disk wiped?"); staying up,
 * availability; a certification of the hardware ("validated under FIPS 140"), compliance.
 */
const NOT_THE_HARDWARE = /\b(?:delete|deleted|deleting|deletes|stays? up|uptime|fail ?over|validated|certified|certification|fips)\b/;
const DISPOSED_MEDIA =
  /\b(?:disks?|drives?|media)\b.*\b(?:wiped?|wiping|destroy(?:ed|s)?|destruction|dispos(?:e|ed|al)|shred(?:ded|ding)?|retired?|end of life)\b|\b(?:wipes?|destroys?|dispos(?:e|es|al of)|shreds?) (?:the )?(?:old |failed |retired )?(?:hard )?(?:disks?|drives?|media)\b/;
export const asksAboutTheHardware = (resolution: Resolution): boolean => {
  const typed = ` ${resolution.typed.join(' ')} `;
  return (UNDER_THE_SERVICE.test(typed) || DISPOSED_MEDIA.test(typed)) && !NOT_THE_HARDWARE.test(typed);
};

/**
 * "are our tasks sharing a host kernel with other customers?", "isolated from other customers on the same hardware": the
 * isolation between customers on shared hardware, the physical card's however much a kernel sounds like patching (all
 * 16 such questions across the opened sets); storage wiped before another customer gets it is the data's.
 */
const SHARED_HARDWARE = /\b(?:hosts?|kernels?|hardware|hypervisors?|machines?|servers?)\b/;
const OTHER_CUSTOMERS = /\b(?:other|another|different) (?:aws )?(?:customers?|tenants?)\b/;
export const asksAboutIsolationFromOtherCustomers = (resolution: Resolution): boolean => {
  const typed = resolution.typed.join(' ');
  return SHARED_HARDWARE.test(typed) && OTHER_CUSTOMERS.test(typed) && !NOT_THE_HARDWARE.test(typed) && !DISPOSED_MEDIA.test(typed);
};

/** "define shared controls", "what does abstracted service mean", "the assessor keeps using the term": a term defined. */
const WHAT_IT_MEANS = /^(?:so |ok |hey )?(?:what (?:are|is|does|do)|whats|define|definition of|meaning of)\b|\bthe term\b|\bmean(?:s|t)?\b/;
export const asksWhatItMeans = saysInWords(WHAT_IT_MEANS);

/**
 * "so what's this shared responsibility model then", "could somebody explain shared responsibility to a trainee", "the
 * model in a nutshell": asked to explain the thing the phrase names, in words right before it or in a request for a
 * short version anywhere. Followed by whom or what it is shared between ("…between product and engineering", "…for the
 * on-call rota"), the phrase is common speech, unless the provider is named.
 */
const EXPLAIN_BEFORE = /\b(?:what (?:is|s)|whats|explain|define|describe|summari[sz]e|meaning of|definition of)(?: \w+){0,2}$/;
const SHORT_VERSION =
  /\b(?:eli5|tl ?dr|in a nutshell|one liner|one (?:sentence|paragraph)|short version|plain english|simple terms|like im (?:five|5|an? \w+))\b/;
const SHARED_BETWEEN = new Set(['for', 'between', 'among', 'amongst', 'with', 'clause']);
export function asksToExplainThePhrase(resolution: Resolution, found: FoundTerm): boolean {
  const before = resolution.spelled.slice(0, found.position).join(' ');
  const after = resolution.spelled[found.position + phraseWords(found.phrase)];
  if (after !== undefined && SHARED_BETWEEN.has(after) && !resolution.namesTheProvider) return false;
  return EXPLAIN_BEFORE.test(before) || SHORT_VERSION.test(resolution.typed.join(' '));
}

/** Moving to AWS ("once we move everything to aws", "migrating into the cloud"). */
const MOVING_TO_AWS =
  /\b(?:mov(?:e|es|ed|ing)|migrat(?:e|es|ed|ing)|lift and shift(?:ing)?|going) (?:\w+ ){0,5}(?:to|into|onto) (?:the )?(?:aws|amazon|cloud)\b/;
/** AWS said to own it all: "aws is now responsible for…", "means amazon is accountable", "security is basically amazon's problem". */
const AWS_OWNS_IT =
  /\b(?:(?:aws|amazon) (?:is|are|becomes?|will be) (?:now |then |basically |fully |automatically )?(?:responsible|accountable|liable|on the hook)|security (?:is|becomes) (?:basically |now |then |all )?(?:aws|amazon)s?(?: problem| job| responsibility)?)\b/;

/**
 * "does moving to aws mean aws is now responsible for our hipaa security?", "once we move everything to aws,
 * security is basically amazon's problem?": the belief that moving hands over the whole of security, which the model
 * itself answers, whatever topic serves as the example.
 */
export const asksWhetherMovingHandsItAllOver = (resolution: Resolution): boolean => {
  const typed = resolution.typed.join(' ');
  return MOVING_TO_AWS.test(typed) && AWS_OWNS_IT.test(typed);
};

/**
 * "where is amazon's SOC 1 report kept?", "download their iso cert": AWS's own evidence of its side, which is the
 * compliance card's (AWS Artifact), however little else the question says.
 */
const namesEvidence = saysInWords(/\b(?:reports?|certificates?|certs?|certifications?|attestations?)\b/);
const asksWhereToGetIt = saysInWords(/\b(?:where|download|get hold of|obtain|find)\b/);
/** "may we hand the examiner amazon's iso certificate", "rely on their attestation": the provider's evidence as ours. */
const asksToStandOnIt = saysInWords(/\b(?:rely|relying|point|pointing|cite|citing|reuse|reusing|inherit|inheriting|lean on|leaning on|hand over|use|using)\b/);
export const asksForTheProvidersEvidence = (resolution: Resolution): boolean =>
  resolution.namesTheProvider && namesEvidence(resolution) && (asksWhereToGetIt(resolution) || asksToStandOnIt(resolution));

/**
 * "we're used to the fortigate at each clinic", "on prem we did F5 upgrades", "moving the stack off the on-prem
 * racks": how things were done before AWS, told as the reason for asking about AWS.
 */
export const describesTheFormerSetup = saysInWords(
  /\b(?:used to|we had|we did|we ran|coming from|(?:moving|moved|migrating|migrated|move) (?:\w+ ){0,4}(?:off|away from|out of)|back when|previously|last year|on prem we)\b/,
);

/**
 * "who sets up the alert if the server's cpu pegs at 100%?", "does aws page us when the portal throws 5xx?": being
 * told when something of ours is unwell, which is what alarms on its metrics do.
 */
const asksToBeTold = saysInWords(
  /\b(?:alert|alerts|alerted|alerting|alarm|alarms|page|paged|pages|paging|ping us|pings us|notify|notifies|notified|wakes?|woken|let us know|tells? us)\b/,
);
const saysItIsUnwell = saysInWords(
  /\b(?:cpu|5xx|4xx|5\d\d|error rate|errors|latency|disk (?:\w+ )?(?:filling|full)|fill(?:s|ed|ing)? up|r[au]ns? out of (?:disk|space|memory)|out of (?:disk|space|memory)|memory|goes down|went down|is down|was down|falls? over|fell over|stops? reporting|stopped reporting|unhealthy|health checks?|pegs|pegged|spikes?|spiking|timeouts?|crash(?:es|ed)?)\b/,
);
export const asksToBeToldWhenUnwell = (resolution: Resolution): boolean => asksToBeTold(resolution) && saysItIsUnwell(resolution);

/** "0.0.0.0/0", every IPv4 address, which a question's words read as five zeros: something opened to anyone at all. */
export const opensToEveryAddress = saysInWords(/(?<!\S)0 0 0 0 0(?!\S)/);

/** What stands between "responsible for" and the thing it is for: articles, owners and light verbs. */
const BEFORE_THE_OBJECT = new Set([
  'the',
  'our',
  'their',
  'its',
  'this',
  'that',
  'these',
  'those',
  'all',
  'any',
  'making',
  'sure',
  'setting',
  'up',
  'managing',
  'maintaining',
  'configuring',
]);
const RESPONSIBLE_FOR = /(?:^| )(?:responsible for|responsibility for|accountable for|in charge of|on the hook for)$/;

/**
 * "who's responsible for the SCPs", "who is accountable for hardening the worker nodes": the topic of the thing a
 * responsibility is said to be for, when a phrase of ours stands right there.
 */
export function topicResponsibleFor(resolution: Resolution): TopicId | undefined {
  const { spelled, terms } = resolution;
  for (const { term, phrase, position } of terms) {
    if (!(isStrongTopic(term) || term.kind === 'service-topic') || !('topic' in term) || phrase.endsWith('ing')) continue;
    let before = position - 1;
    while (before >= 0 && BEFORE_THE_OBJECT.has(spelled[before]!)) before--;
    if (RESPONSIBLE_FOR.test(spelled.slice(Math.max(0, before - 2), before + 1).join(' '))) return term.topic;
  }
  return undefined;
}

/**
 * "who rotates the customer managed key we use for the bucket?", "kms cmk automatic rotation ours?": an encryption key
 * rotated, not a credential (an access key, an api key, a secret, a password, a certificate).
 */
const saysRotate = saysInWords(/\brotat(?:e|es|ed|ing|ion|ions)\b/);
const namesAKey = saysInWords(/\b(?:keys?|cmks?|kms)\b/);
const namesACredential = saysInWords(
  /\b(?:access|api|ssh|signing|iam|user|github) keys?\b|\b(?:secrets?|passwords?|credentials?|certificates?|certs?|tokens?)\b/,
);
export const asksAboutRotatingAKey = (resolution: Resolution): boolean => saysRotate(resolution) && namesAKey(resolution) && !namesACredential(resolution);

/** "is detective on by default for a new account?", "does macie turn itself on org-wide?", "shield: just on, nothing to do?". */
export const asksWhetherItIsSwitchedOn = saysInWords(
  /\b(?:(?:on|enabled|active) by default|turns? (?:itself |themselves |it )?on|switch(?:es)? (?:itself |it )?on|just on|enabled? (?:automatically|in (?:every|all|each) regions?)|(?:turned|switched) on automatically)\b/,
);

const TRAINING_WORDS = new Set(['train', 'trains', 'trained', 'training', 'trainings', 'teach', 'teaches', 'teaching', 'taught']);
/** What "training" means in machine learning ("training data", "a training job"): no one is taught anything. */
const MACHINE_LEARNING_NOUNS = new Set(['data', 'dataset', 'datasets', 'job', 'jobs', 'model', 'models', 'set', 'sets', 'run', 'runs', 'pipeline', 'cluster']);

/** "who trains our developers on iam?", "is security training on us?": people taught, whatever the subject. */
export const asksAboutTraining = (resolution: Resolution): boolean =>
  resolution.typed.some((w, i) => TRAINING_WORDS.has(w) && !MACHINE_LEARNING_NOUNS.has(resolution.typed[i + 1] ?? ''));

/**
 * "who can pull our images?", "who decides who's allowed to query it?", "making sure only our app can publish", "who
 * decides which analysts can query it", "other people can't read it", "what stops the test account from reading it": who
 * is allowed to do something, whatever it is done to (of 103 such in-domain questions across the opened sets, 100 were
 * about access; of the 10 that allow only someone, all 10; of the 45 that choose which people, roles or functions may,
 * all 45; of the 7 that keep someone from doing it, all 7).
 */
const WHO_MAY =
  /\bwho (?:can|may|is allowed to)\b|\b(?:decides?|controls?|controlling|chooses?|sets?|restricts?|manages?|determines?|limits?) who(?:s| s| is)? (?:gets|has|is allowed|allowed|can|may)\b|\bonly (?:our|the|my|this|that|these|those|authori[sz]ed|approved|specific|certain) (?:\w+ ){0,3}(?:can|may)\b|\b(?:(?:random|other|outside|unknown) (?:people|users|accounts|folks)|strangers|outsiders) (?:cant|cannot|can not|wont be able to)\b|\b(?:nobody|no one|noone) else can\b|\b(?:restrict|restricts|restricting|limit|limits|limiting|scope|scoping) (?:\w+ ){1,4}to (?:only )?(?:their|its|his|her|our) own\b|\b(?:decides?|deciding|controls?|controlling|chooses?|choosing|restricts?|limits?|determines?|manages?) which (?:\w+ ){0,5}(?:analysts?|users?|people|folks|staff|engineers?|scientists?|teams?|members?|developers?|devs?|roles?|accounts?|lambdas?|functions?|apps?|applications?|principals?|contractors?|consultants?|vendors?|employees?|colleagues?|interns?|operators?|auditors?|admins?|partners?|customers?|clients?|tenants?|students?|teachers?) (?:can|may|are allowed|is allowed|get|have)\b|\b(?:keeps?|keeping|stops?|stopping|prevents?|preventing|blocks?|blocking) (?:\w+ ){0,5}from (?:being )?(?:reading|read|publishing|pulling|pulled|accessing|accessed|subscribing|calling|invoking|downloading|downloaded|grabbing|seeing|viewing|editing|deleting|deleted|writing|sending|using|querying|changing|modifying|assuming|decrypting)\b/;
/**
 * "afraid an outsider could repoint our domain", "read by staff who shouldn't": someone doing what they must not,
 * which is who is allowed to (of 24 opened questions that fear someone could, 19 were about access).
 */
const SOMEONE_WHO_MUST_NOT =
  /\b(?:someone|somebody|anyone|anybody|an outsider|outsiders|a stranger|strangers|an attacker|attackers|a hacker|hackers|the wrong (?:person|people)) (?:\w+ ){0,2}(?:could|can|might|would be able to|is able to) (?:change|edit|modify|repoint|redirect|hijack|read|delete|publish|invoke|call|pull|push|download|decrypt|assume|get into|get at)\b|\b(?:changed|edited|modified|read|deleted|accessed|used|opened) by (?:someone|somebody|anyone|anybody|people|users|staff) (?:who|that) (?:shouldnt|should not|isnt|is not|arent|are not|has no|have no)\b/;
export const asksWhoIsAllowed = saysInWords(new RegExp(`${WHO_MAY.source}|${SOMEONE_WHO_MUST_NOT.source}`));

/**
 * "an intern left the bucket public", "someone made the X bucket public", "shared a snapshot as public", "a public
 * snapshot", "is ours public?": stored things opened to everyone, which is who may read them (block public access,
 * policies, ACLs), whatever the data in them is.
 */
const STORED_NOUNS = '(?:buckets?|snapshots?|objects?|files?|folders?|prefix|repo|repos|repository|ami|amis|archives?)';
const STORED_THING = new RegExp(`\\b${STORED_NOUNS}\\b`);
/** Doings that make a thing public, after it ("was left public") or before it ("made the bucket public"). */
const MAKING = 'made|make|makes|making|set|left|flipped';
const MADE_PUBLIC = new RegExp(
  `\\b(?:${STORED_NOUNS}|ours|it|them) (?:\\w+ ){0,3}(?:is|was|were|are|went|got|became|be|being|isnt|wasnt|arent|accidentally|${MAKING}) (?:\\w+ )?public\\b|\\b(?:shared|sharing|shares|marked|turned|opened|${MAKING}) (?:\\w+ ){0,4}${STORED_NOUNS} (?:\\w+ ){0,3}(?:as |to )?public\\b|\\bpublic ${STORED_NOUNS}\\b|\\bacl (?:\\w+ )?public read\\b`,
);
export const saysStoredThingsWentPublic = (resolution: Resolution): boolean => {
  const typed = resolution.typed.join(' ');
  return STORED_THING.test(typed) && MADE_PUBLIC.test(typed);
};

/**
 * "our images have critical CVEs", "a vulnerable npm package we bundle", "pulls in an old version of a library": what
 * we build and ship (container images, libraries, a function's package or layer), not an operating system or engine
 * someone patches; "the library app" is a library's own system.
 */
const WHAT_WE_SHIP =
  /\b(?:(?:container|base|docker|our|the|ecr) images?|images? in ecr|images? we (?:build|deploy|ship)|dependency|dependencies|npm|pip|maven|libs|libraries|library(?! (?:app|apps|application|catalog|system|server|site|website|portal)\b)|packaged with|deployment package|pull(?:s|ed|ing)? in|bundled?|bundles|vendored|requirements txt|package json|package lock|layers?|node modules|third party (?:code|packages|libraries)|(?:application|app) code|code (?:we|that we) (?:write|wrote|deploy|ship|run))\b/;
export const namesWhatWeShip = saysInWords(WHAT_WE_SHIP);

/**
 * "the db password is a plaintext env var", "an api token hardcoded in the function": a secret kept where the
 * application keeps its settings or code, which is how the application handles secrets, not how data is encrypted.
 */
const KEPT_IN_THE_APPLICATION = /\b(?:env(?:ironment)? var(?:iable)?s?|hard ?coded)\b/;
export const keepsASecretInTheApplication = saysInWords(KEPT_IN_THE_APPLICATION);

/** Words that name a law or its makers. */
const LAW_WORDS = new Set([
  'gdpr',
  'hipaa',
  'ferpa',
  'ccpa',
  'sox',
  'regulator',
  'regulators',
  'regulation',
  'regulations',
  'law',
  'laws',
  'legal',
  'statute',
  'directive',
]);
/** Below this many words a law's name is a topic asked for ("hipaa"), not a question about what it requires. */
const LAW_QUESTION_WORDS = 4;

/**
 * "does gdpr require us to notify within 72 hours?", "how long must we keep records under the regulator's rules?":
 * what a law asks, with nobody asked who answers for it (of 15 such questions with nothing of AWS across the opened
 * sets, 14 were lookalikes and the other the single word "hipaa").
 */
export const asksWhatALawRequires = (resolution: Resolution): boolean =>
  resolution.typed.length >= LAW_QUESTION_WORDS && resolution.typed.some((w) => LAW_WORDS.has(w)) && !asksWho(resolution);

/**
 * Getting a person back in: locked out, unlocking, resetting or forgetting a password (of some system: "reset the
 * rota password"), not getting in; or a connection that will not come up or keeps dropping.
 */
const BACK_IN =
  /\b(?:locked (?:(?:me|him|her|them|us|myself) )?out|locked after|unlock|(?:reset|forgot|forgotten) (?:(?:my|his|her|their|the|our|your|a) )?(?:[a-z0-9]+ )?(?:password|passwords|login|pin)|password (?:reset|expired|has expired|is expired)|wont accept (?:my|the) (?:new )?password|(?:cant|cannot|couldnt) (?:log|sign) ?in|(?:login|log in|sign in) (?:is )?(?:broken|locked|not working)|(?:wont|cant|cannot|couldnt|unable to) (?:re)?connect|keeps? (?:dropping|disconnecting))\b/;

/**
 * "the timesheet portal rejects my new password", "the ticketing tool locked me out", "the vpn keeps dropping at
 * home": a person's way back into some login or connection. Of 68 such distinct questions across the opened sets,
 * 67 were another system's help-desk matter; the other named its service (a KMS key policy that locked its writer
 * out).
 */
export const asksToGetBackIn = saysInWords(BACK_IN);

const WHAT_OR_WHICH = new Set(['what', 'which']);
const WHAT_WORDS = new Set([...WHAT_OR_WHICH, 'whats']);
const WE = new Set(['we']);
const OUR_SIDE_OR_WE = new Set([...OUR_SIDE, ...WE]);

/** The provider named, one of `ours` for our side, and two of `whats`: each side asked what its part is. */
const eachSideAskedItsPart = (resolution: Resolution, ours: ReadonlySet<string>, whats: ReadonlySet<string>): boolean =>
  resolution.namesTheProvider && resolution.typed.some((w) => ours.has(w)) && resolution.typed.filter((w) => whats.has(w)).length >= 2;

/** "tell me what amazon covers and what we cover": the provider and "we" each given their part. */
export const contrastsTheSides = (resolution: Resolution): boolean => eachSideAskedItsPart(resolution, WE, WHAT_OR_WHICH);

/**
 * "do we have to patch it?", "do we still need to…", "do we stop having to…": whether a duty is ours (396 of 400 such
 * questions across the opened sets were ours); so is "do we turn it on / enable it / set it up" (35 of 36, the other
 * a career), and "do we patch / configure / manage / own it" (173 opened questions, none a lookalike). "how do we…"
 * asks for steps, and "how many instances do we need to…" a size.
 */
const OURS_TO_DO =
  /(?<!\bhow )\b(?:do|must|should|would|will) (?:we|i) (?:still |even |also |ever |actually |really |now |then |always |usually |typically )?(?:have to|need to|stop having to|no longer have to|still need to|turn|switch|enable|activate|flip|set (?:it |that |this |them )?up|configure|manage|handle|maintain|patch|own)\b|\bor (?:is (?:it|that|this) )?(?:something|stuff|things?) (?:that )?(?:we|i) (?:have to|need to|must|should)\b/;
const ASKS_A_SIZE = /\bhow (?:many|much)\b/;
const asksWhetherItIsOursToDo = (resolution: Resolution): boolean => {
  const typed = resolution.typed.join(' ');
  return OURS_TO_DO.test(typed) && !ASKS_A_SIZE.test(typed);
};

const ON_THE_PROVIDER = /\b(?:(?:is|was) that|thats) on (?:aws|amazon|them)\b/;

/** Asks which side in so many words: responsibility words alone ("security", "responsibility") do not count. */
export function asksWhichSideOutright(resolution: Resolution): boolean {
  const typed = resolution.typed;
  if (asksWhetherItIsOursToDo(resolution)) return true;
  if (asksWhoOutright(resolution) || typed.includes('ourselves') || typed.includes('ours') || namesBothSides(resolution)) return true;
  // "is that on us?", and of the other side "is that on amazon?" (never "is it on aws", which asks where it runs)
  if (typed.some((w, i) => w === 'us' && typed[i - 1] === 'on') || ON_THE_PROVIDER.test(typed.join(' '))) return true;
  // "what's left on our side?", "is that their part?"
  if (typed.some((w, i) => SIDE_NOUNS.has(w) && POSSESSORS.has(typed[i - 1] ?? ''))) return true;
  if (resolution.namesTheProvider && typed.some((w) => DUTY_WORDS.has(w))) return true;
  if (asksWhatTheProviderDoes(typed)) return true;
  if (resolution.namesTheProvider && typed.some((w) => OUR_SIDE.has(w))) return true;
  // "them or us", "us vs them"; not "cost us … of them" (the snapshots).
  return typed.some((w, i) => OUR_SIDE.has(w) && typed.slice(Math.max(0, i - 2), i + 3).includes('them'));
}

/** Words that open a question about what someone does or will do. */
const ASKING_VERBS = new Set(['is', 'does', 'do', 'will', 'would', 'can', 'isnt', 'doesnt', 'wont']);

/** Words after the provider's name that say what it ought to do or own ("aws should have…", "an aws thing"). */
const OUGHT_OR_OWN = new Set(['should', 'shouldve', 'would', 'wouldve', 'supposed', 'meant', 'thing']);

/**
 * "is aws going to fix those?", "does amazon rotate them?", "something aws should've caught", "is that an aws thing":
 * a question about what the provider does for you, or ought to.
 */
const asksWhatTheProviderDoes = (typed: readonly string[]): boolean =>
  typed.some((w, i) => (w === 'aws' || w === 'amazon') && ((i > 0 && ASKING_VERBS.has(typed[i - 1]!)) || OUGHT_OR_OWN.has(typed[i + 1] ?? '')));

/** The words of the model's analogy: the provider as a landlord, the customer as a tenant. */
const ANALOGY_WORD = /\b(?:landlords?|tenants?|apartments?)\b/;
/** Words that say a home is a comparison ("is it like renting an apartment?", "the landlord analogy"). */
const COMPARING_WORDS = new Set(['like', 'analogy', 'analogies', 'compare', 'compared', 'comparing', 'comparison', 'metaphor', 'similar', 'srm']);

/**
 * "my apartment landlord won't fix the heating, who's responsible?": the analogy's words with nothing that makes
 * them one (AWS, the model named, a comparison) are about a real home.
 */
export function aboutARealHome(resolution: Resolution): boolean {
  const concepts = resolution.terms.filter(({ term }) => term.kind === 'concept');
  if (concepts.length === 0 || !concepts.every(({ phrase }) => ANALOGY_WORD.test(phrase))) return false;
  return !resolution.namesTheProvider && !resolution.typed.some((w) => COMPARING_WORDS.has(w));
}

/** "every account in our org", "org-wide", "all the member accounts": the accounts an organization governs. */
export const speaksOfTheOrgsAccounts = saysInWords(
  /\b(?:(?:our|the|an|whole|entire) (?:aws )?(?:org|organi[sz]ation)|org wide|organi[sz]ation wide|via the org|member accounts|every account|all (?:of )?(?:our |the )?(?:\w+ )?accounts|each account)\b/,
);

/** An audit report a company hands its customers ("their SOC 2 Type II", "a SOC 1 report"). */
const AUDIT_REPORT = /\b(?:soc ?[123]|soc reports?|type (?:ii|2) reports?)\b/;
/** Another company we buy from: a vendor, a supplier, a SaaS. */
const ANOTHER_COMPANY = /\b(?:vendors?|suppliers?|saas|third party|their|theirs)\b/;

/**
 * "the payroll saas emailed their soc 1 report, who signs off on it?": another company's audit report, with AWS and
 * its services never named, is vendor risk management, not the split (all 6 such opened questions were lookalikes).
 */
export const asksAboutAnotherCompanysAuditReport = (resolution: Resolution): boolean => {
  const typed = resolution.typed.join(' ');
  return !resolution.namesTheProvider && AUDIT_REPORT.test(typed) && ANOTHER_COMPANY.test(typed);
};

/** AWS and our side both named, and which of them asked outright ("is that something aws covers or on us"). */
export const asksWhichOfAwsAndUs = (resolution: Resolution): boolean =>
  resolution.namesTheProvider &&
  asksWhichSideOutright(resolution) &&
  resolution.typed.some((w) => OUR_SIDE.has(w) || w === 'ourselves' || CUSTOMER_WORDS.has(w));

/** Words that place a question on a side of the split: who, the asker's own side, or the other one's. */
const SIDE_WORDS = new Set([...ASKS_WHO, ...OUR_SIDE, 'we', 'our', 'ourselves', 'i', 'my', 'me', 'they', 'them', 'their']);

/** Words that name a party to the split: a phrase with one asks which side, not for the split as a whole. */
export const PARTY_WORDS = new Set([...OUR_SIDE, 'we', 'our', 'ourselves', 'i', 'my', 'me', 'they', 'them', 'their', 'aws', 'amazon', 'amazons']);

/** Who the split is between, and the words that stand for either side. */
const SIDE_OF_THE_SPLIT = new Set([...PARTY_WORDS, 'customer', 'customers', 'provider', 'cloud', 'you', 'your', 'yours']);

const BETWEEN_PARTIES = new Set([...SIDE_OF_THE_SPLIT, 'or', 'vs', 'versus', 'and']);

/** A phrase of the model made of its parties alone ("aws or us", "customer vs aws") asks which side, not about the model. */
export const namesOnlyTheParties = (phrase: string): boolean => phrase.split(' ').every((w) => BETWEEN_PARTIES.has(w));
const WHICH_UNIT = /\b(?:which|what) (?:team|teams|department|dept|group|unit|function)\b/;

/**
 * "which team owns the vault cameras?", "the split between product and engineering", "who patches it, platform or
 * SRE?": which of the company's own people does something, with neither AWS nor the customer among the choices.
 * Of 14 such questions that name nothing of AWS across the opened sets, 13 were lookalikes; the other described its
 * service ("the managed queue between checkout and fulfilment"), which keeps a question ours.
 */
export const asksWhichOfOurTeams = (resolution: Resolution): boolean => {
  const typed = resolution.typed;
  if (WHICH_UNIT.test(typed.join(' '))) return true;
  const near = (at: number) => typed.slice(Math.max(0, at - 3), at + 4).some((w) => SIDE_OF_THE_SPLIT.has(w));
  const between = typed.indexOf('between');
  const and = between < 0 ? -1 : typed.indexOf('and', between);
  if (and > between && and - between <= 4 && !near(between + 1) && !near(and)) return true;
  const lastOr = typed.lastIndexOf('or');
  return lastOr >= typed.length - 5 && lastOr > 0 && asksWho(resolution) && !near(lastOr);
};

/** A phrase of the model said of whoever comes next ("the shared responsibility between design and qa"). */
export const saysTheModelIsBetweenOthers = (resolution: Resolution): boolean =>
  resolution.terms.some(({ term, phrase, position }) => term.kind === 'concept' && resolution.spelled[position + phraseWords(phrase)] === 'between');

/** Words that say an amount changes from one thing to another. */
const VARYING_WORDS = new Set([
  'change',
  'changes',
  'changing',
  'differ',
  'differs',
  'different',
  'shrink',
  'shrinks',
  'grow',
  'grows',
  'vary',
  'varies',
  'depend',
  'depends',
  'depending',
  'than',
]);
/** Words that set one thing against another. */
const CONTRASTS = new Set([...VARYING_WORDS, 'difference', 'differences', 'but', 'vs', 'versus', 'whereas', 'unlike']);
/** Words that group services by how much AWS runs for you. */
const KIND_WORDS = new Set(['type', 'types', 'kind', 'kinds', 'grouping', 'groupings', 'tier', 'tiers', 'tiering', 'managed', 'class', 'classes']);
/** Words for the customer's share of the work. */
const SHARE_WORDS = new Set([
  'share',
  'work',
  'split',
  'secure',
  'security',
  'responsibility',
  'responsibilities',
  'responsible',
  'own',
  'duties',
  'tasks',
  'burden',
  'effort',
]);
/** The share said as what is left to do ("way more to do on ec2 than on dynamodb"). */
const LEFT_TO_DO = / to do /;

/**
 * "why does how much we secure change between something like ec2 and something like s3?", "does the split depend on
 * how managed the service is?": how the split varies with the kind of service, asked with services as examples.
 * A topic named ("encryption differs between s3 and ebs") makes it that topic's question instead.
 */
export function asksHowTheSplitVaries(resolution: Resolution): boolean {
  const typed = resolution.typed;
  const services = new Set(resolution.terms.flatMap(({ term }) => (term.kind === 'service' || term.kind === 'described' ? [term.service] : [])));
  // Two services set against each other beside the categories named ("we patch one but not the other: is that the
  // service categories?"): whatever duty they are compared on is the example.
  const namesTheCategories = resolution.terms.some(({ term }) => term.kind === 'concept' && term.concept === 'categories');
  const namedOutright = new Set(resolution.terms.flatMap(({ term }) => (term.kind === 'service' ? [term.service] : [])));
  if (namesTheCategories && namedOutright.size >= 2 && typed.some((w) => CONTRASTS.has(w))) return true;
  const namesAShare = typed.some((w) => SHARE_WORDS.has(w)) || LEFT_TO_DO.test(` ${typed.join(' ')} `);
  if (!typed.some((w) => VARYING_WORDS.has(w)) || !namesAShare) return false;
  if (!typed.some((w) => KIND_WORDS.has(w)) && services.size < 2) return false;
  return !namesATopic(resolution);
}

/** "in general", "generic question", "regardless of / no matter which service", "across all services": no one service is asked about. */
const IN_GENERAL =
  /\b(?:in general|generally|general terms|generic|general q(?:uestion)?|regardless of|no matter (?:the|which|what) (?:aws )?services?|across (?:all|every|the) (?:aws )?services?|(?:any|every|all) (?:aws )?services?|across aws)\b/;

export const asksInGeneral = saysInWords(IN_GENERAL);

/**
 * Security itself the duty asked about ("amazon or us, who is accountable for security?", "…for securing it all?"),
 * not one kind of it ("security cameras", "security awareness training") nor of one thing ("security of our code"): asked
 * of AWS, the whole split.
 */
const SECURITY_ITSELF =
  /\b(?:responsible|accountable|in charge|on the hook) for (?:the )?(?:securing (?:it|this|that|them|everything|things|stuff)\b|(?:security|securing)(?= (?:of|in|on) (?:aws|amazon|the cloud|everything|it all)\b| (?:when|once|if|with|for|us|them|aws|amazon|between|and|or)\b|$))/;

export const asksWhoSecuresAtAll = saysInWords(SECURITY_ITSELF);

/** A phrase of the model that names the parties ("aws or us", "us vs amazon"). */
const namesBothSides = (resolution: Resolution): boolean =>
  resolution.terms.some(({ term, phrase }) => term.kind === 'concept' && phrase.split(' ').some((w) => PARTY_WORDS.has(w)));

/** How many words a question with nothing of AWS in it may run to without naming a side. */
export const UNPLACED_WORDS = 7;
/** The customer named as a side ("always customer side?", "customer-owned across the board?"). */
export const CUSTOMER_WORDS = new Set(['customer', 'customers']);

/** How many words a question may run to without naming a side, a topic or a concept before it is someone else's. */
export const SIDELESS_WORDS = 5;

/** How many words a phrase found in a question spans. */
export const phraseWords = (phrase: string): number => phrase.split(' ').length;

/** How many of a question's words name services ("AWS Identity and Access Management (IAM)": all of them). */
export const serviceNameWords = (resolution: Resolution): number =>
  resolution.terms.reduce((n, { term, phrase }) => n + (term.kind === 'service' ? phraseWords(phrase) : 0), 0);

/** Whether the question speaks of either side at all: a side word, AWS itself, or responsibility. */
export const mentionsASide = (resolution: Resolution): boolean =>
  resolution.namesTheProvider ||
  resolution.asksAboutTheModel ||
  resolution.typed.some((w) => SIDE_WORDS.has(w) || CUSTOMER_WORDS.has(w)) ||
  asksWhatHappensByItself(resolution);

/** A concept phrase of three words or more ("shared responsibility model") names it outright (see phraseWeight). */
export const FULL_NAME_WEIGHT = 2;

/** "rotating the access logs how to": steps asked for in two words at the end. */
const HOW_TO_ENDING = /\bhow to\s*$/;

/**
 * "terraform example for a lifecycle rule", "anyone have a helm chart template i can copy": code asked for, in words of
 * code, and no side asked (a module or template that says who must fix something is a finding, not a request).
 */
const CODE_REQUEST =
  /\b(?:terraform|tf|cloudformation|cfn|cdk|pulumi|helm|yaml|yml|json|bicep|ansible|boto3|python|bash|powershell)\b(?: \S+){0,4} (?:examples?|snippets?|samples?|boilerplate|modules?|templates?)\b/;

/** "…, how to fix?", "the run failed, how do i open a ticket with the vendor": steps asked for after the story. */
const HOW_TO_LATER = /\bhow (?:to|do (?:i|we)|can (?:i|we)) [a-z]+/;

/** The categories or the shared controls named ("abstracted services", "inherited controls"), not the model as a whole. */
const namesCategoriesOrSharedControls = (resolution: Resolution): boolean =>
  resolution.terms.some(({ term }) => term.kind === 'concept' && term.concept !== 'overview' && !term.topic);

/**
 * "How should we design our tables?", "eventbridge cron schedule how to": steps asked for that name no topic and
 * nothing asking which side does them belong to the service's documentation, whatever service they name (across
 * the opened sets, 99 of 105 how-to openings were lookalikes). Naming a topic ("how do i turn on default encryption
 * for a bucket"), the card says what is ours to do, unless the how-to is about code or tooling ("how do I
 * configure retries in the aws sdk?") or names nothing of AWS at all (`namesAws` false): some other system's.
 */
export function isHowTo(resolution: Resolution, vocabulary: Vocabulary, namesAws: boolean): boolean {
  const text = ` ${resolution.typed.join(' ')} `;
  if (CODE_REQUEST.test(text) && !asksWhichSide(resolution)) return true;
  if (!HOW_TO_OPENING.test(text.trim()) && !HOW_TO_LATER.test(text) && !HOW_TO_ENDING.test(text)) return false;
  if (asksWho(resolution)) return false;
  // "how do i tell which category a service falls into?": steps for reading the model are the model's.
  if (namesCategoriesOrSharedControls(resolution)) return false;
  if (!asksWhichSide(resolution) && !namesATopic(resolution)) return true;
  // Steps asked for with nothing of AWS in the question ("how do we password-protect the board minutes before mailing them") are about
  // some other system, whatever security word they share with ours.
  return !namesAws || vocabulary.tooling.some((phrase) => text.includes(` ${phrase} `));
}

/** A choice between products: "x vs y, which should we use", "difference between x and y", "x or y for …". */
const CHOICE = /\b(?:vs|versus|difference between|which (?:one|is better|should (?:i|we) (?:use|pick|choose))|should (?:i|we) (?:use|pick|go with))\b/;

/**
 * "SQS standard vs FIFO, which should I use?": choosing between products is architecture advice, not who secures
 * what. It stands only while nothing names a security topic or the model, and nobody is asked who is responsible
 * ("rds vs aurora patching" and "kms or cloudhsm, who holds the keys?" are ours).
 */
export function isChoice(resolution: Resolution): boolean {
  if (!CHOICE.test(resolution.typed.join(' '))) return false;
  // "us vs aws", "what's on us": the two sides of the split are what is compared.
  if (asksWho(resolution) || asksWhichSideOutright(resolution) || resolution.namesTheProvider || resolution.typed.some((w) => OUR_SIDE.has(w))) return false;
  return !namesATopic(resolution) && !resolution.terms.some(({ term }) => term.kind === 'concept');
}

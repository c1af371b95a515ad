import { decodeSlackEntities } from '../text/entities.js';
import { foldPhrase, words } from '../text/phrase.js';

/** Past this many words a message is a paste, not a question: only its start is read. */
const MAX_WORDS = 120;

/** Longer than any word people type: a hash, a key or a paste, and too costly to fuzzy-match. */
const MAX_WORD_LENGTH = 40;

export interface NormalizedQuery {
  /** Slack markup resolved to what a person sees: safe to echo once escaped. */
  readable: string;
  /** Folded words (lower case, no accents or punctuation) the resolver works on. */
  words: string[];
  /** Whether the message carries a pasted error line, which folding would hide (see PASTED_ERROR). */
  pastesAnError: boolean;
  /** Whether the message numbers three items or more, which folding would hide (see NUMBERED_ITEMS). */
  listsItems: boolean;
}

/** A checklist: "1) … 2) … 3) …" or "1. … 2. … 3. …", inline or one item per line. */
const NUMBERED_ITEMS = /(?:^|\s)1[).]\s[\s\S]*?\s2[).]\s[\s\S]*?\s3[).]\s/;

/**
 * What an error line pasted from a terminal or a log looks like: a code in capitals joined by underscores
 * ("CERTIFICATE_VERIFY_FAILED"), "Error:", "ERR! code", "ERROR 1045", an error's or exception's class name
 * ("NoCredentialsError", "ThrottlingException"), or an alarm notification's state ("ALARM: …").
 */
const PASTED_ERROR = [/\b[A-Z][A-Z0-9]*_[A-Z0-9_]{2,}\b/, /\b(?:error|err)(?:!|:|\s+\d{3,}|\s+code\b)/i, /[a-z](?:Error|Exception)\b/, /\bALARM:/];

/** A security group is EC2's (its API and console are EC2's), whatever it guards. */
export const SECURITY_GROUPS_SERVICE = 'ec2';

/** Buckets are S3's. */
export const BUCKETS_SERVICE = 's3';

/**
 * AWS resource identifiers pasted into a question name the kind of resource they belong to: the words for it
 * replace them, so that "3389 open on i-0a1b2c3d" is about an EC2 instance and "we run it on an m5.large" about
 * EC2 and its sizing.
 */
const RESOURCE_IDS: [RegExp, string][] = [
  [/\bi-[0-9a-f]{6,17}\b/gi, ' ec2 instance '],
  [/\bvol-[0-9a-f]{6,17}\b/gi, ' ebs volume '],
  [/\bsnap-[0-9a-f]{6,17}\b/gi, ' ebs snapshot '],
  [/\bsg-[0-9a-f]{6,17}\b/gi, ` ${SECURITY_GROUPS_SERVICE} security group `],
  [/\bAKIA[0-9A-Z]{0,16}\b/g, ' access key '],
  // A log group's name is a path: "/aws/lambda/intake" is where CloudWatch Logs keeps a service's logs, and the path
  // after "log group" names the group, not a service asked about ("log group /ecs/app").
  [/(?<![\w/])\/aws\/[\w.\/-]+/gi, ' cloudwatch log group '],
  [/\b(log groups?)\s+`?\/[\w.-]+\/[\w.\/-]*`?/gi, ' $1 '],
  [/\bdb\.[a-z]\d[a-z]{0,3}\.(?:nano|micro|small|medium|large|\d*xlarge)\b/gi, ' rds instance type '],
  [/\bcache\.[a-z]\d[a-z]{0,3}\.(?:nano|micro|small|medium|large|\d*xlarge)\b/gi, ' elasticache node type '],
  [/\b[a-z]\d[a-z]{0,3}\.(?:nano|micro|small|medium|large|\d*xlarge|metal)\b/gi, ' ec2 instance type '],
  // An IAM action ("kms:Decrypt", "sns:Subscribe", "dynamodb:*") is a permission on that service; re:Invent is
  // AWS's conference.
  [/\b(?!re:)([a-z][a-z0-9-]+):([A-Z][A-Za-z]*\*?|\*)(?=[\s`'",.;)]|$)/g, ' $1 permission $2 '],
  // A name tagged with a version or "latest" ("ledger-worker:2.7.1", "web:latest") is a container image we built.
  [/\b[a-z][a-z0-9._-]*(?:\/[a-z0-9._-]+)*:(?:v?\d+(?:\.\d+){1,3}(?:-[a-z0-9.]+)?|latest)\b/gi, ' container image '],
  // A protocol's version glued to its name ("TLSv1", "TLS1.2", "SSLv3") is still the protocol.
  [/\b(tls|ssl)(v?\d)/gi, ' $1 $2'],
];

/**
 * An ARN names its service and, before the resource's own name, the kind of resource ("arn:aws:kms:…:key/1234…" is
 * a KMS key, "arn:aws:iam::…:role/deploy" an IAM role): those words stand for it, the account, region and ids say
 * nothing.
 */
const ARN = /\barn:aws[a-z-]*:([a-z0-9-]+):[a-z0-9-]*:(?:\d{12})?:([A-Za-z0-9_.\/:*+=,@-]*)/gi;

const arnWords = (_arn: string, service: string, resource: string): string => {
  // The resource's own id says what it is better than the ARN's namespace: EC2's ARNs hold EBS volumes and snapshots.
  const ownId = RESOURCE_IDS.find(([pattern]) => resource.search(pattern) !== -1);
  if (ownId) return ownId[1];
  // An S3 ARN is the bucket's name and the key within it, no kind.
  const kind = service.toLowerCase() === BUCKETS_SERVICE ? 'bucket' : (/^([a-z][a-z-]*)[/:]/i.exec(resource)?.[1] ?? '');
  return ` ${service} ${kind} `;
};

const nameResourceIds = (text: string): string => RESOURCE_IDS.reduce((out, [pattern, words]) => out.replace(pattern, words), text.replace(ARN, arnWords));

const WE_CONTRACTED: Record<string, string> = { re: 'are', ve: 'have', ll: 'will', d: 'would' };
/** "we're supposed to" keeps its "we": folded whole, "we're" would read as "were", and the side it names would be lost. */
const expandWe = (text: string): string => text.replace(/\bwe['’](re|ve|ll|d)\b/gi, (_, ending: string) => `we ${WE_CONTRACTED[ending.toLowerCase()]}`);

/**
 * Turns what Slack delivers into words. Mentions of people and broadcasts (`<@U…>`, `<!here>`) carry no
 * subject and are dropped; channel links and URLs keep their label; `:emoji:` codes are dropped.
 */
export function normalizeSlackText(raw: string): NormalizedQuery {
  const readable = decodeSlackEntities(
    raw
      .slice(0, 8000)
      .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/gi, ' ')
      .replace(/<!(?:here|channel|everyone)(?:\|[^>]*)?>/gi, ' ')
      .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/gi, (_m, label: string | undefined) => ` ${label ?? ''} `)
      .replace(/<!date\^[^|>]*\|([^>]*)>/gi, ' $1 ')
      .replace(/<![^>]*>/g, ' ')
      .replace(/<#[A-Z0-9]+\|([^>]*)>/gi, ' #$1 ')
      .replace(/<#[A-Z0-9]+>/gi, ' ')
      .replace(/<((?:https?|mailto):[^|>]*)\|([^>]*)>/gi, ' $2 ')
      .replace(/<((?:https?|mailto):[^>]*)>/gi, ' $1 '),
  )
    // A run of codes (":eyes::fire:") not glued to a word or a colon: "arn:aws:kms:…" and "AWS::RDS::DBInstance"
    // hold no :kms: or :RDS: emoji.
    .replace(/(?<![a-z0-9:])(?::[a-z0-9_+-]+:)+/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const folded = words(foldPhrase(nameResourceIds(expandWe(readable)))).filter((w) => w.length <= MAX_WORD_LENGTH);
  return {
    readable,
    words: folded.slice(0, MAX_WORDS),
    pastesAnError: PASTED_ERROR.some((pattern) => pattern.test(readable)),
    listsItems: NUMBERED_ITEMS.test(readable),
  };
}

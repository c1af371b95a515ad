import {
  aliasPhrase,
  controlCitations,
  formatCardKey,
  parseCardKey,
  type CardKey,
  type GuardDutyFinding,
  type KnowledgeBase,
  type ServiceId,
  type TopicId,
} from '../knowledge/index.js';
import { foldPhrase, words } from '../text/phrase.js';
import type { FindingNote } from './types.js';

/**
 * Findings as Security Hub and GuardDuty post them name their subject exactly: a control id ("S3.8"), a control
 * title, a finding type ("UnauthorizedAccess:EC2/SSHBruteForce"). Those are looked up, not scored: the same
 * finding always answers with the same card, whatever words around it would point at.
 */
export interface FindingResolution {
  note: FindingNote;
  /** The card to answer with; null when there is none (a finding type srm-bot does not know). */
  card: CardKey | null;
  /**
   * Other cards that cite the same control, best first; for a GuardDuty type, GuardDuty's own card (or, when that
   * answers, the card of what the finding found).
   */
  alternatives: CardKey[];
}

export interface FindingResolver {
  /** The finding a message names, or null when it names none. */
  resolve(readable: string): FindingResolution | null;
}

/** GuardDuty's own split for its findings: it finds, and acting on what it finds is yours. */
const GUARDDUTY_CARD: CardKey = { service: 'guardduty', topic: 'logging' };

/** Words that ask whether anyone acts on a finding ("does aws respond to that?", "does guardduty block it?"). */
const ACTING_WORDS = new Set([
  'respond',
  'responds',
  'responding',
  'response',
  'act',
  'acts',
  'acting',
  'block',
  'blocks',
  'blocking',
  'react',
  'reacts',
  'reacted',
  'reacting',
]);

const asksIfAnyoneActs = (folded: string): boolean => words(folded).some((w) => ACTING_WORDS.has(w));

/** GuardDuty named beside its finding: the question is about what GuardDuty does with it. */
const NAMES_GUARDDUTY = /\bguard ?duty\b/;

/** Security Hub's own split for the controls it fails: it checks, and fixing what fails is yours. */
const SECURITY_HUB_CARD: CardKey = { service: 'securityhub', topic: 'configuration' };

const NAMES_SECURITY_HUB = /\bsec(?:urity)? ?hub\b/;

/**
 * A control given as one of many Security Hub fails ("90 failed controls, e.g. RDS.3", "KMS.4 on 30 keys, will aws
 * fix those"): the question is who fixes what the tool flags, not the one resource's setting.
 */
const ONE_OF_MANY = / (?:those|e g|such as|like that|stuff like|misconfigs?|misconfigurations?) /;

/** Nearest catalogue entries offered for a finding type srm-bot does not know. */
const NEAREST_TYPES = 3;

/**
 * A control id, alone or after the words findings put before it: "S3.8", "control s3.8", "[RDS.13]", a standard's
 * prefix ("PCI.S3.5", "CT.S3.1") or the tail of a control ARN (".../v/1.0.0/S3.8").
 */
const CONTROL_ID = /(?<![\p{L}\p{N}.])(?:(?:pci|ct|fsbp|aws)\.)?([a-z][a-z0-9]*)\.(\d{1,3})(?![\p{N}]|\.\d)/giu;

/** A GuardDuty type: ThreatPurpose:ResourceType/ThreatFamilyName, with its optional .Mechanism!Artifact. */
const FINDING_TYPE = /(?<![\p{L}\p{N}])([a-z]+):([a-z0-9]+)\/([a-z0-9&]+(?:[.!][a-z0-9&]+)*)/giu;

export function createFindingResolver(kb: KnowledgeBase): FindingResolver {
  const findings = kb.findings;
  if (!findings) return { resolve: () => null };

  // Which cards cite which control, built when a message first names a control: it reads every card.
  let controlIndex: { citations: Map<string, CardKey[]>; canonicalPrefix: Map<string, string> } | undefined;
  const controls = () => {
    if (controlIndex) return controlIndex;
    const citations = controlCitations(kb);
    // Security Hub writes prefixes in mixed case ("CloudTrail", "SSM"); people type them in any case.
    const canonicalPrefix = new Map<string, string>();
    for (const id of [...Object.keys(findings.controls), ...citations.keys()]) canonicalPrefix.set(id.split('.')[0]!.toLowerCase(), id.split('.')[0]!);
    for (const prefix of Object.keys(findings.prefixes)) canonicalPrefix.set(prefix.toLowerCase(), prefix);
    controlIndex = { citations, canonicalPrefix };
    return controlIndex;
  };

  const titles = Object.entries(findings.controls)
    .map(([id, title]) => ({ id, folded: ` ${foldPhrase(title)} ` }))
    .sort((a, b) => b.folded.length - a.folded.length);

  const types = new Map(findings.guardduty.map((finding) => [finding.type.toLowerCase(), finding]));
  const purposes = new Set(findings.guardduty.map((finding) => finding.type.split(':')[0]!.toLowerCase()));

  const topicWords = new Map<TopicId, string[]>(
    [...kb.topics.values()].map((topic) => [topic.id, [topic.id, ...topic.aliases.map(aliasPhrase)].map((phrase) => ` ${foldPhrase(phrase)} `)]),
  );

  /** How many of the topic's own words the control's title uses: "block public access" is about access. */
  const topicFit = (foldedTitle: string, topic: TopicId): number =>
    (topicWords.get(topic) ?? []).filter((phrase) => phrase.trim().length > 0 && foldedTitle.includes(phrase)).length;

  /**
   * The cards that cite a control, best first: the card of the service the control checks, then the one whose
   * topic its title is about, then a service's card before a general one; ties keep the knowledge's order.
   */
  function rankCitations(id: string, cards: readonly CardKey[]): CardKey[] {
    const title = ` ${foldPhrase(findings!.controls[id] ?? '')} `;
    // A control filed under one service's prefix may check another's resource by name and never name its own ("EC2.7
    // EBS default encryption should be enabled"): the service its title names is the one it checks.
    const filedUnder = serviceOf(id);
    const checksAnother =
      filedUnder && !titleNames(title, filedUnder)
        ? cards.find((key) => key.service !== null && key.service !== filedUnder && titleNames(title, key.service))
        : undefined;
    const service = checksAnother?.service ?? filedUnder;
    const score = (key: CardKey) =>
      (key.service !== null && key.service === service ? 1000 : 0) +
      (key.topic !== null ? 10 * topicFit(title, key.topic as TopicId) : 0) +
      (key.service !== null ? 1 : 0);
    return cards
      .map((key, order) => ({ key, order, score: score(key) }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .map(({ key }) => key);
  }

  const serviceOf = (id: string): ServiceId | null => findings.prefixes[id.split('.')[0]!] ?? null;

  /** Whether a control's folded title names the service by one of its names ("ebs" of Amazon EBS). */
  const titleNames = (foldedTitle: string, service: ServiceId): boolean =>
    [service, ...(kb.services.get(service)?.aliases ?? [])].some((alias) => foldedTitle.includes(` ${foldPhrase(aliasPhrase(alias))} `));

  function control(id: string, readable: string): FindingResolution {
    const title = findings!.controls[id];
    const cited = controls().citations.get(id);
    const note: FindingNote = { kind: 'control', id, cited: cited !== undefined, ...(title ? { title } : {}) };
    if (cited) {
      const [card, ...alternatives] = rankCitations(id, cited);
      const folded = ` ${foldPhrase(readable)} `;
      if (NAMES_SECURITY_HUB.test(folded) && ONE_OF_MANY.test(folded) && card!.service !== SECURITY_HUB_CARD.service)
        return {
          note,
          card: SECURITY_HUB_CARD,
          alternatives: [card!, ...alternatives].filter((key) => formatCardKey(key) !== formatCardKey(SECURITY_HUB_CARD)),
        };
      return { note, card: card!, alternatives };
    }
    const service = serviceOf(id);
    return { note, card: service ? { service, topic: null } : null, alternatives: [] };
  }

  /**
   * The phrases in a message that say what a card is about: its keywords ("bucket policy" of S3 · Access) and its
   * topic's own words ("security group", "credentials").
   */
  const cardPhrasesIn = (folded: string, key: CardKey): string[] => {
    const topic = key.topic as TopicId | null;
    const keywords = key.service && topic ? (kb.services.get(key.service)?.topics[topic]?.keywords ?? []) : [];
    const topicWords = topic ? (kb.topics.get(topic)?.aliases ?? []).filter((alias) => typeof alias === 'string' || (alias.weight ?? 1) >= 1) : [];
    return [...keywords, ...topicWords]
      .map((phrase) => foldPhrase(aliasPhrase(phrase)))
      .filter((phrase) => phrase.length > 0 && folded.includes(` ${phrase} `));
  };

  function guardDuty(finding: GuardDutyFinding, readable: string): FindingResolution {
    const found = parseCardKey(finding.card);
    const note: FindingNote = { kind: 'guardduty', id: finding.type, cited: true, firstStep: finding.first_step };
    if (!found || found.service === GUARDDUTY_CARD.service) return { note, card: found, alternatives: [] };
    // The catalogue's card says who fixes what the finding found. Whether AWS acts on GuardDuty's findings at all
    // is GuardDuty's own card (it detects; acting is yours): the answer when the message asks it, or names GuardDuty
    // without naming what the found card is about ("guardduty raised … who owns the bucket policy" asks the latter).
    const folded = ` ${foldPhrase(readable)} `;
    const named = cardPhrasesIn(folded, found);
    // "block" of "block public access" names the card's subject, not a question of whether anyone blocks anything.
    const rest = named.reduce((text, phrase) => text.replaceAll(` ${phrase} `, ' '), folded);
    const asksWhoActs = asksIfAnyoneActs(rest) || (NAMES_GUARDDUTY.test(folded) && named.length === 0);
    return asksWhoActs ? { note, card: GUARDDUTY_CARD, alternatives: [found] } : { note, card: found, alternatives: [GUARDDUTY_CARD] };
  }

  /** The catalogue's types closest to one it does not hold: same purpose and resource first, then shared words. */
  function nearestTypes(typed: string): string[] {
    const parts = (type: string) => {
      const [purpose = '', rest = ''] = type.split(':');
      const [resource = '', name = ''] = rest.split('/');
      return { purpose: purpose.toLowerCase(), resource: resource.toLowerCase(), words: splitWords(name) };
    };
    const asked = parts(typed);
    const score = (finding: GuardDutyFinding) => {
      const known = parts(finding.type);
      return (
        (known.purpose === asked.purpose ? 4 : 0) + (known.resource === asked.resource ? 2 : 0) + known.words.filter((w) => asked.words.includes(w)).length
      );
    };
    return findings!.guardduty
      .map((finding, order) => ({ type: finding.type, order, score: score(finding) }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, NEAREST_TYPES)
      .map(({ type }) => type);
  }

  /**
   * The catalogue's type a typed one names: itself, or the type it shortens by leaving off the variant people drop
   * ("CryptoCurrency:EC2/BitcoinTool" for "…/BitcoinTool.B"), the shortest such type when several share the stem.
   */
  function knownType(typed: string): GuardDutyFinding | undefined {
    const folded = typed.toLowerCase();
    const exact = types.get(folded);
    if (exact) return exact;
    return [...types.entries()]
      .filter(([type]) => type.startsWith(`${folded}.`) || type.startsWith(`${folded}!`))
      .sort(([a], [b]) => a.length - b.length)[0]?.[1];
  }

  function resolve(readable: string): FindingResolution | null {
    for (const match of readable.matchAll(FINDING_TYPE)) {
      const typed = match[0];
      const known = knownType(typed);
      if (known) return guardDuty(known, readable);
      if (purposes.has(match[1]!.toLowerCase())) {
        const note: FindingNote = { kind: 'guardduty', id: typed, cited: false, nearest: nearestTypes(typed) };
        // Whether anyone acts on a finding is GuardDuty's own card, whichever type it is.
        const folded = ` ${foldPhrase(readable)} `;
        return { note, card: NAMES_GUARDDUTY.test(folded) || asksIfAnyoneActs(folded) ? GUARDDUTY_CARD : null, alternatives: [] };
      }
    }
    for (const match of readable.matchAll(CONTROL_ID)) {
      const prefix = controls().canonicalPrefix.get(match[1]!.toLowerCase());
      if (prefix) return control(`${prefix}.${Number(match[2])}`, readable);
    }
    const folded = ` ${foldPhrase(readable)} `;
    const titled = titles.find(({ folded: title }) => folded.includes(title));
    return titled ? control(titled.id, readable) : null;
  }

  return { resolve };
}

/** "InstanceCredentialExfiltration.OutsideAWS" → ["instance", "credential", "exfiltration", "outside", "aws"]. */
const splitWords = (name: string): string[] =>
  name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);

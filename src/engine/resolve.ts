import { isEnglishWord } from '../text/english.js';
import type { SpellingCorrector } from './spelling.js';
import type { ServiceId } from '../knowledge/index.js';
import { KEYWORD_WEIGHT, type Term, type Vocabulary } from './vocabulary.js';

export interface FoundTerm {
  term: Term;
  /** The folded phrase as matched, e.g. "secrets manager". */
  phrase: string;
  position: number;
}

export interface Resolution {
  terms: FoundTerm[];
  /** Words that are neither question scaffolding nor part of a known phrase. */
  unknown: string[];
  /** Whether the question used words about responsibility itself ("responsible", "security"). */
  asksAboutTheModel: boolean;
  /** Whether it names the provider itself ("aws", "amazon", "the cloud"): responsibility words then mean the model. */
  namesTheProvider: boolean;
  /** The words as typed (folded, shorthand read in full, before any correction). */
  typed: readonly string[];
  /** The words after spelling correction: what each term's `position` counts in. */
  spelled: readonly string[];
  /** Whether the message carries a pasted error line: set by the caller from the raw text (normalize.ts). */
  pastesAnError?: boolean;
  /** Whether the message numbers three items or more ("1) … 2) … 3) …"): set by the caller (normalize.ts). */
  listsItems?: boolean;
  /**
   * The words that carry the question's subject, in order: every word but scaffolding and the words that name
   * a service (the topic model must learn what is asked, not which service it was asked of).
   */
  content: string[];
}

/** Phrases that say which service, not what about it: the models read what a question asks of a service without them. */
const NAMES_A_SERVICE = new Set<Term['kind']>(['service', 'uncovered']);

/** At most this many words, a message is a command more than a sentence ("config encryption"). */
const TERSE_WORDS = 3;

export const PROVIDER_WORDS = new Set(['aws', 'amazon', 'amazons', 'cloud']);

const SUFFIXES = ['ies', 'es', 's', 'ing', 'ed'] as const;

/**
 * "backups" → "backup", "policies" → "policy", "secures" → "secure": only when the shorter form is a word of the
 * vocabulary's phrases or scaffolding, so that an inflected word means what its base form means.
 */
function vocabularyStem(word: string, vocabulary: Vocabulary): string | null {
  return stemWhere(word, (candidate) => vocabulary.correctionTargets.has(candidate)) ?? undoubledPhraseWord(word, vocabulary);
}

function stemWhere(word: string, accept: (candidate: string) => boolean): string | null {
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length < 3 || !word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    for (const candidate of suffix === 'ies' ? [`${base}y`] : [base, `${base}e`]) {
      if (accept(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * "snapshotting" → "snapshot": a phrase's word with its last consonant doubled before -ing. Only into a word of our
 * phrases: everyday verbs ("setting", "getting") stay as typed.
 */
function undoubledPhraseWord(word: string, vocabulary: Vocabulary): string | null {
  const doubled = /^(.{2,}([b-df-hj-np-tv-z]))\2ing$/.exec(word);
  return doubled && vocabulary.phrases.has(doubled[1]!) ? doubled[1]! : null;
}

function spellWords(input: readonly string[], vocabulary: Vocabulary, speller: SpellingCorrector): string[] {
  const out: string[] = [];
  for (let i = 0; i < input.length; i++) {
    const word = input[i]!;
    const next = input[i + 1];
    // "cloud trail", "guard duty": people split product names that the vocabulary spells as one word.
    // Scaffolding is never half of a name: "am i" is not "ami".
    const splitForm = `${word} ${next}`;
    const splitFormIsKnown = vocabulary.phrases.has(word) || vocabulary.phrases.has(splitForm) || vocabulary.phraseStarts.has(splitForm);
    const joinable = next !== undefined && !vocabulary.neutral.has(word) && !vocabulary.neutral.has(next);
    if (joinable && !splitFormIsKnown && vocabulary.phrases.has(word + next)) {
      out.push(word + next);
      i++;
      continue;
    }
    // Numbers and short codes with digits ("22", "s3", "ec2") are exact; "rout53" is long enough to be a typo.
    if (vocabulary.correctionTargets.has(word) || (/\d/.test(word) && word.length < 6)) {
      out.push(word);
      continue;
    }
    const stem = vocabularyStem(word, vocabulary);
    if (stem) {
      out.push(stem);
      continue;
    }
    if (vocabulary.knownWordSet.has(word)) {
      out.push(word);
      continue;
    }
    const corrected = speller.correct(word);
    out.push(corrected !== null && (!isEnglishWord(word) || completesPhrase(corrected, out.at(-1), next, vocabulary)) ? corrected : word);
  }
  return out;
}

/** A real word is corrected only into a name it then completes: "secrets manger" is Secrets Manager. */
function completesPhrase(corrected: string, previous: string | undefined, next: string | undefined, vocabulary: Vocabulary): boolean {
  const around = [previous === undefined ? null : `${previous} ${corrected}`, next === undefined ? null : `${corrected} ${next}`];
  return around.some((pair) => pair !== null && (vocabulary.phrases.has(pair) || vocabulary.phraseStarts.has(pair)));
}

/**
 * The phrase these words form, or the same phrase with its last word in another form ("vulnerability scans"
 * for the alias "vulnerability scan"): each word may be known on its own, so it was not stemmed before.
 */
function findPhrase(parts: readonly string[], vocabulary: Vocabulary): string | null {
  const phrase = parts.join(' ');
  if (vocabulary.phrases.has(phrase)) return phrase;
  if (parts.length < 2) return null;
  const head = parts.slice(0, -1).join(' ');
  const last = stemWhere(parts.at(-1)!, (candidate) => vocabulary.phrases.has(`${head} ${candidate}`));
  return last === null ? null : `${head} ${last}`;
}

interface PhraseMatch {
  term: Term;
  phrase: string;
  length: number;
}

/**
 * The longest phrase at a position, unless it is a service's name whose last word begins one of that service's
 * keywords, a topic phrase or a phrase of what srm-bot does not answer: "kms key policy" is KMS and its key policy,
 * not "kms key" and a stray "policy"; "ecr image scanning" is ECR and image scanning; "ec2 instance type" is EC2
 * and a question of sizing. Null when all the name leaves is the provider ("aws" of "aws config recorder"), read
 * then as a word of its own.
 */
function yieldLastWord(found: PhraseMatch, spelled: readonly string[], start: number, vocabulary: Vocabulary): PhraseMatch | null {
  if (found.term.kind !== 'service' || found.length < 2) return found;
  const service = found.term.service;
  const head = spelled.slice(start, start + found.length - 1);
  const shorter = findPhrase(head, vocabulary);
  const shorterTerm = shorter === null ? undefined : vocabulary.phrases.get(shorter);
  const stillNamed = shorterTerm?.kind === 'service' && shorterTerm.service === service;
  // "aws config recorder": what is left is only the provider, and the keyword names the service itself.
  const onlyTheProvider = head.every((w) => PROVIDER_WORDS.has(w));
  if (!stillNamed && !onlyTheProvider) return found;
  const from = start + found.length - 1;
  for (let length = Math.min(vocabulary.longestPhrase, spelled.length - from); length >= 2; length--) {
    const keyword = findPhrase(spelled.slice(from, from + length), vocabulary);
    const term = keyword === null ? undefined : vocabulary.phrases.get(keyword);
    const keywordOfTheService = term?.kind === 'service-topic' && term.service === service;
    if (stillNamed && (keywordOfTheService || term?.kind === 'out-of-scope' || term?.kind === 'topic'))
      return { term: shorterTerm, phrase: shorter!, length: found.length - 1 };
    if (onlyTheProvider && keywordOfTheService) return null;
  }
  return found;
}

/** Finds the known phrases in a question, longest first, after fixing typos against the vocabulary. */
export function resolveTerms(asTyped: readonly string[], vocabulary: Vocabulary, speller: SpellingCorrector): Resolution {
  // Shorthand is read as the words it stands for ("root acct" is "root account"), as if typed in full.
  const input = asTyped.flatMap((word) => vocabulary.abbreviations.get(word) ?? [word]);
  const spelled = spellWords(input, vocabulary, speller);
  const terms: FoundTerm[] = [];
  const unknown: string[] = [];
  const content: string[] = [];
  let asksAboutTheModel = false;
  let namesTheProvider = false;
  // "/srm config logging" is the card's id and a topic; "our app config" is a word.
  const terse = asTyped.length <= TERSE_WORDS;
  let i = 0;
  while (i < spelled.length) {
    // Grow the phrase one word at a time while it can still become a longer one; keep the longest match.
    let found: PhraseMatch | null = null;
    const maxLength = Math.min(vocabulary.longestPhrase, spelled.length - i);
    for (let length = 1; length <= maxLength; length++) {
      const parts = spelled.slice(i, i + length);
      const phrase = findPhrase(parts, vocabulary);
      const term = phrase === null ? undefined : vocabulary.phrases.get(phrase);
      if (phrase !== null && term) found = { term, phrase, length };
      if (!vocabulary.phraseStarts.has(parts.join(' '))) break;
    }
    if (found) found = yieldLastWord(found, spelled, i, vocabulary);
    if (found) {
      terms.push({ term: found.term, phrase: found.phrase, position: i });
      // "is that aws or us": the provider named inside a phrase of the model is named all the same.
      if (found.term.kind === 'concept' && found.phrase.split(' ').some((w) => PROVIDER_WORDS.has(w))) namesTheProvider = true;
      if (!NAMES_A_SERVICE.has(found.term.kind)) content.push(...found.phrase.split(' ').filter((w) => !vocabulary.neutral.has(w)));
      i += found.length;
      continue;
    }
    const word = spelled[i]!;
    const terseName = terse ? vocabulary.terseNames.get(word) : undefined;
    if (terseName) {
      terms.push({ term: { kind: 'service', service: terseName }, phrase: word, position: i });
      i++;
      continue;
    }
    if (!vocabulary.neutral.has(word)) {
      unknown.push(word);
      content.push(word);
    }
    if (vocabulary.modelWords.has(word)) asksAboutTheModel = true;
    if (PROVIDER_WORDS.has(word)) namesTheProvider = true;
    i++;
  }
  return { terms, unknown, asksAboutTheModel, namesTheProvider, content, typed: input, spelled };
}

/**
 * The question as read about `service`: a topic phrase that the service's card says means another of its topics
 * there ("cis" beside Security Hub is its compliance standard, not a hardening baseline) is that service's keyword.
 */
export function readAbout(resolution: Resolution, service: ServiceId | null, vocabulary: Vocabulary): Resolution {
  if (service === null) return resolution;
  let changed = false;
  const terms = resolution.terms.map((found) => {
    if (found.term.kind !== 'topic') return found;
    const topic = vocabulary.meaningsHere.get(found.phrase)?.get(service);
    if (topic === undefined) return found;
    changed = true;
    return { ...found, term: { kind: 'service-topic', service, topic, weight: KEYWORD_WEIGHT * found.term.weight } satisfies Term };
  });
  return changed ? { ...resolution, terms } : resolution;
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, packageRoot } from '../src/knowledge/index.js';
import { foldPhrase } from '../src/text/phrase.js';

/**
 * The eval sets measure questions the engine has never seen: one copied into the knowledge (as an example
 * question, say) or the code would measure recall instead. Short queries ("s3 encryption") are everyday phrases
 * the knowledge rightly contains, and so are service names ("amazon simple storage service") and cards' titles; a question of four
 * words or more found verbatim is a copy. A failure names the lines, not the questions: the sealed sets stay
 * unread until they are opened.
 */
const MIN_WORDS = 4;

const root = packageRoot();
const evalFiles = [join(root, 'eval'), join(root, '..', 'shared', 'eval'), join(root, '..', 'shared', 'eval', 'sealed')].filter(existsSync).flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(dir, f)),
);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|ya?ml|json)$/.test(name) ? [path] : [];
  });
}

describe('eval sets stay unseen', () => {
  it('has eval sets to check', () => {
    expect(evalFiles.length).toBeGreaterThan(0);
  });

  it('no eval question appears in src/ or knowledge/', () => {
    const kb = loadKnowledge();
    // The catalogue is a list of names by design, never of questions; Security Hub's control titles are AWS's own
    // words, quoted so that a pasted finding is recognised ("Amazon Inspector Lambda code scanning should be enabled").
    const controlTitles = Object.values(kb.findings?.controls ?? {}).map(foldPhrase);
    const withoutControlTitles = (text: string) => controlTitles.reduce((rest, title) => rest.split(title).join(' '), text);
    const corpus = [...filesUnder(join(root, 'src')), ...filesUnder(join(root, 'knowledge'))]
      .filter((file) => !file.endsWith('catalogue.yml'))
      // Links are AWS's own addresses ("…/application/load-balancer-access-logs.html") and CLI commands its own words
      // (`aws ec2 enable-ebs-encryption-by-default`), not anybody's question; an entry's `id` is a key other state
      // depends on (a tip's id orders the daily rotation), named after its subject.
      .map((file) => ({
        file,
        text: ` ${withoutControlTitles(
          foldPhrase(
            readFileSync(file, 'utf8')
              .replace(/https?:\/\/\S+/g, ' ')
              .replace(/^\s*command: .*$/gm, ' ')
              .replace(/`aws [^`]*`/g, ' ')
              .replace(/^\s*-?\s*id: \S+$/gm, ' '),
          ),
        )} `,
      }));
    const names = new Set(
      [
        ...kb.catalogue.flatMap((e) => [e.name, ...e.aliases]),
        ...[...kb.services.values()].flatMap((s) => [s.name, ...s.aliases.map((a) => (typeof a === 'string' ? a : a.phrase))]),
        // A card's own title typed as a query ("Service categories: infrastructure, container, abstracted").
        ...[...kb.topics.values(), ...kb.concepts.values()].map((card) => card.title),
      ].map(foldPhrase),
    );
    // Each run of MIN_WORDS words in the corpus, and the files it is in: a query can only be in a file that holds its
    // opening words, so each is looked for in those few files instead of all of them.
    const filesByOpening = new Map<string, typeof corpus>();
    for (const entry of corpus) {
      const words = entry.text.trim().split(' ');
      for (let at = 0; at + MIN_WORDS <= words.length; at++) {
        const opening = words.slice(at, at + MIN_WORDS).join(' ');
        const files = filesByOpening.get(opening) ?? [];
        if (files.at(-1) !== entry) files.push(entry);
        filesByOpening.set(opening, files);
      }
    }
    const leaks: string[] = [];
    for (const file of evalFiles) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (!line.trim()) return;
          const query = foldPhrase((JSON.parse(line) as { q: string }).q.replace(/<@[A-Z0-9]+>/g, ' '));
          if (query.split(' ').length < MIN_WORDS || names.has(query)) return;
          const opening = query.split(' ').slice(0, MIN_WORDS).join(' ');
          const found = filesByOpening.get(opening)?.find(({ text }) => text.includes(` ${query} `));
          if (found) leaks.push(`${file}:${index + 1} is in ${found.file}`);
        });
    }
    expect(leaks).toEqual([]);
  });
});

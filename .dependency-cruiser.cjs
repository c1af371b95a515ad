/**
 * The layer rules of docs/architecture.md, checked by `npm run lint` (dependency-cruiser):
 * knowledge/ → src/knowledge → src/engine → src/cards → src/answers → the surfaces (src/slack, src/cli, src/tips).
 */
/** A forbidden import: modules whose path matches `from` may not import those matching `to`. */
const forbid = (name, from, to, comment) => ({ name, comment, severity: 'error', from: { path: from }, to: { path: to } });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import loop makes two modules one; move what both need into a third (a types file for types).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    forbid(
      'domain-without-slack',
      '^src/(knowledge|engine|cards|answers|quiz|text|findings)/',
      'node_modules/@slack/(bolt|web-api|socket-mode|oauth)',
      'Knowledge, engine, cards and answers must run without Slack: the CLI and the tests use them alone.',
    ),
    forbid(
      'knowledge-is-the-bottom',
      '^src/knowledge/',
      '^src/(engine|cards|answers|slack|slackApi|cli|tips|quiz|feedback|findings)/',
      'src/knowledge loads and checks the data; it knows nothing of who reads it.',
    ),
    forbid(
      'engine-below-cards',
      '^src/engine/',
      '^src/(cards|answers|slack|slackApi|cli|tips|feedback|findings)/',
      "The engine understands questions; drawing the answer is the cards' job, sending it the surfaces'.",
    ),
    forbid('cards-below-surfaces', '^src/cards/', '^src/(answers|slack|slackApi|cli|tips)/', 'Cards draw; they never send.'),
    forbid(
      'slack-only-translates',
      '^src/slack/',
      '^src/(engine|knowledge|quiz)/',
      'Listeners translate between Bolt and the answers layer; the domain is reached through src/answers.',
    ),
    forbid('src-never-imports-tests', '^src/', '^(test|bench)/', 'Tests and benchmarks use the product, never the other way round.'),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
  },
};

/**
 * The layer rules of docs/architecture.md, checked by `npm run lint` (dependency-cruiser):
 * knowledge/ → src/knowledge → src/engine → src/cards → src/answers → the surfaces (src/slack, src/cli, src/tips).
 */
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
    {
      name: 'domain-without-slack',
      comment: 'Knowledge, engine, cards and answers must run without Slack: the CLI and the tests use them alone.',
      severity: 'error',
      from: { path: '^src/(knowledge|engine|cards|answers|quiz|text|findings)/' },
      to: { path: 'node_modules/@slack/(bolt|web-api|socket-mode|oauth)' },
    },
    {
      name: 'knowledge-is-the-bottom',
      comment: 'src/knowledge loads and checks the data; it knows nothing of who reads it.',
      severity: 'error',
      from: { path: '^src/knowledge/' },
      to: { path: '^src/(engine|cards|answers|slack|slackApi|cli|tips|quiz|feedback|findings)/' },
    },
    {
      name: 'engine-below-cards',
      comment: 'The engine understands questions; drawing the answer is the cards\' job, sending it the surfaces\'.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(cards|answers|slack|slackApi|cli|tips|feedback|findings)/' },
    },
    {
      name: 'cards-below-surfaces',
      severity: 'error',
      from: { path: '^src/cards/' },
      to: { path: '^src/(answers|slack|slackApi|cli|tips)/' },
    },
    {
      name: 'slack-only-translates',
      comment: 'Listeners translate between Bolt and the answers layer; the domain is reached through src/answers.',
      severity: 'error',
      from: { path: '^src/slack/' },
      to: { path: '^src/(engine|knowledge|quiz)/' },
    },
    {
      name: 'src-never-imports-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
  },
};

/**
 * What `/srm <text>` asks for. "help", "quiz" and "tip" are instructions only as the first word, and "help" only
 * on its own: "/srm help with iam" asks about IAM. "quiz" and "tip" take a subject: "/srm quiz s3",
 * "/srm tip for s3" (or "tip s3", "tip about rds patching").
 */
export type Subcommand =
  | { kind: 'help' }
  | { kind: 'quiz'; subject: string }
  | { kind: 'tip'; subject: string }
  | { kind: 'question'; text: string };

/** Words that only introduce a tip's subject: "tip for s3", "tip about encryption". */
const TIP_SUBJECT_INTRO = /^(?:for|about|on|re)\b/i;

export function parseCommand(text: string): Subcommand {
  const question = text.trim();
  const [first = '', ...rest] = question.split(/\s+/);
  const args = rest.join(' ');
  switch (first.toLowerCase()) {
    case 'help': return rest.length === 0 ? { kind: 'help' } : { kind: 'question', text: question };
    case 'quiz': return { kind: 'quiz', subject: args };
    case 'tip': return { kind: 'tip', subject: args.replace(TIP_SUBJECT_INTRO, '').trim() };
    default: return { kind: 'question', text: question };
  }
}

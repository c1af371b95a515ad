import type { Subcommand } from './types.js';

/** Words that only introduce a tip's subject: "tip for s3", "tip about encryption". */
const TIP_SUBJECT_INTRO = /^(?:for|about|on|re)\b/i;

/** Which subcommand `/srm <text>` is (see Subcommand), or the question it asks. */
export function parseCommand(text: string): Subcommand {
  const question = text.trim();
  const [first = '', ...rest] = question.split(/\s+/);
  const args = rest.join(' ');
  switch (first.toLowerCase()) {
    case 'help':
      return rest.length === 0 ? { kind: 'help' } : { kind: 'question', text: question };
    case 'stats':
      return rest.length === 0 ? { kind: 'stats' } : { kind: 'question', text: question };
    case 'quiz':
      return { kind: 'quiz', subject: args };
    case 'tip':
      return { kind: 'tip', subject: args.replace(TIP_SUBJECT_INTRO, '').trim() };
    case 'tips':
    case 'leaderboard': {
      // Only "tips here", "tips off", "leaderboard here", "leaderboard off": "tips for s3 buckets" is a question.
      const action = rest.length === 1 ? rest[0]!.toLowerCase() : '';
      if (action !== 'here' && action !== 'off') return { kind: 'question', text: question };
      return { kind: 'channel', post: first.toLowerCase() === 'tips' ? 'tip' : 'leaderboard', on: action === 'here' };
    }
    default:
      return { kind: 'question', text: question };
  }
}

import { noteMatch } from '../../answers.js';
import { askQuestion } from '../../quiz.js';
import type { Subcommand } from './srm.js';

/** `/srm quiz [subject]`: a question with answer buttons; a subject ("s3", "rds patching") is read by the engine. */
export const quizSubcommand: Subcommand = ({ args, deps, context }) => {
  const subject = args.trim();
  const match = subject.length > 0 ? deps.engine.answer(subject).match : null;
  const asked = askQuestion(deps, {
    about: match && { service: match.service, topic: match.topic },
    ...(subject.length > 0 && { subject }),
  });
  noteMatch(context, asked.match);
  return asked.message;
};

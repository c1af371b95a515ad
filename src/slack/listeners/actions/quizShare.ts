import type { SlackDeps } from '../../deps.js';
import { noteMatch } from '../../match.js';
import { clicked, tellClicker, type ActionArgs } from './clicked.js';
import { shareWithChannel } from './shareWithChannel.js';

/** Said when the question to share is no longer in the quiz, or the value is not one we made. */
export const STALE_QUIZ_SHARE = 'That question is no longer in the quiz. Ask for a new one with `/srm quiz`.';

/**
 * "Ask the channel" on a private quiz question: the same question for everyone, saying who asked it. Each
 * person who answers gets their own result privately (quizAnswer), so nobody sees another's answer.
 */
export function quizShare(deps: SlackDeps) {
  return async (args: ActionArgs): Promise<void> => {
    await args.ack();
    const click = clicked(args);
    const shared = deps.answers.quiz.share(click.value, click.user);
    noteMatch(args.context, shared ?? 'stale');
    if (!shared || click.channel === undefined) {
      await tellClicker(args, STALE_QUIZ_SHARE);
      return;
    }
    await shareWithChannel(deps, args, { ...click, channel: click.channel }, shared.message, 'quiz question');
  };
}

import { ACTION_IDS, actionIdPattern } from '../../../cards/index.js';
import type { ListenerGroup } from '../index.js';
import { feedbackVote } from './feedbackVote.js';
import { openCard } from './openCard.js';
import { quizAnswer } from './quizAnswer.js';
import { quizNext } from './quizNext.js';
import { quizShare } from './quizShare.js';
import { shareCard } from './shareCard.js';

export const registerActions: ListenerGroup = (app, deps) => {
  const open = openCard(deps);
  app.action(actionIdPattern(ACTION_IDS.open), open);
  app.action(actionIdPattern(ACTION_IDS.learnMore), open);
  app.action(actionIdPattern(ACTION_IDS.browse), open);
  app.action(actionIdPattern(ACTION_IDS.share), shareCard(deps));
  app.action(actionIdPattern(ACTION_IDS.feedback), feedbackVote(deps));
  app.action(actionIdPattern(ACTION_IDS.quizAnswer), quizAnswer(deps));
  app.action(actionIdPattern(ACTION_IDS.quizNext), quizNext(deps));
  app.action(actionIdPattern(ACTION_IDS.quizShare), quizShare(deps));
};

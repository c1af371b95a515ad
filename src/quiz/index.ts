/**
 * The quiz: picking a question and scoring a click. Pure logic over the knowledge base's questions; the card
 * layer draws them and the Slack layer wires the buttons.
 */
export { pickQuestion, type PickedQuestion } from './pick.js';
export { checkAnswer, questionFingerprint, type QuizOutcome } from './check.js';
export {
  encodeNextQuestion,
  encodeQuestionRef,
  encodeQuizChoice,
  parseNextQuestion,
  parseQuestionRef,
  parseQuizChoice,
} from './payload.js';

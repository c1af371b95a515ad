/**
 * The quiz: picking a question and scoring a click. Pure logic over the knowledge base's questions; the card
 * layer draws them and the Slack layer wires the buttons.
 */
export { pickQuestion, type PickedQuestion, type QuizRequest, type Random } from './pick.js';
export { checkAnswer, questionFingerprint, type QuizChoice, type QuizOutcome } from './check.js';
export {
  encodeNextQuestion, encodeQuestionRef, encodeQuizChoice, parseNextQuestion, parseQuestionRef, parseQuizChoice, type NextQuestion, type QuestionRef,
} from './payload.js';

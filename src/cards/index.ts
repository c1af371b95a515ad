/**
 * The card layer: engine answers and knowledge entries as Slack Block Kit messages and views, plus a terminal
 * rendering of the same messages. Never imports Bolt: surfaces hand these messages to Slack themselves.
 */
export { renderAnswer, renderCard } from './render.js';
export { renderHelp } from './help.js';
export { renderHome } from './home.js';
export { renderTip, tipCardKey } from './tip.js';
export { renderQuizQuestion, renderQuizResult, type QuizNote } from './quiz.js';
export { renderStats, STATS_NOT_KEPT, STATS_UNAVAILABLE } from './stats.js';
export { renderLeaderboard } from './leaderboard.js';
export { renderFeedbackReport, voteThanks } from './feedbackReport.js';
export { renderForTerminal } from './terminal.js';
export { checkBlockKitLimits, LIMITS } from './limits.js';
export { buttonCount, COMPACT_BUTTONS_MAX, COMPACT_TEXT_MAX, visibleTextLength } from './measure.js';
export { escapeMrkdwn, oneLineUserText } from './escape.js';
export { encodeButtonPayload, parseButtonPayload } from './payload.js';
export { truncateMrkdwn, truncatePlain } from './truncate.js';
export { EXAMPLE_QUERIES } from './examples.js';
export * from './types.js';

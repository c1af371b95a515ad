import type { Answer, FindingNote, NoMatchReason } from '../engine/types.js';
import { lookupCard, type Card, type KnowledgeBase } from '../knowledge/index.js';
// The quiz's payload module alone: a refusal is drawn on a cold `srm ask`, which needs none of the quiz's logic.
import { encodeNextQuestion } from '../quiz/payload.js';
import { actions, section, valueButton } from './blocks.js';
import { emoji } from './emoji.js';
import { echoUserText, escapeMrkdwn } from './escape.js';
import { browseSelect, footer, openButtons } from './parts.js';
import { ACTION_IDS, type RenderOptions, type SlackMessage } from './types.js';

/** Enough of the question to recognise it; the rest is noise on a card that already says it was not understood. */
const ECHO_CHARS = 200;
const SUGGESTIONS = 3;

const WHY: Record<NoMatchReason, string> = {
  out_of_scope:
    "That's outside what I cover: I answer *who secures what* on AWS under the Shared Responsibility Model — not pricing, sizing, other clouds or general questions.",
  too_vague: "That's too broad for one card. Name an AWS service, a security topic, or both — like “S3 encryption”.",
  not_covered:
    "srm-bot has no card for that service yet, so I won't guess: a general card could read as if it were about it. Ask about the topic in general, or try a service I cover.",
  not_understood: "I didn't recognise an AWS service or a security topic in it. Name one or both — like “RDS patching” or “who handles IAM”.",
};

/** A finding srm-bot has no card for, refused by name (with the closest GuardDuty types it knows). */
function unknownFindingLines(finding: FindingNote): string {
  const id = `\`${escapeMrkdwn(finding.id)}\``;
  if (finding.kind === 'control') {
    const title = finding.title ? ` (“${escapeMrkdwn(finding.title)}”)` : '';
    return `No card cites the Security Hub control ${id}${title} yet, so I won't guess whose it is.`;
  }
  const nearest = (finding.nearest ?? []).map((type) => `\`${escapeMrkdwn(type)}\``).join(', ');
  const closest = nearest ? `\nThe closest ones I know: ${nearest}.` : '';
  return `I don't know the GuardDuty finding type ${id} yet, so I won't guess whose it is.${closest}`;
}

export function renderNoMatch(
  kb: KnowledgeBase,
  answer: Pick<Answer, 'readable' | 'suggestions' | 'reason' | 'uncovered' | 'finding'>,
  options: RenderOptions,
): SlackMessage {
  const echo = echoUserText(answer.readable, ECHO_CHARS);
  const suggestions = answer.suggestions
    .map((s) => lookupCard(kb, { service: s.service, topic: s.topic }))
    .filter((card): card is Card => card !== null)
    .slice(0, SUGGESTIONS);
  const opening = answer.uncovered
    ? `I don't have a card for *${escapeMrkdwn(answer.uncovered)}* yet.`
    : echo.length > 0
      ? `I couldn't find a card for “${echo}”.`
      : "I didn't catch a question.";
  return {
    text: `${echo.length > 0 ? `No card for “${echo}”.` : 'No question received.'} /srm help shows how to ask.`,
    blocks: [
      section(`${emoji('thinking_face')} ${answer.finding ? unknownFindingLines(answer.finding) : `${opening}\n${WHY[answer.reason ?? 'not_understood']}`}`),
      ...(suggestions.length > 0 ? [section('*Did you mean…*'), actions('srm_suggestions', openButtons(suggestions, { query: answer.readable }))] : []),
      // The ways in that never mislead: nothing here pretends to be related to what was asked.
      section(`${emoji('point_right')} *Or start here* — \`/srm help\` shows how to ask`),
      actions('srm_entry_points', [
        browseSelect(
          'Browse the services…',
          [...kb.services.values()].map((s) => ({ label: s.name, value: s.id })),
        ),
        valueButton({ text: 'Quiz me', actionId: ACTION_IDS.quizNext, value: encodeNextQuestion({}) }),
      ]),
      footer(options),
    ],
  };
}

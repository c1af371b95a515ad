/**
 * What srm-bot answers, with no Slack in it: the surfaces (src/slack listeners, the CLI) translate their input
 * into these calls and the replies into their own output. It is the only way from a surface to the engine, the
 * knowledge and the quiz.
 */
import { renderHelp, renderHome, type HomeView } from '../cards/index.js';
import type { Engine } from '../engine/index.js';
import type { FindingChannels, PostedMessage } from '../findings/index.js';
import type { KnowledgeBase } from '../knowledge/index.js';
import { createAsking, type Asking } from './ask.js';
import { channelPostReply, type ChannelPosts } from './channels.js';
import { parseCommand } from './command.js';
import { replyToFinding, type FindingReply } from './findings.js';
import { startPrompts, type Prompt } from './prompts.js';
import { createQuiz, type Quiz } from './quiz.js';
import { statsReply, type Asker, type QuizRecords } from './records.js';
import { tipOn, type TodaysTip } from './tip.js';
import type { Reply } from './types.js';
import { readVote, type Vote } from './vote.js';

export type { Answered, Asking } from './ask.js';
export type { ChannelPosts } from './channels.js';
export { parseCommand } from './command.js';
export { cardShownBy, type ThreadMessage } from './thread.js';
export type { Reply, Unanswered } from './types.js';
export type { ScoredAnswer } from './quiz.js';
export type { Asker, QuizRecords } from './records.js';

/** The reply to `/srm <text>`: most are ready at once; `stats` and `tips here|off` use the database first. */
export type CommandReply = { kind: 'now'; reply: Reply } | { kind: 'later'; reply: Promise<Reply> };
export type { CardKey } from '../knowledge/index.js';
export { FINDING_REPLY_EVENT_TYPE, type PostedMessage } from '../findings/index.js';

export interface Answers extends Asking {
  /** `/srm <text>`: help, the asker's stats, a quiz question, a tip, or the answer to the question (parseCommand says which). */
  command(text: string, asker: Asker): CommandReply;
  quiz: Quiz;
  /** A 👍/👎 click: the thanks and what the vote records; null when the value names no vote on a card. */
  vote(value: string | undefined): Vote | null;
  /** Questions to offer when a conversation starts (the agent view's suggested prompts). */
  startPrompts(): Prompt[];
  /** App Home, with today's tip. */
  home(): HomeView;
  /** The reply to a finding another app posted; null for a message that is not one. */
  findingReply(message: PostedMessage, where: FindingChannels): FindingReply | null;
}

export interface AnswersOptions {
  kb: KnowledgeBase;
  engine: Engine;
  /** Today's tip, the one the tip channels get; the CLI, which shows no tip, leaves it out. */
  todaysTip?: TodaysTip;
  /** Where quiz answers are kept (src/store); the CLI, which keeps none, leaves it out. */
  records?: QuizRecords;
  /** Who chooses the channels of the daily tip and the weekly leaderboard, and when they are posted; the CLI leaves it out. */
  channelPosts?: ChannelPosts;
}

export function createAnswers({ kb, engine, todaysTip = () => null, records, channelPosts }: AnswersOptions): Answers {
  const asking = createAsking(kb, engine);
  const quiz = createQuiz(kb, engine, records ?? null);
  const now = (reply: Reply): CommandReply => ({ kind: 'now', reply });
  return {
    ...asking,
    quiz,
    command(text, asker) {
      const subcommand = parseCommand(text);
      switch (subcommand.kind) {
        case 'help':
          return now({ message: renderHelp(), match: 'subcommand help' });
        case 'stats':
          return { kind: 'later', reply: statsReply(records ?? null, asker) };
        case 'quiz':
          return now(quiz.ask(subcommand.subject));
        case 'tip':
          return now({ message: tipOn(kb, engine, todaysTip, subcommand.subject), match: 'subcommand tip' });
        case 'channel':
          return { kind: 'later', reply: channelPostReply(channelPosts ?? null, subcommand.post, subcommand.on, asker) };
        case 'question':
          return now(asking.question(subcommand.text, { surface: 'ephemeral' }));
      }
    },
    vote: (value) => readVote(kb, value),
    startPrompts: () => startPrompts(kb, todaysTip()?.tip ?? null),
    home: () => renderHome(kb, todaysTip()?.tip ?? null),
    findingReply: (message, where) => replyToFinding(kb, engine, message, where),
  };
}

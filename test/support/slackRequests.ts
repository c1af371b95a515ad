import { createHmac } from 'node:crypto';
import { ACTION_IDS, renderQuizQuestion } from '../../src/cards/index.js';
import type { QuizQuestion } from '../../src/knowledge/index.js';
import { interactiveElements } from './blocks.js';
import { BOT_USER_ID, TEAM_ID } from './fakeSlack.js';

/** Slack's v0 request signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>` with the signing secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Overrides the computed signature (forgery tests). */
  signature?: string;
  /** Slack's retry of a request the app did not ack in time: which retry, and why (`http_timeout`…). */
  retry?: { num: number; reason: string };
}

export interface SlackRequest {
  body: string;
  contentType: string;
}

export interface AppResponse {
  status: number;
  text: string;
  json(): any;
}

/** Posts a request to the app's /slack/events the way Slack does, signed unless told otherwise. */
export async function sendToApp(baseUrl: string, request: SlackRequest, options: SendOptions): Promise<AppResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': request.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signature(options.secret, timestamp, request.body),
      ...(options.retry && { 'x-slack-retry-num': String(options.retry.num), 'x-slack-retry-reason': options.retry.reason }),
    },
    body: request.body,
    // Slack gives up on an app that has not answered within 3 seconds.
    signal: AbortSignal.timeout(3_000),
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

const form = (fields: Record<string, string>): SlackRequest => ({
  body: new URLSearchParams(fields).toString(),
  contentType: 'application/x-www-form-urlencoded',
});

/** `/srm <text>` typed in `channel` (a D… id is a direct message) of the test workspace, or of `team`. */
export function slashCommand(text: string, options: { responseUrl: string; user?: string; channel?: string; team?: string }): SlackRequest {
  const channel = options.channel ?? 'C0GENERAL';
  return form({
    token: 'legacy-verification-token',
    team_id: options.team ?? TEAM_ID,
    team_domain: 'test',
    channel_id: channel,
    channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
    user_id: options.user ?? 'U0ASKER',
    user_name: 'asker',
    command: '/srm',
    text,
    api_app_id: 'A0SRM',
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: '1.2.3',
  });
}

let eventCounter = 0;

/** An Events API delivery (JSON) wrapping `event`, from the test workspace unless another one is named. */
export function eventCallback(
  event: Record<string, unknown>,
  from: { teamId: string; botUserId: string } = { teamId: TEAM_ID, botUserId: BOT_USER_ID },
): SlackRequest {
  eventCounter += 1;
  return {
    body: JSON.stringify({
      token: 'legacy-verification-token',
      team_id: from.teamId,
      api_app_id: 'A0SRM',
      event,
      type: 'event_callback',
      event_id: `Ev${String(eventCounter).padStart(8, '0')}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: from.teamId, user_id: from.botUserId, is_bot: true, is_enterprise_install: false }],
    }),
    contentType: 'application/json',
  };
}

export function urlVerification(challenge: string): SlackRequest {
  return { body: JSON.stringify({ token: 'legacy', challenge, type: 'url_verification' }), contentType: 'application/json' };
}

/** An interaction (block action, shortcut) as Slack posts it: form-encoded, the JSON in `payload`. */
export function interaction(payload: Record<string, unknown>): SlackRequest {
  return form({ payload: JSON.stringify(payload) });
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  user?: string;
  channel?: string;
  /** The card was ephemeral (a slash answer): the payload carries no message. */
  ephemeral: boolean;
  threadTs?: string;
  /**
   * What was clicked: a button (the default), a half of Slack's feedback control (whose click carries that half's
   * value), or a menu, whose click carries the chosen option (`value`).
   */
  elementType?: 'button' | 'feedback_buttons' | 'static_select';
}

export function blockAction(click: ButtonClick): SlackRequest {
  const channel = click.channel ?? 'C0GENERAL';
  return interaction({
    type: 'block_actions',
    user: { id: click.user ?? 'U0ASKER', username: 'asker', name: 'asker', team_id: TEAM_ID },
    api_app_id: 'A0SRM',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: channel,
      is_ephemeral: click.ephemeral,
      ...(click.threadTs && { thread_ts: click.threadTs }),
    },
    trigger_id: '1.2.3',
    team: { id: TEAM_ID, domain: 'test' },
    channel: { id: channel, name: 'general' },
    ...(click.ephemeral ? {} : { message: { type: 'message', ts: '1700000000.000100', text: 'a card', user: BOT_USER_ID } }),
    response_url: click.responseUrl,
    actions: [
      click.elementType === 'static_select'
        ? {
            type: 'static_select',
            action_id: click.actionId,
            block_id: 'actions',
            selected_option: { text: { type: 'plain_text', text: 'x' }, value: click.value },
            action_ts: '1700000001.0',
          }
        : {
            type: click.elementType ?? 'button',
            action_id: click.actionId,
            block_id: 'actions',
            value: click.value,
            text: { type: 'plain_text', text: 'x' },
            action_ts: '1700000001.0',
          },
    ],
  });
}

/**
 * A click on choice `chosen` (0-based) of a quiz question, on the answer button exactly as srm-bot draws it (its
 * action_id and value): what Slack posts when a person answers, whichever replica asked the question.
 */
export function quizAnswerClick(question: QuizQuestion, chosen: number, click: Omit<ButtonClick, 'actionId' | 'value'>): SlackRequest {
  const asked = renderQuizQuestion({ question, onSubject: true }, { surface: 'ephemeral' });
  const button = interactiveElements(asked.blocks).filter((element) => element.action_id.startsWith(ACTION_IDS.quizAnswer))[chosen];
  if (button?.value === undefined) throw new Error(`quiz question ${question.id} has no choice ${chosen}`);
  return blockAction({ ...click, actionId: button.action_id, value: button.value });
}

/** A choice from a static_select in the App Home tab: a view container, no channel, no response_url. */
export function homeSelection(actionId: string, value: string, user = 'U0ASKER'): SlackRequest {
  return interaction({
    type: 'block_actions',
    user: { id: user, username: 'asker', name: 'asker', team_id: TEAM_ID },
    api_app_id: 'A0SRM',
    token: 'legacy-verification-token',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: '1.2.3',
    team: { id: TEAM_ID, domain: 'test' },
    view: { id: 'V0HOME', type: 'home', blocks: [] },
    actions: [
      {
        type: 'static_select',
        action_id: actionId,
        block_id: 'browse',
        selected_option: { text: { type: 'plain_text', text: 'x' }, value },
        action_ts: '1700000001.0',
      },
    ],
  });
}

export function messageShortcut(text: string, options: { responseUrl: string; callbackId: string; user?: string }): SlackRequest {
  return interaction({
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: '1700000002.0',
    team: { id: TEAM_ID, domain: 'test' },
    user: { id: options.user ?? 'U0ASKER', name: 'asker' },
    channel: { id: 'C0GENERAL', name: 'general' },
    callback_id: options.callbackId,
    trigger_id: '1.2.3',
    message_ts: '1700000000.000200',
    message: { type: 'message', user: 'U0OTHER', ts: '1700000000.000200', text },
    response_url: options.responseUrl,
  });
}

import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SRM_COMMAND } from '../src/slack/listeners/commands/srm.js';
import { BOT_SCOPES } from '../src/slack/scopes.js';
import { ASK_SHORTCUT_ID } from '../src/slack/listeners/shortcuts/askAboutMessage.js';

const SCHEMAS = new URL('./fixtures/slack-manifest-schema/', import.meta.url);
const PUBLISHED = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';
const readJson = (name: string) => JSON.parse(readFileSync(new URL(name, SCHEMAS), 'utf8')) as Record<string, unknown>;
const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8')) as Record<string, any>;

// ajv-formats is CommonJS: under NodeNext its default import is the module, whose `default` is the plugin.
const addFormats = addFormatsPlugin.default;

function validator() {
  // strict: false: Slack's schema uses a non-standard `regex` keyword that ajv would otherwise refuse.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const version of ['1.0.0', '2.0.0']) {
    ajv.addSchema(readJson(`manifest.schema.${version}.json`), `${PUBLISHED}manifest.schema.${version}.json`);
  }
  return ajv.compile(readJson('manifest.schema.json'));
}

describe('manifest.yml', () => {
  it("is a valid app manifest by Slack's published schema", () => {
    const validate = validator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail: a manifest with a mistake is refused', () => {
    const validate = validator();
    const broken = structuredClone(manifest);
    broken.features.slash_commands[0].command = 'srm';
    broken.features.shortcuts[0].type = 'global_message';
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/features/slash_commands/0/command', '/features/shortcuts/0/type']));
  });

  it('declares the command and shortcut the code listens for', () => {
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({ command: SRM_COMMAND, description: expect.any(String), usage_hint: expect.any(String) });
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: ASK_SHORTCUT_ID, name: 'Ask srm-bot' })]);
  });

  it('subscribes to the events the app answers, with interactivity, Socket Mode and the Home tab on', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'assistant_thread_context_changed',
      'assistant_thread_started',
      'message.channels',
      'message.groups',
      'message.im',
      'tokens_revoked',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('enables the agent view under its current key, with a description and at most four suggested prompts', () => {
    const { agent_view: agentView } = manifest.features;
    expect(manifest.features.assistant_view).toBeUndefined();
    expect(agentView.agent_description).toEqual(expect.any(String));
    expect(agentView.suggested_prompts.length).toBeGreaterThanOrEqual(2);
    expect(agentView.suggested_prompts.length).toBeLessThanOrEqual(4);
  });

  it('the schema check knows the agent view: an unknown field in it is refused', () => {
    const validate = validator();
    const broken = structuredClone(manifest);
    broken.features.agent_view.description = broken.features.agent_view.agent_description;
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain('/features/agent_view');
  });

  it('asks for the minimal bot scopes and no user scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'assistant:write',
      'channels:history',
      'chat:write',
      'commands',
      'groups:history',
      'im:history',
    ]);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('asks installing workspaces (OAuth mode) for the same scopes, and names the redirect path Bolt serves', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect(manifest.oauth_config.redirect_urls).toEqual([expect.stringMatching(/^https:\/\/[^/]+\/slack\/oauth_redirect$/)]);
  });
});

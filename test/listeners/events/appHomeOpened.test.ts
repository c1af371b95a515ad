import { describe, expect, it } from 'vitest';
import { appHomeOpened } from '../../../src/slack/listeners/events/appHomeOpened.js';
import { boltArgs, fakeClient, fakeDeps, firstCall, TODAYS_TIP } from '../../support/listenerFakes.js';

async function openTab(tab: string, client = fakeClient()) {
  const { deps, logLines } = fakeDeps();
  await appHomeOpened(deps)({ ...boltArgs(client), event: { type: 'app_home_opened', user: 'U0VISITOR', tab } } as never);
  return { publish: client.views.publish, logLines };
}

describe('App Home opened', () => {
  it("publishes the Home tab for the visitor, with today's tip", async () => {
    const { publish } = await openTab('home');
    const { user_id, view } = firstCall(publish);
    expect(user_id).toBe('U0VISITOR');
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain(TODAYS_TIP.tip.title);
  });

  it('leaves the Messages tab alone', async () => {
    expect((await openTab('messages')).publish).not.toHaveBeenCalled();
  });

  it('logs, and does not throw, when Slack refuses the view', async () => {
    const client = fakeClient();
    client.views.publish.mockRejectedValueOnce(
      Object.assign(new Error('An API error occurred: invalid_blocks'), { code: 'slack_webapi_platform_error', data: { ok: false, error: 'invalid_blocks' } }),
    );
    const { logLines } = await openTab('home', client);
    expect(logLines().find((l) => l.msg === 'could not publish the home view')).toMatchObject({ user: 'U0VISITOR', error: 'invalid_blocks' });
  });
});

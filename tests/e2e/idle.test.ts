/**
 * An idle page costs nothing: once Backstory is `ready` (and after a card was
 * shown and closed), a 10-second Chromium trace holds no call into the
 * extension's scripts: no timer, no observer callback, no event handler.
 * Measured from the trace (what the browser ran), not from wall-clock timing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extensionActivity, recordTrace } from './trace';
import { openPage, useExtensionBrowser } from './support';

const IDLE_MS = 10_000;

describe('an idle page', () => {
  const e2e = useExtensionBrowser();

  it('runs none of Backstory’s code for 10 s after ready: no timers, no observer work, no script', async (t) => {
    const { page, errors } = await openPage(e2e, '/');
    assert.ok((await page.locator('backstory-mention').count()) > 20);
    const events = await recordTrace(e2e.browser.context, page, () =>
      page.waitForTimeout(IDLE_MS),
    );
    const idle = extensionActivity(events, e2e.browser.extensionId);
    t.diagnostic(
      `idle demo page, ${IDLE_MS / 1000} s after ready: ${idle.wakeUps} wake-ups, ${idle.calls} calls, ${idle.scriptMs} ms of script ${JSON.stringify(idle.triggers)}`,
    );
    assert.ok(
      events.some((event) => event.name === 'RunTask'),
      'the trace recorded the page’s tasks',
    );
    assert.deepEqual(
      { wakeUps: idle.wakeUps, calls: idle.calls },
      { wakeUps: 0, calls: 0 },
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is idle again once a card was shown and closed', async (t) => {
    const { page, errors } = await openPage(e2e, '/');
    const mention = page
      .locator('backstory-mention[data-backstory-entity="jeff-sessions"]')
      .first();
    await mention.hover();
    const card = page.locator('backstory-card [role="dialog"]');
    await card.waitFor({ state: 'visible', timeout: 3000 });
    // The trace must see our code while a card is up: it is what the idle check could miss.
    const open = extensionActivity(
      await recordTrace(e2e.browser.context, page, async () => {
        await page.mouse.wheel(0, 40);
        await page.mouse.move(5, 5);
        await card.waitFor({ state: 'hidden', timeout: 3000 });
      }),
      e2e.browser.extensionId,
    );
    assert.ok(open.calls > 0, 'the trace sees our handlers while a card is up');
    const events = await recordTrace(e2e.browser.context, page, () =>
      page.waitForTimeout(IDLE_MS),
    );
    const idle = extensionActivity(events, e2e.browser.extensionId);
    t.diagnostic(
      `after a card closed: ${idle.wakeUps} wake-ups, ${idle.calls} calls, ${idle.scriptMs} ms of script ${JSON.stringify(idle.triggers)}`,
    );
    assert.deepEqual(
      { wakeUps: idle.wakeUps, calls: idle.calls },
      { wakeUps: 0, calls: 0 },
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});

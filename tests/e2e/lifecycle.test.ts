import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  openPage,
  useExtensionBrowser,
  waitForBackstory,
  type E2E,
} from './support';

/** Reloads the extension from one of its own pages (as an update would replace it). */
async function reloadExtension(
  e2e: E2E,
  page: Page,
  beforeReload: () => void = () => {},
): Promise<void> {
  const extensionPage = await e2e.browser.context.newPage();
  await extensionPage.goto(
    `chrome-extension://${e2e.browser.extensionId}/popup.html`,
  );
  beforeReload();
  await extensionPage
    .evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { reload(): void } } }
      ).chrome.runtime.reload(),
    )
    .catch(() => {}); // The extension page goes away with the extension.
  await page.bringToFront();
}

describe('extension lifecycle', () => {
  const e2e = useExtensionBrowser();

  it('a page reload leaves exactly one set of wrappers and one card host', async () => {
    const { page, errors } = await openPage(e2e, '/');
    const before = await page.locator('backstory-mention').count();
    for (let i = 0; i < 2; i += 1) {
      await page.reload();
      await waitForBackstory(page);
      assert.equal(await page.locator('backstory-mention').count(), before);
      assert.equal(
        await page.locator('backstory-mention backstory-mention').count(),
        0,
      );
      assert.equal(await page.locator('backstory-card').count(), 1);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  // Run last: the reloaded extension does not come back in this headless harness
  // (its pages then fail with ERR_BLOCKED_BY_CLIENT), so nothing may follow it.
  it('when the extension is reloaded or updated under an open tab, the old script removes its wrappers, card and attributes without errors', async () => {
    const { page, errors } = await openPage(e2e, '/');
    assert.ok((await page.locator('backstory-mention').count()) > 20);
    await page
      .locator('backstory-mention[data-backstory-entity="jeff-sessions"]')
      .first()
      .hover();
    await page
      .locator('backstory-card [role="dialog"]')
      .waitFor({ state: 'visible', timeout: 2000 });
    const original = await page.evaluate(() => document.body.textContent);

    await reloadExtension(e2e, page);
    // No polling any more: the orphan-watch port's disconnect is what tells the old script.
    await page.waitForFunction(
      () => !document.querySelector('backstory-mention, backstory-card'),
      undefined,
      { timeout: 1500 },
    );
    assert.equal(await page.getAttribute('html', 'data-backstory-state'), null);
    assert.equal(
      await page.evaluate(() => document.body.textContent),
      original,
      'the page text is exactly as before',
    );
    await page.mouse.move(10, 10);
    await page.waitForTimeout(300);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('extension lifecycle after Chromium stopped the idle service worker', () => {
  const e2e = useExtensionBrowser();

  // Chromium stops an MV3 worker about 30 s after its last event, which also
  // closes the orphan-watch port (Playwright keeps workers alive, so the test
  // stops it the way Chromium does). The script must not reconnect (that would
  // wake the worker), and must still notice a later reload.
  it('does not wake the stopped worker, and the reader’s next move after an extension reload removes everything', async () => {
    const { page, errors } = await openPage(e2e, '/');
    const mentions = await page.locator('backstory-mention').count();
    assert.ok(mentions > 20);
    // The worker's state as Chromium reports it (Playwright keeps a stopped worker listed).
    const cdp = await e2e.browser.context.newCDPSession(page);
    let workerStatus = '';
    let onStatus = () => {};
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions)
        if (version.scriptURL.includes(e2e.browser.extensionId))
          workerStatus = version.runningStatus;
      onStatus();
    });
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<void>((done) => {
      onStatus = () => workerStatus === 'stopped' && done();
    });
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    assert.equal(
      await page.locator('backstory-mention').count(),
      mentions,
      'a stopped worker is not a reload: the page stays annotated',
    );

    await reloadExtension(e2e, page, () =>
      assert.equal(workerStatus, 'stopped', 'nothing woke the worker'),
    );
    await cdp.detach();
    await page.mouse.move(200, 300);
    await page.waitForFunction(
      () => !document.querySelector('backstory-mention, backstory-card'),
      undefined,
      { timeout: 1500 },
    );
    assert.equal(await page.getAttribute('html', 'data-backstory-state'), null);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

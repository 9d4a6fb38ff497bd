import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  openPage,
  useExtensionBrowser,
  waitForBackstory,
  waitForConsoleFlush,
} from './support';

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
});

// A browser of its own: the reloaded extension does not come back in this
// headless harness (its pages then fail with ERR_BLOCKED_BY_CLIENT), so this
// test must not share a browser with any other, whatever the order.
describe('extension lifecycle: reload under an open tab', () => {
  const e2e = useExtensionBrowser();

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

    const extensionPage = await e2e.browser.context.newPage();
    await extensionPage.goto(
      `chrome-extension://${e2e.browser.extensionId}/popup.html`,
    );
    await extensionPage
      .evaluate(() =>
        (
          globalThis as unknown as { chrome: { runtime: { reload(): void } } }
        ).chrome.runtime.reload(),
      )
      .catch(() => {}); // The extension page goes away with the extension.
    await page.bringToFront();
    await page.waitForFunction(
      () => !document.querySelector('backstory-mention, backstory-card'),
      undefined,
      { timeout: 5000 },
    );
    assert.equal(await page.getAttribute('html', 'data-backstory-state'), null);
    assert.equal(
      await page.evaluate(() => document.body.textContent),
      original,
      'the page text is exactly as before',
    );
    // The old script's listeners are gone: pointer events raise no errors.
    await page.mouse.move(10, 10);
    await page.mouse.move(400, 300, { steps: 5 });
    await waitForConsoleFlush(page);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

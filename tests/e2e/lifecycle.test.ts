import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { findBrowser } from '../../scripts/find-browser';
import {
  CHROME_BUILD_DIR,
  unpackedExtensionId,
} from '../../scripts/launch-browser';
import { PROJECT_MOUNTS, serveStatic } from '../../scripts/serve-static';
import {
  openPage,
  useExtensionBrowser,
  waitForBackstory,
  waitForConsoleFlush,
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

    await reloadExtension(e2e, page);
    // No polling any more: the orphan-watch port's disconnect is what tells the old script.
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
      { timeout: 5000 },
    );
    assert.equal(await page.getAttribute('html', 'data-backstory-state'), null);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe('the service worker’s idle lifetime', () => {
  // Playwright keeps workers alive once it attaches, so this browser is driven
  // without attaching to anything: targets are read from the DevTools HTTP
  // list, which attaches to nothing.
  it('is not extended by the open orphan-watch port: Chromium stops the idle worker as usual', async (t) => {
    const server = await serveStatic(PROJECT_MOUNTS);
    const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
    const extensionDir = resolve(CHROME_BUILD_DIR);
    const workerUrl = `chrome-extension://${unpackedExtensionId(extensionDir)}/background.js`;
    const chromium = spawn(
      findBrowser(),
      [
        '--headless',
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--remote-debugging-port=0',
        `${server.origin}/`,
      ],
      // Its own process group, so cleanup stops the renderers and crashpad too, not just the browser
      // process: children left writing to the profile made rmSync fail and kept the run from exiting.
      { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
    );
    try {
      const devtools = await new Promise<string>((done, fail) => {
        let output = '';
        chromium.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const port = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(
            output,
          );
          if (port) done(`http://127.0.0.1:${port[1]}`);
        });
        chromium.once('exit', () => fail(new Error(output)));
      });
      const targets = async () =>
        (await (await fetch(`${devtools}/json/list`)).json()) as {
          type: string;
          url: string;
        }[];
      const until = async (what: string, ok: () => Promise<boolean>) => {
        const deadline = Date.now() + 90_000;
        while (!(await ok())) {
          assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
          await new Promise((done) => setTimeout(done, 250));
        }
      };
      const workerRunning = async () =>
        (await targets()).some(
          (target) =>
            target.type === 'service_worker' && target.url === workerUrl,
        );
      // The page load wakes the worker: the content script opens its port and reports its count.
      await until(
        'the page is open and the worker runs',
        async () =>
          (await targets()).some(
            (target) =>
              target.type === 'page' && target.url.startsWith(server.origin),
          ) && (await workerRunning()),
      );
      const since = Date.now();
      await until(
        'Chromium stopped the idle worker',
        async () => !(await workerRunning()),
      );
      t.diagnostic(
        `the worker stopped ${Math.round((Date.now() - since) / 1000)} s after the page woke it, its port still open`,
      );
    } finally {
      const exited = new Promise((done) =>
        chromium.exitCode === null ? chromium.once('exit', done) : done(null),
      );
      try {
        if (chromium.pid) process.kill(-chromium.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
      await exited;
      await server.close();
      rmSync(profile, {
        recursive: true,
        force: true,
        maxRetries: 5,
        retryDelay: 200,
      });
    }
  });
});

/**
 * The content script's on-demand part in Firefox ESR
 * (docs/decisions/0008-content-script-on-demand.md): Firefox lets a content
 * script import() the extension's own files with no web-accessible resource,
 * so the page has nothing to probe. A page that mentions nobody never loads
 * it; a name added later loads it, under a strict Content-Security-Policy
 * header with Trusted Types (and under the meta-tag policy of the hostile
 * fixture), with no violation, no error, nothing in the page's resource
 * timing and no request but the page's own. Skipped, saying so, without
 * Firefox.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  PROJECT_MOUNTS,
  serveStatic,
  type StaticServer,
} from '../../../scripts/serve-static';

const FIREFOX = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
].find((path): path is string => Boolean(path && existsSync(path)));
const BUILD = resolve('.output/firefox-mv2');
const MENTION = 'backstory-mention[data-backstory-entity="jeff-sessions"]';

type Timing = { engaged: boolean; engineMs: number; mentions: number };

/** Opens `path` with CSP violations recorded from before the page's first script; waits for `ready`. */
async function open(browser: Browser, server: StaticServer, path: string) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => {
    // Firefox reports its own favicon request against the page's policy: the browser's, not ours.
    if (!String(error).includes('/favicon.ico')) errors.push(String(error));
  });
  await page.evaluateOnNewDocument(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(
    () =>
      document.documentElement.getAttribute('data-backstory-state') === 'ready',
    { timeout: 15_000 },
  );
  return { page, requests, errors };
}

/** The card opens on the mention, styled; the page saw no violation and no extension URL. */
async function cardOpensCleanly(page: Page): Promise<void> {
  const mention = await page.waitForSelector(MENTION, { timeout: 5000 });
  await mention!.hover();
  const fontSize = await page.waitForFunction(
    () => {
      const h2 = document
        .querySelector('backstory-card')
        ?.shadowRoot?.querySelector('[role="dialog"] h2');
      return h2 ? getComputedStyle(h2).fontSize : null;
    },
    { timeout: 5000 },
  );
  assert.equal(await fontSize.jsonValue(), '19px', 'card styles applied');
  const seen = await page.evaluate(() => ({
    // The browser's own favicon request again (see `open`).
    violations: (
      window as unknown as { __violations: string[] }
    ).__violations.filter((violation) => !violation.includes('/favicon.ico')),
    extensionEntries: performance
      .getEntries()
      .map((entry) => entry.name)
      .filter((name) => name.startsWith('moz-extension:')),
  }));
  assert.deepEqual(seen, { violations: [], extensionEntries: [] });
}

describe('the on-demand part in Firefox ESR', {
  skip: FIREFOX
    ? false
    : 'Firefox is not installed (apt-get install firefox-esr)',
}, () => {
  it('is not loaded on a quiet page; a name added later loads it, under strict CSPs', async () => {
    assert.ok(
      existsSync(`${BUILD}/manifest.json`),
      'run `npm run build:firefox` first',
    );
    const server = await serveStatic(PROJECT_MOUNTS);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: { 'xpinstall.signatures.required': false },
    });
    try {
      await browser.installExtension(BUILD);
      const quiet = await open(browser, server, '/fixtures/quiet/?strict-csp');
      const timing = await quiet.page.evaluate(
        () =>
          JSON.parse(
            document.documentElement.getAttribute('data-backstory-timing')!,
          ) as Timing,
      );
      assert.deepEqual(
        [timing.engaged, timing.engineMs],
        [false, 0],
        'nothing loaded or built for a page without names',
      );
      await quiet.page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent =
          'Jeff Sessions lost the Alabama Senate runoff to Tommy Tuberville.';
        document.getElementById('feed')!.append(p);
      });
      await cardOpensCleanly(quiet.page);
      assert.deepEqual(
        quiet.requests.filter((url) => !url.startsWith(server.origin)),
        [],
        'no request but the page’s own',
      );
      assert.deepEqual(quiet.errors, []);

      const strict = await open(
        browser,
        server,
        '/fixtures/hostile/strict-csp.html?strict-csp',
      );
      await cardOpensCleanly(strict.page);
      assert.deepEqual(strict.errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

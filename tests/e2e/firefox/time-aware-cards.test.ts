/**
 * Time-aware cards in Firefox ESR (the content script alone: Firefox's
 * `menus` and `commands` cannot be driven from WebDriver BiDi, so selection
 * lookup is tested in Chromium). A page dated after the card's "as of" date
 * shows the card's line about time. Skipped, saying so, without Firefox.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import { PROJECT_MOUNTS, serveStatic } from '../../../scripts/serve-static';

const FIREFOX = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
].find((path): path is string => Boolean(path && existsSync(path)));
const BUILD = resolve('.output/firefox-mv2');

describe('time-aware cards in Firefox ESR', {
  skip: FIREFOX
    ? false
    : 'Firefox is not installed (apt-get install firefox-esr)',
}, () => {
  it('a page from after the card’s date says so on the card', async () => {
    const server = await serveStatic(PROJECT_MOUNTS);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: { 'xpinstall.signatures.required': false },
    });
    try {
      await browser.installExtension(BUILD);
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${server.origin}/fixtures/dated/json-ld.html`);
      await page.waitForFunction(
        () =>
          document.documentElement.getAttribute('data-backstory-state') ===
          'ready',
        { timeout: 15_000 },
      );
      const mention = await page.$(
        'backstory-mention[data-backstory-entity="jeff-sessions"]',
      );
      assert.ok(mention);
      await mention.hover();
      const line = await page.waitForFunction(
        () =>
          document
            .querySelector('backstory-card')
            ?.shadowRoot?.querySelector('.bs-card__time')?.textContent,
        { timeout: 5000 },
      );
      assert.equal(
        await line.jsonValue(),
        'This card is as of May 23, 2020; this page is from Jan 7, 2021.',
      );
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

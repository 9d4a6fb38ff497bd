/**
 * Firefox smoke test: the built Firefox extension (MV2) in Firefox ESR, driven
 * by puppeteer-core over WebDriver BiDi. Annotations and a hover card work on
 * the demo page. Skipped, saying so, where Firefox is not installed (the
 * Chromium suite is the one that always runs); `.ci/run` installs it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
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

describe('Backstory in Firefox ESR', {
  skip: FIREFOX
    ? false
    : 'Firefox is not installed (apt-get install firefox-esr)',
}, () => {
  it('annotates the demo page and shows a hover card', async () => {
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
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${server.origin}/`);
      await page.waitForFunction(
        () =>
          document.documentElement.getAttribute('data-backstory-state') ===
          'ready',
        {
          timeout: 15_000,
        },
      );
      const people = await page.$$eval('backstory-mention', (elements) =>
        [
          ...new Set(
            elements.map((el) => el.getAttribute('data-backstory-entity')),
          ),
        ].filter(Boolean),
      );
      for (const id of [
        'donald-trump',
        'jeff-sessions',
        'tommy-tuberville',
        'doug-jones',
      ]) {
        assert.ok(people.includes(id), `${id} annotated`);
      }
      const mention = await page.$(
        'backstory-mention[data-backstory-entity="tommy-tuberville"]',
      );
      assert.ok(mention);
      await mention.scrollIntoView();
      await mention.hover();
      await page.waitForFunction(
        () =>
          document
            .querySelector('backstory-card')
            ?.shadowRoot?.querySelector('[role="dialog"] h2')?.textContent ===
          'Tommy Tuberville',
        { timeout: 5000 },
      );
      mkdirSync('.output/screenshots', { recursive: true });
      // The card's entrance animation is over before the picture.
      await page.evaluate(async () => {
        const root = document.querySelector('backstory-card')?.shadowRoot;
        if (root)
          await Promise.all(root.getAnimations().map((a) => a.finished));
      });
      await page.screenshot({ path: '.output/screenshots/firefox-card.png' });
      assert.equal(
        await page.$eval('#comment-body', (el) =>
          (el as HTMLTextAreaElement).value.startsWith('Jeff Sessions'),
        ),
        true,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

/**
 * Backstory sends nothing anywhere. Every request the browser makes while
 * reading pages, opening cards and using the popup is recorded; with the
 * extension, the pages make exactly the requests they make without it, and
 * the extension's own pages load only their own files.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  type E2E,
  serviceWorkerOf,
  pointAtMention,
  usePlainBrowser,
  useExtensionBrowser,
  waitForBackstory,
} from './support';

/** The content script's on-demand part (scripts/content-on-demand-build.ts). */
const ON_DEMAND_FILE = 'content-scripts/on-demand.js';

const PAGES = [
  '/',
  '/fixtures/corpus/01-wire-runoff-results.html',
  '/fixtures/corpus/02-liveblog-runoff-night.html',
  '/fixtures/dynamic/infinite-scroll.html',
];

function record(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** The icon the browser fetches for the page on its own (declared, or /favicon.ico), or null. */
function pageIcon(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const declared =
      document.querySelector<HTMLLinkElement>('link[rel~="icon"]');
    if (!declared) return new URL('/favicon.ico', location.href).href;
    return declared.href.startsWith('http') ? declared.href : null;
  });
}

/** Reads `path` as a reader would; returns the page's icon (see pageIcon). */
async function read(
  page: Page,
  origin: string,
  path: string,
  withExtension: boolean,
): Promise<string | null> {
  await page.goto(`${origin}${path}`);
  if (withExtension) {
    await waitForBackstory(page);
    for (const mention of (await page.locator('backstory-mention').all()).slice(
      0,
      3,
    )) {
      await pointAtMention(page, mention);
      // Its card is open (the mention is marked active while it is).
      await page.waitForFunction(
        (element) => element?.hasAttribute('data-backstory-active'),
        await mention.elementHandle(),
      );
      // Away, and closed, so the card does not cover the next mention.
      await page.mouse.move(0, 0);
      await page.waitForFunction(
        () => !document.querySelector('[data-backstory-active]'),
      );
    }
  } else {
    await page.waitForLoadState('load');
  }
  if (path.includes('infinite')) {
    await page.click('#more');
    // The appended article is there, and annotated where Backstory runs.
    await page.waitForSelector(
      withExtension ? 'article.late backstory-mention' : 'article.late',
    );
  }
  return pageIcon(page);
}

describe('privacy', () => {
  const e2e = useExtensionBrowser();
  const plain = usePlainBrowser();

  it('makes no network request of its own while reading pages, opening cards and using the popup', async () => {
    const withExtension = record(e2e.browser.context);
    // The browser fetches a page's icon after the load, whenever it gets to
    // it: the page's request, in either run or neither, never Backstory's.
    const icons = new Set<string | null>();
    const page = await e2e.browser.context.newPage();
    for (const path of PAGES)
      icons.add(await read(page, e2e.server.origin, path, true));
    const popup = await e2e.browser.context.newPage();
    await popup.goto(
      `chrome-extension://${e2e.browser.extensionId}/popup.html`,
    );
    await popup.waitForFunction(
      () => document.activeElement?.id === 'lookup-input',
    );
    await popup.keyboard.type('tuberville');
    await popup.waitForSelector('[role=option] >> text=Tommy Tuberville');
    await popup.close();
    await page.close();

    const without = record(plain.context);
    const plainPage = await plain.context.newPage();
    for (const path of PAGES)
      icons.add(await read(plainPage, e2e.server.origin, path, false));
    await plainPage.close();

    // The on-demand part is fetched at the extension's per-session URL (use_dynamic_url) and then,
    // inside the browser, from the extension itself: both are the extension's own files.
    const dynamicPrefix = await onDemandOrigin(e2e);
    const ownPrefix = `chrome-extension://${e2e.browser.extensionId}/`;
    assert.ok(
      withExtension.includes(`${dynamicPrefix}${ON_DEMAND_FILE}`),
      'the on-demand part was loaded at its per-session URL',
    );
    assert.deepEqual(
      withExtension.filter(
        (url) =>
          url.startsWith(dynamicPrefix) &&
          url !== `${dynamicPrefix}${ON_DEMAND_FILE}`,
      ),
      [],
      'nothing else at the per-session URL',
    );
    const unexpected = withExtension.filter(
      (url) =>
        !url.startsWith(ownPrefix) &&
        !url.startsWith(dynamicPrefix) &&
        !without.includes(url) &&
        !icons.has(url),
    );
    assert.deepEqual(
      unexpected,
      [],
      'requests made only because Backstory was installed',
    );
    const foreign = withExtension.filter(
      (url) =>
        !url.startsWith(ownPrefix) &&
        !url.startsWith(dynamicPrefix) &&
        !url.startsWith(e2e.server.origin),
    );
    assert.deepEqual(foreign, [], 'requests to anything but the test pages');
    const ownFiles = withExtension
      .filter((url) => url.startsWith(ownPrefix))
      .map((url) => new URL(url).pathname);
    assert.ok(ownFiles.includes('/popup.html'), 'the popup was opened');
  });

  it('leaves a page no trace of the on-demand part: not in its resource timing, not at the fixed URL', async () => {
    const page = await e2e.browser.context.newPage();
    await page.goto(`${e2e.server.origin}/`);
    await waitForBackstory(page);
    await page.waitForSelector('backstory-mention'); // The part is loaded.
    const fixedUrl = `chrome-extension://${e2e.browser.extensionId}/${ON_DEMAND_FILE}`;
    const seen = await page.evaluate(async (url) => {
      const entries = performance
        .getEntries()
        .map((entry) => entry.name)
        .filter((name) => /^(chrome|moz)-extension:/.test(name));
      const probe = await fetch(url).then(
        (response) => `status ${response.status}`,
        () => 'refused',
      );
      return { entries, probe };
    }, fixedUrl);
    assert.deepEqual(seen, { entries: [], probe: 'refused' });
    await page.close();
  });
});

/** The origin (with its slash) at which pages of this browser session may load the on-demand part. */
async function onDemandOrigin(e2e: E2E): Promise<string> {
  const worker = await serviceWorkerOf(e2e);
  const url = await worker.evaluate(
    (file) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { getURL(path: string): string } };
        }
      ).chrome.runtime.getURL(file),
    ON_DEMAND_FILE,
  );
  assert.ok(
    !url.includes(e2e.browser.extensionId),
    `a per-session URL, not the extension id: ${url}`,
  );
  return url.slice(0, -ON_DEMAND_FILE.length);
}

describe('the built bundles', () => {
  const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(join(dir, entry.name))
        : [join(dir, entry.name)],
    );

  it('contain no eval, no new Function, no network APIs and no remote code', () => {
    for (const build of BUILDS) {
      for (const file of files(build).filter((f) => /\.(js|html)$/.test(f))) {
        const code = readFileSync(file, 'utf8');
        for (const pattern of [
          /\beval\s*\(/,
          /new\s+Function\s*\(/,
          /\bfetch\s*\(/,
          /XMLHttpRequest/,
          /sendBeacon/,
          /new\s+WebSocket/,
          /EventSource/,
          /importScripts/,
        ]) {
          assert.doesNotMatch(code, pattern, `${file} contains ${pattern}`);
        }
        assert.doesNotMatch(
          code,
          /<script[^>]+src=["']https?:/i,
          `${file} loads a remote script`,
        );
        assert.doesNotMatch(
          code,
          /import\(\s*["'`]https?:/,
          `${file} imports remote code`,
        );
      }
    }
  });
});

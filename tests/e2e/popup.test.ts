/**
 * The popup in real Chromium, next to the demo page. The popup page
 * (chrome-extension://ID/popup.html) opens in a small window of its own, so
 * the page stays the active, rendering tab of its window as it is for a reader
 * (smooth scrolling stalls in a background tab); the popup names the page's
 * tab with `?tab=<id>`, an id the service worker's tabs.query({active: true})
 * gives while the page is in front.
 *
 * Set BACKSTORY_SCREENSHOTS=<dir> to also write each popup view, light and dark.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Page, Worker } from 'playwright-core';
import {
  openPage,
  readStoredSettings,
  useExtensionBrowser,
  waitForBackstory,
  waitUntil,
  writeStoredSettings,
  type E2E,
} from './support';

// Runs inside the browser (extension pages, service worker), where `chrome` exists.
// biome-ignore lint/suspicious/noExplicitAny: the extension API as the page sees it, untyped in Node.
declare const chrome: any;

const SCREENSHOT_DIR = process.env.BACKSTORY_SCREENSHOTS;

describe('the popup', () => {
  const e2e = useExtensionBrowser();

  beforeEach(async () => {
    await writeStoredSettings(e2e, { version: 2 });
  });
  afterEach(async () => {
    // Each test starts with one blank tab (closing the last one would end the browser).
    const [keep, ...rest] = e2e.browser.context.pages();
    for (const page of rest) await page.close();
    await keep?.goto('about:blank');
  });

  it('looks up a name typed with a typo, by keyboard, and shows the same card as on pages', async () => {
    const { page } = await openPage(e2e, '/');
    const { popup, errors } = await openPopup(e2e, page);
    assert.equal(
      await popup.evaluate(() => document.activeElement?.id),
      'lookup-input',
      'the search box has focus on open',
    );
    await snap(popup, 'lookup-everything');

    await popup.keyboard.type('Tubervile');
    const first = popup.locator('[role=option]').first();
    assert.match(await first.innerText(), /^Tommy Tuberville/);
    const input = popup.locator('#lookup-input');
    assert.equal(
      await input.getAttribute('aria-activedescendant'),
      'lookup-option-tommy-tuberville',
    );
    await snap(popup, 'lookup-typo');
    await popup.keyboard.press('ArrowDown');
    assert.notEqual(
      await input.getAttribute('aria-activedescendant'),
      'lookup-option-tommy-tuberville',
    );
    await popup.keyboard.press('ArrowUp');
    assert.equal(
      await input.getAttribute('aria-activedescendant'),
      'lookup-option-tommy-tuberville',
    );

    // The page's own count of Tuberville mentions (a mention split by markup counts once).
    const onPage = await page.$$eval(
      'backstory-mention[data-backstory-entity="tommy-tuberville"]',
      (elements) =>
        new Set(
          elements.map(
            (el, i) => el.getAttribute('data-backstory-group') ?? `single-${i}`,
          ),
        ).size,
    );
    assert.ok(onPage > 1);
    await popup.keyboard.press('Enter');
    const card = popup.locator('.detail article.bs-card');
    assert.equal(await card.locator('h2').innerText(), 'Tommy Tuberville');
    assert.match(await card.innerText(), /football coach/);
    assert.match(
      await popup.locator('.detail__reveal').innerText(),
      new RegExp(`Show on this page\\s*${onPage}\\b`),
    );
    await snap(popup, 'lookup-card');

    await popup.keyboard.press('Escape');
    await popup.waitForSelector('#lookup-input');
    assert.equal(
      await input.inputValue(),
      'Tubervile',
      'Esc from the card goes back to the results',
    );
    await popup.waitForFunction(
      () => document.activeElement?.id === 'lookup-input',
    );
    await popup.keyboard.press('Escape');
    assert.equal(await input.inputValue(), '', 'Esc in the box clears it');
    assert.deepEqual(errors, []);
  });

  it('lists the demo page’s entities with the right counts, most mentioned first, and jumps to each mention', async () => {
    const { page } = await openPage(e2e, '/');
    const expected = await page.evaluate(() => {
      const counts: Record<string, number> = {};
      const groups = new Set<string>();
      for (const mention of document.querySelectorAll('backstory-mention')) {
        const group = mention.getAttribute('data-backstory-group');
        if (group !== null) {
          if (groups.has(group)) continue;
          groups.add(group);
        }
        const id = mention.getAttribute('data-backstory-entity')!;
        counts[id] = (counts[id] ?? 0) + 1;
      }
      return counts;
    });
    assert.ok(
      Object.keys(expected).length > 10,
      'the demo page mentions many entities',
    );

    const { popup, errors } = await openPopup(e2e, page);
    await popup.click('#tab-page');
    await popup.waitForSelector('.whoiswho__row');
    const rows = await popup.$$eval('.whoiswho__row', (items) =>
      items.map(
        (item) =>
          [
            item.getAttribute('data-entity')!,
            Number(item.querySelector('.count')!.textContent),
          ] as const,
      ),
    );
    assert.deepEqual(Object.fromEntries(rows), expected);
    const counts = rows.map(([, count]) => count);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
      'most mentioned first',
    );
    assert.equal(
      await popup.locator('#tab-page .count').innerText(),
      String(rows.length),
    );
    const total = counts.reduce((sum, count) => sum + count, 0);
    assert.equal(
      await badgeText(e2e, page),
      String(total),
      'the badge shows the number of mentions',
    );
    await snap(popup, 'this-page');

    // Doug Jones is mentioned more than once, far apart: each choice goes to the next mention.
    assert.ok(expected['doug-jones']! >= 2);
    const jump = popup.locator(
      '.whoiswho__row[data-entity="doug-jones"] .whoiswho__jump',
    );
    const seen: number[] = [];
    for (let i = 0; i < expected['doug-jones']! + 1; i += 1) {
      await jump.click();
      const index = await page.waitForFunction(
        (previous) => {
          const all = [
            ...document.querySelectorAll(
              'backstory-mention[data-backstory-entity="doug-jones"]',
            ),
          ];
          const flashed = all.find((mention) =>
            mention.hasAttribute('data-backstory-flash'),
          );
          if (!flashed || all.indexOf(flashed) === previous) return null;
          const rect = flashed.getBoundingClientRect();
          // An object: index 0 is falsy, and waitForFunction waits for a truthy value.
          return rect.top >= 0 && rect.bottom <= innerHeight
            ? { index: all.indexOf(flashed) }
            : null;
        },
        seen.at(-1) ?? -1,
        { timeout: 3000, polling: 50 },
      );
      seen.push(((await index.jsonValue()) as { index: number }).index);
    }
    await page.waitForFunction(
      () => !document.querySelector('[data-backstory-flash]'),
      undefined,
      { timeout: 3000, polling: 50 },
    );
    const firstPass = seen.slice(0, -1);
    assert.deepEqual(
      firstPass,
      [...firstPass].sort((a, b) => a - b),
      'down the page, one after another',
    );
    assert.equal(
      new Set(firstPass).size,
      firstPass.length,
      'a different mention each time',
    );
    assert.equal(
      seen.at(-1),
      seen[0],
      'after the last one it starts again at the first',
    );
    assert.match(
      await popup.locator('.popup__notice').innerText(),
      /Showing Doug Jones on the page/,
    );
    assert.deepEqual(errors, []);
  });

  it('says so on a page it cannot run on, and lookup still works there', async () => {
    const browserPage = await e2e.browser.context.newPage();
    await browserPage.goto('chrome://version/');
    const { popup, errors } = await openPopup(e2e, browserPage);
    await popup.click('#tab-page');
    await popup.waitForSelector('[data-empty="unavailable"]');
    assert.match(
      await popup.locator('[data-empty="unavailable"]').innerText(),
      /can’t run on this page/,
    );
    assert.equal(
      await popup.locator('.site-button').count(),
      0,
      'no site to pause',
    );
    await snap(popup, 'this-page-unavailable');
    await popup.click('#tab-lookup');
    await popup.fill('#lookup-input', 'pelosi');
    assert.match(
      await popup.locator('[role=option]').first().innerText(),
      /^Nancy Pelosi/,
    );
    assert.deepEqual(errors, []);
  });

  it('switching off removes the page’s annotations within half a second, and on restores them', async (t) => {
    const { page } = await openPage(e2e, '/');
    const before = await page.locator('backstory-mention').count();
    const { popup, errors } = await openPopup(e2e, page);
    const toggle = popup.locator('[role=switch]');
    assert.equal(await toggle.getAttribute('aria-checked'), 'true');

    const offAt = Date.now();
    await toggle.click();
    await page.waitForFunction(
      () =>
        document.documentElement.getAttribute('data-backstory-state') ===
          'off' && !document.querySelector('backstory-mention'),
      undefined,
      { timeout: 2000, polling: 10 },
    );
    const offMs = Date.now() - offAt;
    assert.ok(offMs < 500, `annotations gone after ${offMs} ms`);
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    await popup.click('#tab-page');
    await popup.waitForSelector('[data-empty="off"]');
    await popup.waitForFunction(
      () =>
        document.querySelector('#site-status')?.textContent ===
        'Off everywhere',
    );
    await waitForBadge(e2e, page, 'off');
    await snap(popup, 'off');

    const onAt = Date.now();
    await toggle.click();
    await page.waitForFunction(
      (count) =>
        document.documentElement.getAttribute('data-backstory-state') ===
          'ready' &&
        document.querySelectorAll('backstory-mention').length === count,
      before,
      { timeout: 2000, polling: 10 },
    );
    const onMs = Date.now() - onAt;
    assert.ok(onMs < 500, `annotations back after ${onMs} ms`);
    t.diagnostic(
      `off in ${offMs} ms, on again in ${onMs} ms (${before} mention elements)`,
    );
    await popup.waitForSelector('.whoiswho__row');
    assert.deepEqual(errors, []);
  });

  it('pausing the demo site leaves another site annotated; the paused list shows it and can resume it', async () => {
    const { page } = await openPage(e2e, '/');
    const other = await e2e.browser.context.newPage();
    await other.goto(`http://localhost:${e2e.server.port}/`);
    assert.equal(await waitForBackstory(other), 'ready');
    await tabIdOf(e2e, other);
    const otherCount = await other.locator('backstory-mention').count();

    const { popup, errors } = await openPopup(e2e, page);
    await popup.click('.site-button');
    await page.waitForSelector('html[data-backstory-state="off"]', {
      timeout: 1000,
    });
    assert.equal(await page.locator('backstory-mention').count(), 0);
    assert.match(
      await popup.locator('.site-button').innerText(),
      /Resume on 127\.0\.0\.1/,
    );
    assert.match(
      await popup.locator('#site-status').innerText(),
      /Paused on 127\.0\.0\.1/,
    );
    await waitForBadge(e2e, page, 'off');

    // The window: a later settings change, which the other site's script
    // applies only after the pause (changes apply in order). By then a wrong
    // reaction to the pause would show.
    await popup.click('#tab-settings');
    await popup.click('input[name="mentionStyle"][value="solid"]');
    await other.waitForSelector('html[data-backstory-style="solid"]', {
      timeout: 2000,
    });
    assert.equal(
      await other.getAttribute('html', 'data-backstory-state'),
      'ready',
    );
    assert.equal(await other.locator('backstory-mention').count(), otherCount);
    assert.equal(
      await badgeText(e2e, other),
      String(await mentionTotal(other)),
    );

    await popup.click('#tab-settings');
    const paused = popup.locator('ul[aria-label="Paused sites"] li');
    assert.deepEqual(await paused.allInnerTexts(), ['127.0.0.1\nResume']);
    await snap(popup, 'settings', { fullPanel: true });
    await popup.click('button[aria-label="Resume on 127.0.0.1"]');
    await page.waitForSelector('html[data-backstory-state="ready"]', {
      timeout: 2000,
    });
    assert.equal(
      await popup.locator('ul[aria-label="Paused sites"]').count(),
      0,
    );
    assert.deepEqual(errors, []);
    await other.close();
  });

  it('settings apply live to the open page: how mentions look, kinds, first mention only', async () => {
    const { page } = await openPage(e2e, '/');
    const { popup, errors } = await openPopup(e2e, page);
    await popup.click('#tab-settings');
    const look = () =>
      page.evaluate(() => {
        const style = getComputedStyle(
          document.querySelector('backstory-mention:not(:hover)')!,
        );
        return {
          line: style.textDecorationLine,
          style: style.textDecorationStyle,
          background: style.backgroundColor,
        };
      });
    assert.deepEqual(await look(), {
      line: 'underline',
      style: 'dotted',
      background: 'rgba(0, 0, 0, 0)',
    });
    await popup.click('input[name="mentionStyle"][value="solid"]');
    await page.waitForSelector('html[data-backstory-style="solid"]', {
      timeout: 1000,
    });
    assert.equal((await look()).style, 'solid');
    await popup.click('input[name="mentionStyle"][value="highlight"]');
    await page.waitForSelector('html[data-backstory-style="highlight"]', {
      timeout: 1000,
    });
    assert.equal((await look()).line, 'none');
    assert.notEqual((await look()).background, 'rgba(0, 0, 0, 0)');
    await popup.click('input[name="mentionStyle"][value="hover-only"]');
    await page.waitForSelector('html[data-backstory-style="hover-only"]', {
      timeout: 1000,
    });
    assert.deepEqual(await look(), {
      line: 'none',
      style: 'dotted',
      background: 'rgba(0, 0, 0, 0)',
    });
    await page.hover('backstory-mention');
    assert.equal(
      await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('backstory-mention:hover')!)
            .textDecorationLine,
      ),
      'underline',
    );

    const entities = () =>
      page.$$eval('backstory-mention', (els) =>
        els.map((el) => el.getAttribute('data-backstory-entity')!),
      );
    await popup.click('input[name="kind-place"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('backstory-mention').length > 0 &&
        !document.querySelector('[data-backstory-entity="alabama"]'),
      undefined,
      { timeout: 2000 },
    );
    await popup.click('input[name="firstMentionOnly"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll(
          '[data-backstory-entity="jeff-sessions"]:not([data-backstory-group])',
        ).length === 1,
      undefined,
      { timeout: 2000 },
    );
    const once = await entities();
    assert.ok(!once.includes('alabama'));
    assert.equal(once.filter((id) => id === 'donald-trump').length, 1);
    await popup.click('#tab-page');
    await popup.waitForFunction(
      () =>
        Number(
          document.querySelector(
            '.whoiswho__row[data-entity="donald-trump"] .count',
          )?.textContent,
        ) === 1,
    );
    assert.deepEqual(errors, []);
  });

  it('garbage in storage still gives a working popup that kept every valid field', async () => {
    await writeStoredSettings(e2e, {
      version: 2,
      enabled: 'yes please',
      pausedSites: ['example.com', 42, '<img src=x>', null],
      kinds: { person: false, place: 'maybe' },
      firstMentionOnly: 'sure',
      hoverDelayMs: 800,
      mentionStyle: 'sparkles',
      hiddenEntities: ['doug-jones', '__proto__', 7],
      hiddenOnSites: 'everywhere',
      constructor: { prototype: { polluted: true } },
    });
    const { page } = await openPage(e2e, '/');
    const { popup, errors } = await openPopup(e2e, page);
    await popup.click('#tab-settings');
    assert.equal(
      await popup.locator('[role=switch]').getAttribute('aria-checked'),
      'true',
    );
    assert.equal(
      await popup.isChecked('input[name="kind-person"]'),
      false,
      'kept: people off',
    );
    for (const kind of ['organization', 'place', 'event'])
      assert.equal(
        await popup.isChecked(`input[name="kind-${kind}"]`),
        true,
        kind,
      );
    assert.equal(
      await popup.isChecked('input[name="firstMentionOnly"]'),
      false,
    );
    assert.equal(
      await popup.inputValue('input[name="hoverDelayMs"]'),
      '800',
      'kept: hover delay',
    );
    assert.equal(
      await popup.isChecked('input[name="mentionStyle"][value="dotted"]'),
      true,
    );
    assert.deepEqual(
      await popup.locator('ul[aria-label="Paused sites"] li').allInnerTexts(),
      ['example.com\nResume'],
    );
    assert.match(
      await popup.locator('ul[aria-label="Hidden from cards"]').innerText(),
      /Doug Jones\s*everywhere/,
    );
    await snap(popup, 'settings-after-garbage', { fullPanel: true });

    // The page obeyed the kept fields too: no people, Doug Jones hidden.
    assert.equal(
      await page
        .locator('backstory-mention[data-backstory-entity="jeff-sessions"]')
        .count(),
      0,
    );
    assert.ok((await page.locator('backstory-mention').count()) > 0);

    // A change from the popup stores clean settings that still have every valid field.
    await popup.click('input[name="firstMentionOnly"]');
    let stored = await readStoredSettings(popup);
    for (let i = 0; i < 50 && !stored.firstMentionOnly; i += 1) {
      await popup.waitForTimeout(20);
      stored = await readStoredSettings(popup);
    }
    assert.deepEqual(JSON.parse(JSON.stringify(stored)), {
      version: 2,
      enabled: true,
      pausedSites: ['example.com'],
      kinds: { person: false, organization: true, place: true, event: true },
      firstMentionOnly: true,
      hoverDelayMs: 800,
      mentionStyle: 'dotted',
      lookupOnDoubleClick: false,
      hiddenEntities: ['doug-jones'],
      hiddenOnSites: {},
    });

    // Lookup still works.
    await popup.click('#tab-lookup');
    await popup.fill('#lookup-input', '@dougjones');
    assert.match(
      await popup.locator('[role=option]').first().innerText(),
      /^Doug Jones/,
    );

    // Not even an object, or an old version: still a working popup.
    for (const [raw, check] of [
      [
        '}{ not json at all',
        async (p: Page) =>
          assert.equal(await p.inputValue('input[name="hoverDelayMs"]'), '500'),
      ],
      [
        { version: 1, paused: ['old.example'], delay: 300 },
        async (p: Page) =>
          assert.equal(await p.inputValue('input[name="hoverDelayMs"]'), '300'),
      ],
    ] as const) {
      await writeStoredSettings(e2e, raw);
      const again = await openPopup(e2e, page);
      await again.popup.click('#tab-settings');
      await check(again.popup);
      assert.deepEqual(again.errors, []);
      await again.popup.close();
    }
    assert.deepEqual(errors, []);
  });

  it('the keyboard shortcut’s command toggles annotations on the current site', async () => {
    const { page } = await openPage(e2e, '/');
    const worker = await serviceWorker(e2e);
    // Chromium accepted the suggested key (it leaves keys it reserves unassigned, shortcut "").
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    assert.deepEqual(
      commands.find(
        (command: { name: string }) => command.name === 'toggle-site',
      )?.shortcut,
      'Alt+Shift+O',
    );

    // Playwright's key presses reach the page, never the browser's shortcut handling
    // (microsoft/playwright#22447), so fire the command event the browser would fire.
    await page.bringToFront();
    await worker.evaluate(() =>
      chrome.commands.onCommand.dispatch('toggle-site'),
    );
    await page.waitForSelector('html[data-backstory-state="off"]', {
      timeout: 1000,
    });
    await waitForBadge(e2e, page, 'off');
    assert.deepEqual((await readStoredSettings(worker)).pausedSites, [
      '127.0.0.1',
    ]);

    await worker.evaluate(() =>
      chrome.commands.onCommand.dispatch('toggle-site'),
    );
    await page.waitForSelector('html[data-backstory-state="ready"]', {
      timeout: 2000,
    });
    assert.ok((await page.locator('backstory-mention').count()) > 20);
  });
});

async function serviceWorker(e2e: E2E): Promise<Worker> {
  const ours = (worker: Worker) =>
    worker.url().startsWith(`chrome-extension://${e2e.browser.extensionId}/`);
  return (
    e2e.browser.context.serviceWorkers().find(ours) ??
    (await e2e.browser.context.waitForEvent('serviceworker', {
      predicate: ours,
    }))
  );
}

const tabIds = new WeakMap<Page, number>();

/** The tab id of `page`: the active tab of the last focused window while it is in front. */
async function tabIdOf(e2e: E2E, page: Page): Promise<number> {
  const known = tabIds.get(page);
  if (known !== undefined) return known;
  await page.bringToFront();
  const worker = await serviceWorker(e2e);
  const id: number = await worker.evaluate(
    async () =>
      (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]
        .id,
  );
  tabIds.set(page, id);
  return id;
}

/** Opens the popup for `page` in a popup window, as big as the toolbar popup. */
async function openPopup(
  e2e: E2E,
  page: Page,
): Promise<{ popup: Page; errors: string[] }> {
  const tab = await tabIdOf(e2e, page);
  const worker = await serviceWorker(e2e);
  const url = `chrome-extension://${e2e.browser.extensionId}/popup.html?tab=${tab}`;
  const [popup] = await Promise.all([
    e2e.browser.context.waitForEvent('page', {
      predicate: (opened) => opened.url() === url,
    }),
    worker.evaluate(
      (popupUrl) =>
        chrome.windows.create({
          url: popupUrl,
          type: 'popup',
          width: 380,
          height: 600,
        }),
      url,
    ),
  ]);
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  popup.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.waitForSelector('#lookup-input');
  await popup.waitForSelector('[role=switch]');
  return { popup, errors };
}

async function badgeText(e2e: E2E, page: Page): Promise<string> {
  const tab = await tabIdOf(e2e, page);
  return (await serviceWorker(e2e)).evaluate(
    (tabId) => chrome.action.getBadgeText({ tabId }),
    tab,
  );
}

/** The badge has no change event: poll it. */
async function waitForBadge(e2e: E2E, page: Page, text: string): Promise<void> {
  let last = '';
  await waitUntil(
    async () => {
      last = await badgeText(e2e, page);
      return last === text;
    },
    { message: () => `badge "${last}", expected "${text}"` },
  );
}

function mentionTotal(page: Page): Promise<number> {
  return page.evaluate(() => {
    const groups = new Set<string>();
    let total = 0;
    for (const mention of document.querySelectorAll('backstory-mention')) {
      const group = mention.getAttribute('data-backstory-group');
      if (group !== null && groups.has(group)) continue;
      if (group !== null) groups.add(group);
      total += 1;
    }
    return total;
  });
}

/** With BACKSTORY_SCREENSHOTS set, writes the popup as it is now, light and dark. */
async function snap(
  popup: Page,
  name: string,
  options: { fullPanel?: boolean } = {},
): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (options.fullPanel)
    await popup.addStyleTag({
      content: '.popup__panel { height: auto !important; }',
    });
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await popup.screenshot({
      path: join(SCREENSHOT_DIR, `popup-${name}-${colorScheme}.png`),
      fullPage: true,
    });
  }
  await popup.emulateMedia({ colorScheme: null });
  if (options.fullPanel)
    await popup.evaluate(() =>
      document.querySelector('style:last-of-type')?.remove(),
    );
}

/**
 * The core end-to-end suite in Firefox ESR: the built Firefox extension (MV2),
 * puppeteer-core over WebDriver BiDi, one browser for the file (see
 * ./support.ts for how extension pages are opened). Annotating, the card by
 * pointer and by keyboard, the popup, live settings, off and on, hostile pages
 * and privacy. Skipped, saying so, where Firefox is not installed.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import {
  openPage,
  openPopup,
  SKIP,
  useFirefox,
  waitForBackstory,
  writeStoredSettings,
} from './support';

const SCREENSHOTS = '.output/screenshots';
const PRIVACY_PAGES = [
  '/',
  '/fixtures/corpus/01-wire-runoff-results.html',
  '/fixtures/dynamic/infinite-scroll.html',
];

/** Waits until the card shows `name` in its heading (null: until no card shows). */
async function waitForCard(page: Page, name: string | null): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const dialog = document
        .querySelector('backstory-card, backstory-card-host')
        ?.shadowRoot?.querySelector('[role="dialog"]');
      const shown =
        dialog && dialog.getClientRects().length > 0
          ? (dialog.querySelector('h2')?.textContent ?? '')
          : null;
      return shown === expected;
    },
    { timeout: 3000, polling: 50 },
    name,
  );
}

function entities(page: Page, root = 'body'): Promise<string[]> {
  return page.$$eval(`${root} backstory-mention`, (elements) =>
    elements.map((element) => element.getAttribute('data-backstory-entity')!),
  );
}

/** Every request the browser makes for pages, recorded from now on. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    urls.push(request.url());
  });
  return urls;
}

async function readForPrivacy(
  page: Page,
  origin: string,
  path: string,
  withExtension: boolean,
): Promise<void> {
  await page.goto(`${origin}${path}`);
  if (withExtension) {
    await waitForBackstory(page);
    for (const mention of (await page.$$('backstory-mention')).slice(0, 2)) {
      await mention.scrollIntoView();
      await mention.hover();
      await page.waitForFunction(
        () =>
          Boolean(
            document
              .querySelector('backstory-card')
              ?.shadowRoot?.querySelector('[role="dialog"]'),
          ),
        { timeout: 3000, polling: 50 },
      );
    }
    await page.mouse.move(5, 5); // The card closes and uncovers the page.
    await waitForCard(page, null);
  }
  if (path.includes('infinite')) {
    await page.click('#more');
    await page.waitForSelector('article.late');
  }
}

describe('Backstory in Firefox ESR', { skip: SKIP }, () => {
  const baselineRequests: string[] = [];
  const e2e = useFirefox(async (ff) => {
    // Before the extension is installed: what the privacy test's pages request by themselves.
    const page = await ff.browser.newPage();
    const urls = recordRequests(page);
    for (const path of PRIVACY_PAGES)
      await readForPrivacy(page, ff.server.origin, path, false);
    baselineRequests.push(...urls);
    await page.close();
  });

  it('annotates the demo page: every full name, exactly the matched text, never form fields', async () => {
    const { page, errors } = await openPage(e2e, '/');
    assert.equal(
      await page.$eval('html', (html) =>
        html.getAttribute('data-backstory-state'),
      ),
      'ready',
    );
    const people = new Set(await entities(page));
    for (const id of [
      'donald-trump',
      'jeff-sessions',
      'tommy-tuberville',
      'doug-jones',
    ])
      assert.ok(people.has(id), `${id} annotated`);
    const texts = await page.$$eval(
      'backstory-mention[data-backstory-entity="tommy-tuberville"]',
      (elements) => elements.map((element) => element.textContent),
    );
    assert.ok(texts.includes('Tommy Tuberville'), texts.join());
    assert.equal(
      await page.$$eval(
        'backstory-mention backstory-mention',
        (nested) => nested.length,
      ),
      0,
    );
    assert.equal(
      await page.$eval('#comment-body', (field) =>
        (field as HTMLTextAreaElement).value.startsWith('Jeff Sessions'),
      ),
      true,
      'the form field keeps its text and has no markup',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('shows a card after the pointer dwells on a mention, and hides it once the pointer leaves', async () => {
    const { page, errors } = await openPage(e2e, '/');
    const mention = await page.$(
      'backstory-mention[data-backstory-entity="tommy-tuberville"]',
    );
    assert.ok(mention);
    await mention.scrollIntoView();
    await mention.hover();
    await waitForCard(page, 'Tommy Tuberville');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/firefox-card.png` });
    await page.mouse.move(5, 5);
    await waitForCard(page, null);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('opens on Tab focus, Tab reaches its controls, and Esc closes it and returns focus to the mention', async () => {
    const { page, errors } = await openPage(e2e, '/');
    let focused = '';
    for (let i = 0; i < 60 && !focused; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () =>
          document.activeElement
            ?.closest('backstory-mention')
            ?.getAttribute('data-backstory-entity') ?? '',
      );
    }
    assert.ok(focused, 'a mention is reachable with Tab');
    await page.waitForFunction(
      () =>
        Boolean(
          document
            .querySelector('backstory-card')
            ?.shadowRoot?.querySelector('[role="dialog"] h2'),
        ),
      { timeout: 3000, polling: 50 },
    );
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => {
        const host = document.activeElement;
        return host?.tagName === 'BACKSTORY-CARD'
          ? (host.shadowRoot!.activeElement?.tagName ?? '')
          : '';
      }),
      'BUTTON',
      'Tab moved into the card',
    );
    await page.keyboard.press('Escape');
    await waitForCard(page, null);
    assert.equal(
      await page.evaluate(() =>
        document.activeElement?.getAttribute('data-backstory-entity'),
      ),
      focused,
      'focus returned to the mention',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the popup (a moz-extension:// page) looks up a name typed with a typo and shows its card', async () => {
    const { page } = await openPage(e2e, '/');
    const { popup, errors } = await openPopup(e2e, page);
    assert.equal(
      await popup.evaluate(() => document.activeElement?.id),
      'lookup-input',
      'the search box has focus on open',
    );
    await popup.keyboard.type('Tubervile');
    await popup.waitForFunction(
      () =>
        document
          .querySelector('[role=option]')
          ?.textContent?.startsWith('Tommy Tuberville'),
      { timeout: 3000 },
    );
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.detail article.bs-card h2');
    assert.equal(
      await popup.$eval('.detail article.bs-card h2', (h2) => h2.textContent),
      'Tommy Tuberville',
    );
    await popup.screenshot({ path: `${SCREENSHOTS}/firefox-popup-card.png` });
    assert.deepEqual(errors, []);
    await popup.close();
    await page.close();
  });

  it('the popup lists the page’s entities with its counts and jumps to a mention', async () => {
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
    await popup.screenshot({ path: `${SCREENSHOTS}/firefox-popup-page.png` });
    await popup.click(
      '.whoiswho__row[data-entity="doug-jones"] .whoiswho__jump',
    );
    await page.waitForFunction(
      () => {
        const flashed = document.querySelector(
          'backstory-mention[data-backstory-entity="doug-jones"][data-backstory-flash]',
        );
        if (!flashed) return false;
        const rect = flashed.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= innerHeight;
      },
      { timeout: 3000, polling: 50 },
    );
    assert.deepEqual(errors, []);
    await popup.close();
    await page.close();
  });

  it('switching off in the popup restores the page’s markup exactly; on annotates it again', async () => {
    await writeStoredSettings(e2e, { version: 2, enabled: false });
    const { page, errors } = await openPage(e2e, '/');
    assert.equal(await waitForBackstory(page), 'off');
    const untouched = await page.$eval('body', (body) => body.innerHTML);
    await writeStoredSettings(e2e, { version: 2 });
    await page.waitForSelector('html[data-backstory-state="ready"]', {
      timeout: 3000,
    });
    const count = (await entities(page)).length;
    assert.ok(count > 20);

    const { popup } = await openPopup(e2e, page);
    await popup.click('[role=switch]');
    await page.waitForFunction(
      () =>
        document.documentElement.getAttribute('data-backstory-state') ===
          'off' && !document.querySelector('backstory-mention'),
      { timeout: 2000, polling: 20 },
    );
    assert.equal(
      await page.$eval('body', (body) => body.innerHTML),
      untouched,
      'the page’s markup is exactly as it was',
    );
    await popup.click('[role=switch]');
    await page.waitForFunction(
      (n) =>
        document.documentElement.getAttribute('data-backstory-state') ===
          'ready' &&
        document.querySelectorAll('backstory-mention').length === n,
      { timeout: 2000, polling: 20 },
      count,
    );
    assert.deepEqual(errors, []);
    await popup.close();
    await page.close();
  });

  it('pausing the site in the popup leaves another site annotated, and resuming brings it back', async () => {
    await writeStoredSettings(e2e, { version: 2 });
    const { page } = await openPage(e2e, '/');
    const { page: other } = await openPage(
      e2e,
      `http://localhost:${e2e.server.port}/`,
    );
    const otherCount = (await entities(other)).length;
    const { popup, errors } = await openPopup(e2e, page);
    await popup.click('.site-button');
    await page.waitForSelector('html[data-backstory-state="off"]', {
      timeout: 2000,
    });
    assert.equal((await entities(page)).length, 0);
    assert.match(
      await popup.$eval('#site-status', (status) => status.textContent ?? ''),
      /Paused on 127\.0\.0\.1/,
    );
    // A later change that reaches every tab: once the other tab shows it, it has seen the pause too.
    await popup.click('#tab-settings');
    await popup.click('input[name="mentionStyle"][value="solid"]');
    await other.waitForSelector('html[data-backstory-style="solid"]', {
      timeout: 2000,
    });
    assert.equal(
      await other.$eval('html', (html) =>
        html.getAttribute('data-backstory-state'),
      ),
      'ready',
    );
    assert.equal((await entities(other)).length, otherCount);
    await popup.click('button[aria-label="Resume on 127.0.0.1"]');
    await page.waitForSelector('html[data-backstory-state="ready"]', {
      timeout: 2000,
    });
    assert.deepEqual(errors, []);
    await popup.close();
    await other.close();
    await page.close();
  });

  it('settings apply live to the open page: how mentions look, kinds, first mention only', async () => {
    await writeStoredSettings(e2e, { version: 2 });
    const { page } = await openPage(e2e, '/');
    const { popup, errors } = await openPopup(e2e, page);
    await popup.click('#tab-settings');
    const look = () =>
      page.evaluate(() => {
        const style = getComputedStyle(
          document.querySelector('backstory-mention:not(:hover)')!,
        );
        return [style.textDecorationLine, style.textDecorationStyle];
      });
    assert.deepEqual(await look(), ['underline', 'dotted']);
    await popup.click('input[name="mentionStyle"][value="highlight"]');
    await page.waitForSelector('html[data-backstory-style="highlight"]', {
      timeout: 2000,
    });
    assert.equal((await look())[0], 'none');
    await popup.click('input[name="kind-place"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('backstory-mention').length > 0 &&
        !document.querySelector('[data-backstory-entity="alabama"]'),
      { timeout: 2000 },
    );
    await popup.click('input[name="firstMentionOnly"]');
    await page.waitForFunction(
      () =>
        document.querySelectorAll(
          '[data-backstory-entity="donald-trump"]:not([data-backstory-group])',
        ).length === 1,
      { timeout: 2000 },
    );
    const once = await entities(page);
    assert.ok(!once.includes('alabama'));
    assert.equal(once.filter((id) => id === 'donald-trump').length, 1);
    assert.deepEqual(errors, []);
    await popup.close();
    await page.close();
    await writeStoredSettings(e2e, { version: 2 });
  });

  it('survives hostile pages: clobbered names and taken element names, strict CSP, a region turning editable, frames', async () => {
    await writeStoredSettings(e2e, { version: 2 });
    const clobbering = await openPage(e2e, '/fixtures/hostile/clobbering.html');
    const alternate = await clobbering.page.$$eval(
      'backstory-mention-alt',
      (elements) => {
        const ids: (string | null)[] = [];
        for (let i = 0; i < elements.length; i += 1)
          ids.push(elements[i]!.getAttribute('data-backstory-entity'));
        return ids;
      },
    );
    assert.ok(alternate.includes('jeff-sessions'), alternate.join());
    assert.equal(
      await clobbering.page.$$eval('backstory-mention', (els) => els.length),
      0,
    );
    await clobbering.page.hover(
      '#story [data-backstory-entity="tommy-tuberville"]',
    );
    await waitForCard(clobbering.page, 'Tommy Tuberville');
    assert.deepEqual(
      await clobbering.page.evaluate(
        () => (window as unknown as { __pageErrors: string[] }).__pageErrors,
      ),
      [],
    );
    assert.deepEqual(clobbering.errors, []);
    await clobbering.page.close();

    const csp = await openPage(e2e, '/fixtures/hostile/strict-csp.html');
    assert.ok((await entities(csp.page)).length >= 3);
    await csp.page.hover(
      'backstory-mention[data-backstory-entity="jeff-sessions"]',
    );
    await waitForCard(csp.page, 'Jeff Sessions');
    assert.equal(
      await csp.page.evaluate(
        () =>
          getComputedStyle(
            document
              .querySelector('backstory-card')!
              .shadowRoot!.querySelector('h2')!,
          ).fontSize,
      ),
      '19px',
      'card styles applied under CSP',
    );
    assert.deepEqual(
      await csp.page.evaluate(
        () => (window as unknown as { __violations: string[] }).__violations,
      ),
      [],
    );
    await csp.page.close();

    const editable = await openPage(e2e, '/fixtures/hostile/editable.html');
    assert.ok((await entities(editable.page, '#draft')).length >= 3);
    await editable.page.click('#edit');
    assert.equal(
      (await entities(editable.page, '#draft')).length,
      0,
      'unwrapped before the reader types',
    );
    assert.equal((await entities(editable.page, '#outside')).length, 1);
    await editable.page.close();

    const frames = await openPage(e2e, '/fixtures/hostile/frames.html');
    assert.equal((await entities(frames.page, '#top')).length, 1);
    const children = frames.page.frames().slice(1);
    assert.equal(children.length, 3);
    for (const frame of children)
      assert.equal(
        await frame.$$eval('backstory-mention', (els) => els.length),
        0,
        `frame ${frame.url()}`,
      );
    await frames.page.close();
  });

  it('makes no network request of its own while reading pages, opening cards and using the popup', async () => {
    await writeStoredSettings(e2e, { version: 2 });
    const page = await e2e.browser.newPage();
    const withExtension = recordRequests(page);
    for (const path of PRIVACY_PAGES)
      await readForPrivacy(page, e2e.server.origin, path, true);
    const { popup } = await openPopup(e2e, page);
    const fromPopup = recordRequests(popup);
    await popup.keyboard.type('tuberville');
    await popup.waitForSelector('[role=option]');
    await popup.close();
    await page.close();

    const ownPrefix = e2e.extensionUrl('');
    const all = [...withExtension, ...fromPopup];
    assert.deepEqual(
      all.filter(
        (url) => !url.startsWith(ownPrefix) && !baselineRequests.includes(url),
      ),
      [],
      'requests made only because Backstory was installed',
    );
    // data: URLs are not requests to anywhere (Firefox reports one for a font of its own).
    assert.deepEqual(
      all.filter(
        (url) =>
          !url.startsWith(ownPrefix) &&
          !url.startsWith('data:') &&
          !url.startsWith(e2e.server.origin),
      ),
      [],
      'requests to anything but the test pages',
    );
    assert.ok(baselineRequests.length >= PRIVACY_PAGES.length);
  });
});

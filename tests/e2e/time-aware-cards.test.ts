/**
 * Time-aware cards in real Chromium: pages that publish their date in each
 * of the shapes news sites use (JSON-LD, @graph, meta tags, a header
 * <time>, the URL path), pages with no date or only bad values, and the one
 * line the card shows for each. Screenshots of both notices, light and dark,
 * go to .output/screenshots/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  serviceWorkerOf,
  openPage,
  selectText,
  tabIdOf,
  useExtensionBrowser,
} from './support';

// biome-ignore lint/suspicious/noExplicitAny: the extension API as the worker sees it, untyped in Node.
declare const chrome: any;

const SCREENSHOTS = '.output/screenshots';
const DIALOG = 'backstory-card [role="dialog"]';
const LATER = 'This card is as of May 23, 2020; this page is from Jan 7, 2021.';
const EARLIER =
  'This page is from Mar 4, 2019; the card is as of May 23, 2020 and knows what happened after this page was written.';

/** Opens the card of `entity`'s first mention by keyboard focus and returns its line about time ('' for none). */
async function timeLine(page: Page, entity: string): Promise<string> {
  await page
    .locator(
      `backstory-mention[data-backstory-entity="${entity}"][tabindex="0"]`,
    )
    .focus();
  const dialog = page.locator(DIALOG);
  await dialog.waitFor({ state: 'visible', timeout: 3000 });
  await page.waitForFunction(
    (id) =>
      document
        .querySelector('backstory-card')
        ?.shadowRoot?.querySelector(`.bs-card[data-entity="${id}"]`),
    entity,
  );
  const line = dialog.locator('.bs-card__time');
  return (await line.count()) ? line.innerText() : '';
}

async function snap(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({
      path: `${SCREENSHOTS}/time-${name}-${colorScheme}.png`,
    });
  }
  await page.emulateMedia({ colorScheme: null });
}

describe('time-aware cards', () => {
  const e2e = useExtensionBrowser();

  for (const [path, expected] of [
    ['json-ld.html', LATER],
    ['json-ld-graph.html', EARLIER],
    ['meta-article.html', EARLIER],
    ['meta-og.html', LATER],
    ['meta-pubdate.html', LATER],
    ['meta-date.html', LATER],
    ['meta-dc.html', LATER],
    ['meta-sailthru.html', LATER],
    ['meta-parsely.html', LATER],
    ['time-header.html', LATER],
    ['2021/01/07/story.html', LATER],
    ['news/20210107/story.html', LATER],
    ['same-day.html', ''],
    ['no-date.html', ''],
    ['bad-values.html', ''],
  ] as const) {
    it(`${path}: ${expected ? expected.slice(0, 40) : 'no line'}`, async () => {
      const { page, errors } = await openPage(e2e, `/fixtures/dated/${path}`);
      assert.equal(await timeLine(page, 'jeff-sessions'), expected);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  it('a page newer than the card: the upcoming runoff’s card says it does not know the outcome (screenshots)', async () => {
    const { page, errors } = await openPage(
      e2e,
      '/fixtures/dated/json-ld.html',
    );
    assert.equal(
      await timeLine(page, 'alabama-senate-runoff-2020'),
      `${LATER} It had not happened yet then, so the card does not know the outcome.`,
    );
    await snap(page, 'page-later-upcoming-event');
    assert.equal(await timeLine(page, 'tommy-tuberville'), LATER);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a page older than the card says the card knows what came next (screenshots)', async () => {
    const { page, errors } = await openPage(
      e2e,
      '/fixtures/dated/meta-article.html',
    );
    assert.equal(await timeLine(page, 'tommy-tuberville'), EARLIER);
    await snap(page, 'page-earlier');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a lookup card on a dated page has the same line', async () => {
    const { page, errors } = await openPage(
      e2e,
      '/fixtures/dated/json-ld.html',
    );
    await selectText(page, '#story', 'Doug Jones');
    const tabId = await tabIdOf(e2e, page);
    await (await serviceWorkerOf(e2e)).evaluate(
      (id) =>
        chrome.contextMenus.onClicked.dispatch(
          {
            menuItemId: 'backstory-lookup-selection',
            selectionText: 'Doug Jones',
          },
          { id },
        ),
      tabId,
    );
    const dialog = page.locator(DIALOG);
    await dialog.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await dialog.locator('h2').innerText(), 'Doug Jones');
    assert.equal(await dialog.locator('.bs-card__time').innerText(), LATER);
    assert.deepEqual(errors, []);
  });
});

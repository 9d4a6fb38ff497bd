/**
 * Pages that mention nobody (most pages): the content script is ready at
 * once, builds nothing and adds nothing to the page; when such a page later
 * gains a mention (infinite scroll, a single-page app), the new text passes
 * the prefilter and is annotated as usual.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage, useExtensionBrowser } from './support';

/** The extension API, in the service worker's world (evaluated there, never in Node). */
declare const chrome: {
  tabs: { query(query: object): Promise<Array<{ id?: number }>> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};

type Timing = {
  scriptMs: number;
  mentions: number;
  engaged: boolean;
  engineMs: number;
  prefilterMs: number;
};

describe('a page that mentions nobody', () => {
  const e2e = useExtensionBrowser();

  it('is ready with nothing built or added, and annotates a mention added later', async () => {
    const { page, errors } = await openPage(e2e, '/fixtures/quiet/');
    const timing = await page.evaluate(
      () =>
        JSON.parse(
          document.documentElement.getAttribute('data-backstory-timing')!,
        ) as Timing,
    );
    assert.equal(timing.mentions, 0);
    assert.equal(timing.engaged, false, 'the prefilter found no alias word');
    assert.equal(timing.engineMs, 0, 'no dataset parsed, no matcher built');
    assert.equal(
      await page.locator('backstory-mention, backstory-card').count(),
      0,
      'no mention and no card host on a page without mentions',
    );

    // The page gains an article that names someone, as an infinite-scroll feed would add it.
    await page.evaluate(() => {
      const article = document.createElement('article');
      const p = document.createElement('p');
      p.textContent =
        'Jeff Sessions lost the Alabama Senate runoff to Tommy Tuberville.';
      article.append(p);
      document.getElementById('feed')!.append(article);
    });
    await page.waitForSelector(
      'backstory-mention[data-backstory-entity="jeff-sessions"]',
      { timeout: 2000 },
    );
    assert.ok(
      (await page.locator('backstory-mention').count()) >= 2,
      'both names annotated',
    );
    assert.equal(
      await page.locator('backstory-card').count(),
      1,
      'the card host appears with the first mention',
    );
    // The hover card works on the late mention.
    await page.hover(
      'backstory-mention[data-backstory-entity="jeff-sessions"]',
    );
    await page.waitForSelector('backstory-card [role="dialog"]', {
      timeout: 3000,
    });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('sends no count for a page without mentions: the tab’s badge from the page before is reset by the browser', async () => {
    const { page } = await openPage(e2e, '/');
    const worker =
      e2e.browser.context.serviceWorkers()[0] ??
      (await e2e.browser.context.waitForEvent('serviceworker'));
    const tabId = await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true });
      return tab?.id ?? -1;
    });
    const badge = () =>
      worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await page.waitForFunction(
      () => document.querySelectorAll('backstory-mention').length > 0,
    );
    const waitForBadge = async (want: (text: string) => boolean) => {
      const deadline = Date.now() + 3000;
      let text = await badge();
      while (!want(text) && Date.now() < deadline) {
        await page.waitForTimeout(50);
        text = await badge();
      }
      return text;
    };
    assert.match(await waitForBadge((text) => text !== ''), /^\d+$/);
    await page.goto(`${e2e.server.origin}/fixtures/quiet/`);
    await page.waitForSelector('html[data-backstory-state="ready"]');
    assert.equal(await waitForBadge((text) => text === ''), '');
    await page.close();
  });
});

/**
 * The content script's on-demand part (entrypoints/content/on-demand.ts,
 * docs/decisions/0008-content-script-on-demand.md) in real Chromium: a page
 * that mentions nobody never loads it; a name added later, or a lookup,
 * loads it at the extension's per-session URL (never the fixed one), under a
 * strict Content-Security-Policy header with Trusted Types, and it annotates,
 * styles and opens the card there with no violation and no error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  type E2E,
  serviceWorkerOf,
  openPage,
  selectText,
  useExtensionBrowser,
} from './support';

// Runs inside the service worker, where `chrome` exists.
// biome-ignore lint/suspicious/noExplicitAny: the extension API as the worker sees it, untyped in Node.
declare const chrome: any;

const ON_DEMAND_FILE = 'content-scripts/on-demand.js';
const QUIET_STRICT = '/fixtures/quiet/?strict-csp';

/** Every request the browser makes from now on. */
function record(e2e: E2E): string[] {
  const urls: string[] = [];
  e2e.browser.context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Records the page's CSP violations (ours included) from before its first script. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
}

const violations = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __violations: string[] }).__violations,
  );

describe('the on-demand part', () => {
  const e2e = useExtensionBrowser();

  it('is not loaded on a quiet page; a name added later loads it, under a strict CSP header', async () => {
    const requests = record(e2e);
    const page = await e2e.browser.context.newPage();
    await watchViolations(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const response = await page.goto(`${e2e.server.origin}${QUIET_STRICT}`);
    assert.match(
      (await response?.headerValue('content-security-policy')) ?? '',
      /require-trusted-types-for/,
      'the page is served with the strict policy',
    );
    await page.waitForSelector('html[data-backstory-state="ready"]');
    const loads = () => requests.filter((url) => url.endsWith(ON_DEMAND_FILE));
    assert.deepEqual(loads(), [], 'nothing loaded for a page without names');

    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent =
        'Jeff Sessions lost the Alabama Senate runoff to Tommy Tuberville.';
      document.getElementById('feed')!.append(p);
    });
    const mention = 'backstory-mention[data-backstory-entity="jeff-sessions"]';
    await page.waitForSelector(mention, { timeout: 3000 });
    const urls = loads();
    assert.ok(urls.length >= 1, 'the part was loaded');
    assert.ok(
      !urls[0]!.includes(e2e.browser.extensionId),
      `first asked at the per-session URL, not the extension id: ${urls[0]}`,
    );
    await page.hover(mention);
    await page.waitForSelector('backstory-card [role="dialog"] h2', {
      timeout: 3000,
    });
    const fontSize = await page.evaluate(
      () =>
        getComputedStyle(
          document
            .querySelector('backstory-card')!
            .shadowRoot!.querySelector('h2')!,
        ).fontSize,
    );
    assert.equal(fontSize, '19px', 'card styles applied under the policy');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('is loaded by a lookup on a quiet page, under a strict CSP header', async () => {
    const { page, errors } = await openPage(e2e, QUIET_STRICT);
    await selectText(page, 'h1', 'garlic');
    await page.bringToFront();
    const worker = await serviceWorkerOf(e2e);
    await worker.evaluate(() =>
      chrome.commands.onCommand.dispatch('lookup-selection'),
    );
    await page.waitForSelector('backstory-card [data-lookup="none"]', {
      timeout: 3000,
    });
    assert.deepEqual(errors, []);
    await page.close();
  });
});

/**
 * The options page and settings storage in real Chromium: every setting at
 * full width, settings kept in storage.sync, export → change → import →
 * compare, a bad file refused with nothing changed, and edits made at the
 * same moment in two tabs, the popup and the options page all surviving.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Settings } from '../../lib/settings';
import {
  type E2E,
  serviceWorkerOf,
  pollUntil,
  readStoredSettings,
  tabIdOf,
  useExtensionBrowser,
  waitForBackstory,
  writeStoredSettings,
} from './support';

// biome-ignore lint/suspicious/noExplicitAny: the extension API as extension pages see it, untyped in Node.
declare const chrome: any;

const SCREENSHOTS = '.output/screenshots';

async function openOptions(
  e2e: E2E,
): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/options.html`);
  await page.waitForSelector('form.settings--wide');
  return { page, errors };
}

/** Waits until the stored settings satisfy `check` (each context applies them from storage). */
async function waitForStored(
  page: Page,
  check: (settings: Settings) => boolean,
  what: string,
): Promise<Settings> {
  const deadline = Date.now() + 5000;
  let settings = await readStoredSettings(page);
  while (!check(settings)) {
    if (Date.now() > deadline)
      assert.fail(
        `stored settings never showed ${what}: ${JSON.stringify(settings)}`,
      );
    await page.waitForTimeout(25);
    settings = await readStoredSettings(page);
  }
  return settings;
}

/** Waits until the background has folded every edit into the layout. */
async function waitFolded(page: Page): Promise<void> {
  await pollUntil(
    page,
    async () => {
      const local = await chrome.storage.local.get(null);
      return !Object.keys(local).some((key) => key.startsWith('s.op.'));
    },
    { what: 'the journal to be folded' },
  );
}

async function snap(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({
      path: `${SCREENSHOTS}/options-${name}-${colorScheme}.png`,
      fullPage: true,
    });
  }
  await page.emulateMedia({ colorScheme: null });
}

const plain = (settings: Settings) => JSON.parse(JSON.stringify(settings));

describe('the options page and settings storage', () => {
  const e2e = useExtensionBrowser();

  beforeEach(async () => {
    await writeStoredSettings(e2e, { version: 2 });
  });
  afterEach(async () => {
    const [keep, ...rest] = e2e.browser.context.pages();
    for (const page of rest) await page.close();
    await keep?.goto('about:blank');
  });

  it('hosts every setting at full width, and keeps them in storage.sync', async () => {
    const { page, errors } = await openOptions(e2e);
    for (const name of [
      'kind-person',
      'kind-organization',
      'kind-place',
      'kind-event',
      'firstMentionOnly',
      'mentionStyle',
      'hoverDelayMs',
      'lookupOnDoubleClick',
    ])
      assert.ok(await page.locator(`[name="${name}"]`).count(), name);
    assert.equal(await page.locator('[role=switch]').count(), 1);
    assert.match(await page.locator('#where').innerText(), /sync storage/);
    assert.match(
      await page.locator('#lookup-hint').innerText(),
      /Alt\+Shift\+L/,
    );
    const columns = await page
      .locator('form.settings--wide')
      .evaluate(
        (form) => getComputedStyle(form).gridTemplateColumns.split(' ').length,
      );
    assert.equal(columns, 2, 'two columns at 900 px');

    await page.click('input[name="lookupOnDoubleClick"]');
    await waitForStored(page, (s) => s.lookupOnDoubleClick, 'double-click on');
    await waitFolded(page);
    const sync = await page.evaluate(() => chrome.storage.sync.get(null));
    assert.equal(
      sync['s.lookupOnDoubleClick'],
      true,
      'the layout is in storage.sync',
    );
    assert.deepEqual(
      (await page.evaluate(() => chrome.storage.local.get('s.area')))['s.area'],
      { area: 'sync' },
    );
    await snap(page, 'page');
    assert.deepEqual(errors, []);
  });

  it('export, change, import: the settings are back as exported, after a preview of the changes', async () => {
    const { page, errors } = await openOptions(e2e);
    // Some settings worth keeping.
    await page.fill('#add-site', 'one.example');
    await page.click('text=Pause site');
    await page.click('input[name="kind-place"]');
    await page.click('input[name="mentionStyle"][value="solid"]');
    const exported = await waitForStored(
      page,
      (s) =>
        s.pausedSites.includes('one.example') &&
        !s.kinds.place &&
        s.mentionStyle === 'solid',
      'the first changes',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('text=Export settings to a file'),
    ]);
    assert.match(
      download.suggestedFilename(),
      /^backstory-settings-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const path = join(
      mkdtempSync(join(tmpdir(), 'backstory-export-')),
      download.suggestedFilename(),
    );
    await download.saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(file.format, 'backstory-settings');
    assert.deepEqual(
      file.settings,
      plain(exported),
      'the file holds the stored settings',
    );

    // Change things after the export.
    await page.click('button[aria-label="Resume on one.example"]');
    await page.fill('#add-site', 'two.example');
    await page.click('text=Pause site');
    await page.click('input[name="kind-place"]');
    await page.click('[role=switch]');
    await waitForStored(
      page,
      (s) =>
        !s.enabled && s.kinds.place && s.pausedSites.join() === 'two.example',
      'the later changes',
    );

    await page.setInputFiles('input[name="import"]', path);
    const preview = page.locator('.transfer__preview');
    await preview.waitFor();
    assert.deepEqual(
      await preview.locator('.transfer__change').allInnerTexts(),
      [
        'Annotations: off → on',
        'Mark places: on → off',
        'Resume on two.example',
        'Pause on one.example',
      ],
    );
    assert.equal(
      (await readStoredSettings(page)).enabled,
      false,
      'nothing changes before Apply',
    );
    await snap(page, 'import-preview');
    await page.click('text=Apply these changes');
    const after = await waitForStored(
      page,
      (s) => s.enabled && s.pausedSites.join() === 'one.example',
      'the imported settings',
    );
    assert.deepEqual(
      plain(after),
      plain(exported),
      'the same settings as exported',
    );
    assert.match(
      await page.locator('.transfer__done').innerText(),
      /4 changes applied/,
    );
    assert.equal(
      await page.isChecked('input[name="kind-place"]'),
      false,
      'the page shows them',
    );
    assert.deepEqual(errors, []);
  });

  it('a bad file gets a clear error and changes nothing', async () => {
    const { page, errors } = await openOptions(e2e);
    await page.fill('#add-site', 'keep.example');
    await page.click('text=Pause site');
    const before = await waitForStored(
      page,
      (s) => s.pausedSites.includes('keep.example'),
      'keep.example paused',
    );
    for (const [name, text, reason] of [
      ['notes.txt', 'just some notes', /not JSON/],
      [
        'other.json',
        '{"format": "something-else"}',
        /not a Backstory settings file/,
      ],
      [
        'broken.json',
        JSON.stringify({
          format: 'backstory-settings',
          version: 1,
          settings: {
            enabled: false,
            hoverDelayMs: 99999,
            pausedSites: ['ok.example', 'no way'],
          },
        }),
        /pausedSites\[1\]: must be a host name[\s\S]*hoverDelayMs: must be a whole number of milliseconds from 0 to 2000/,
      ],
    ] as const) {
      await page.setInputFiles('input[name="import"]', {
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      const alert = page.locator('.transfer__error[role=alert]');
      await alert.waitFor();
      assert.match(
        await alert.innerText(),
        new RegExp(
          `${name} was not imported\\. Your settings are unchanged\\.`,
        ),
      );
      assert.match(await alert.innerText(), reason);
      assert.equal(await page.locator('text=Apply these changes').count(), 0);
      if (name === 'broken.json') await snap(page, 'import-error');
    }
    assert.deepEqual(plain(await readStoredSettings(page)), plain(before));
    assert.deepEqual(errors, []);
  });

  it('two tabs, the popup and the options page change settings at the same moment: every change survives', async () => {
    // Two tabs, each with a card open on the "hide on this site" step.
    const hideStep = async (url: string, entity: string) => {
      const page = await e2e.browser.context.newPage();
      await page.goto(url);
      assert.equal(await waitForBackstory(page), 'ready');
      await page
        .locator(
          `backstory-mention[data-backstory-entity="${entity}"][tabindex="0"]`,
        )
        .focus();
      const card = page.locator('backstory-card [role="dialog"]');
      await card.waitFor();
      await card.locator('.bs-action').first().click(); // Not this person
      const hide = card.locator('.bs-action', { hasText: /^Hide / });
      await hide.waitFor();
      return { page, hide };
    };
    const tabA = await hideStep(`${e2e.server.origin}/`, 'jeff-sessions');
    const tabB = await hideStep(
      `http://localhost:${e2e.server.port}/`,
      'doug-jones',
    );
    await tabIdOf(e2e, tabA.page);

    const popup = await e2e.browser.context.newPage();
    await popup.goto(
      `chrome-extension://${e2e.browser.extensionId}/popup.html?tab=0`,
    );
    await popup.click('#tab-settings');
    await popup.fill('#add-site', 'popup.example');
    const { page: options } = await openOptions(e2e);
    await options.fill('#add-site', 'options.example');

    // At the same moment: four clicks in four contexts, and a burst of edits inside two of them.
    const burst = (page: Page, n: number) =>
      page.evaluate(async (n) => {
        // Ten more sites, as fast as the page can take them (one render between typing and clicking).
        const input = document.querySelector<HTMLInputElement>('#add-site')!;
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent === 'Pause site',
        )!;
        for (let k = 0; k < 10; k += 1) {
          input.value = `burst-${n}-${k}.example`;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((resolve) => setTimeout(resolve, 0));
          button.click();
        }
      }, n);
    // At the same moment in four contexts: a hide in each tab; in the popup and the options page,
    // a pause, a toggle and a burst of ten more pauses.
    await Promise.all([
      tabA.hide.click(),
      tabB.hide.click(),
      (async () => {
        await popup.click('text=Pause site');
        await Promise.all([
          popup.click('input[name="firstMentionOnly"]'),
          burst(popup, 0),
        ]);
      })(),
      (async () => {
        await options.click('text=Pause site');
        await Promise.all([
          options.click('input[name="kind-event"]'),
          burst(options, 1),
        ]);
      })(),
    ]);

    const expectedSites = [
      'options.example',
      'popup.example',
      ...Array.from({ length: 10 }, (_, k) => `burst-0-${k}.example`),
      ...Array.from({ length: 10 }, (_, k) => `burst-1-${k}.example`),
    ].sort();
    const settings = await waitForStored(
      options,
      (s) =>
        expectedSites.every((site) => s.pausedSites.includes(site)) &&
        s.hiddenOnSites['127.0.0.1']?.includes('jeff-sessions') === true &&
        s.hiddenOnSites.localhost?.includes('doug-jones') === true &&
        s.firstMentionOnly &&
        !s.kinds.event,
      'every change',
    );
    assert.deepEqual(settings.pausedSites, expectedSites);
    await waitFolded(options);
    assert.deepEqual(
      plain(await readStoredSettings(options)),
      plain(settings),
      'and still there once folded',
    );
    // Every open tab applied the result: the hidden entities are gone from their pages.
    await tabA.page.waitForFunction(
      () => !document.querySelector('[data-backstory-entity="jeff-sessions"]'),
    );
    await tabB.page.waitForFunction(
      () => !document.querySelector('[data-backstory-entity="doug-jones"]'),
    );
    await serviceWorkerOf(e2e);
  });
});

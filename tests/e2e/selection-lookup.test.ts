/**
 * Selection lookup in real Chromium: the context menu item's handler and the
 * keyboard command run in the service worker (Playwright cannot open the
 * browser's own menus or reach its shortcut handling, microsoft/playwright#22447,
 * so the test dispatches the events those would fire, which runs the real
 * listeners); the card opens beside the selection, Esc closes it and focus
 * returns where it was; the list and "no match" cases; pages where
 * annotations are paused; and the double-click setting.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  serviceWorkerOf,
  openPage,
  selectText,
  tabIdOf,
  useExtensionBrowser,
  type E2E,
  writeStoredSettings,
  waitForCardSettled,
  waitForPaints,
} from './support';

// Runs inside the service worker, where `chrome` exists.
// biome-ignore lint/suspicious/noExplicitAny: the extension API as the worker sees it, untyped in Node.
declare const chrome: any;

const SCREENSHOTS = '.output/screenshots';
const PAGE = '/fixtures/lookup/article.html';
const DIALOG = 'backstory-card [role="dialog"]';

/** What has focus: an element id in the page, or "card:<tag.class>" inside our shadow root. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.shadowRoot) {
      const inner = active.shadowRoot.activeElement;
      return `card:${inner?.tagName.toLowerCase()}.${inner?.className}`;
    }
    return active?.id || active?.tagName.toLowerCase() || '';
  });
}

async function lookUpByMenu(e2e: E2E, page: Page, text: string) {
  const tabId = await tabIdOf(e2e, page);
  const worker = await serviceWorkerOf(e2e);
  await worker.evaluate(
    ({ tabId, text }) =>
      chrome.contextMenus.onClicked.dispatch(
        {
          menuItemId: 'backstory-lookup-selection',
          selectionText: text,
          editable: false,
          pageUrl: 'http://127.0.0.1/',
        },
        { id: tabId },
      ),
    { tabId, text },
  );
}

async function lookUpByCommand(e2e: E2E, page: Page) {
  await page.bringToFront();
  const worker = await serviceWorkerOf(e2e);
  await worker.evaluate(() =>
    chrome.commands.onCommand.dispatch('lookup-selection'),
  );
}

async function snap(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({
      path: `${SCREENSHOTS}/lookup-${name}-${colorScheme}.png`,
    });
  }
  await page.emulateMedia({ colorScheme: null });
}

describe('selection lookup', () => {
  const e2e = useExtensionBrowser();

  beforeEach(async () => {
    await writeStoredSettings(e2e, { version: 2 });
  });
  afterEach(async () => {
    const [keep, ...rest] = e2e.browser.context.pages();
    for (const page of rest) await page.close();
    await keep?.goto('about:blank');
  });

  it('has a keyboard shortcut Chromium actually assigned', async () => {
    const worker = await serviceWorkerOf(e2e);
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    assert.equal(
      commands.find((c: { name: string }) => c.name === 'lookup-selection')
        ?.shortcut,
      'Alt+Shift+L',
      'an empty shortcut means Chromium reserves the key',
    );
  });

  it('the menu item opens the card beside the selection; Esc closes it and focus returns where it was', async () => {
    const { page, errors } = await openPage(e2e, PAGE);
    await page.focus('#start');
    await selectText(page, '#names', 'Doug Jones');
    const selection = await page.evaluate(() => {
      const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, left: rect.left };
    });
    await lookUpByMenu(e2e, page, 'Doug Jones');
    const dialog = page.locator(DIALOG);
    await dialog.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await dialog.locator('h2').innerText(), 'Doug Jones');
    assert.match(
      await dialog.innerText(),
      /In this story/i,
      'the same card as on hover',
    );
    // Where it rests: the entrance animation starts it 4 px lower.
    await waitForCardSettled(page);
    const box = (await dialog.boundingBox())!;
    assert.ok(
      Math.abs(box.y - (selection.bottom + 6)) < 4 ||
        Math.abs(box.y + box.height - (selection.top - 6)) < 4,
      `the card sits just below or above the selection (card ${box.y}–${box.y + box.height}, selection ${selection.top}–${selection.bottom})`,
    );
    assert.ok(
      Math.abs(box.x - selection.left) < 12,
      'and starts where it starts',
    );
    assert.equal(
      await focused(page),
      'card:h2.bs-card__name',
      'focus moved to the card’s name',
    );
    await snap(page, 'card');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 2000 });
    assert.equal(
      await focused(page),
      'start',
      'focus is back on the control that had it',
    );
    assert.equal(
      await page.evaluate(() => getSelection()!.toString()),
      'Doug Jones',
      'and the selection is still there',
    );
    assert.deepEqual(errors, []);
  });

  it('the keyboard command looks up the current selection; several fits give a short list; Tab order is sane', async () => {
    const { page, errors } = await openPage(e2e, PAGE);
    await selectText(page, '#names', 'Alabama Senate');
    await lookUpByCommand(e2e, page);
    const dialog = page.locator(DIALOG);
    await dialog.waitFor({ state: 'visible', timeout: 3000 });
    assert.match(
      await dialog.locator('h2').innerText(),
      /“Alabama Senate” could be/,
    );
    const choices = dialog.locator('.bs-lookup__choice .bs-lookup__name');
    assert.deepEqual(await choices.allInnerTexts(), [
      '2020 U.S. Senate election in Alabama',
      '2020 Alabama Republican Senate runoff',
    ]);
    assert.equal(
      await focused(page),
      'card:button.bs-lookup__choice',
      'the first choice has focus',
    );
    await snap(page, 'list');

    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() =>
        document.activeElement?.shadowRoot?.activeElement?.getAttribute(
          'data-entity-choice',
        ),
      ),
      'alabama-senate-runoff-2020',
      'Tab goes to the next choice',
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document
        .querySelector('backstory-card')
        ?.shadowRoot?.querySelector('h2.bs-card__name'),
    );
    assert.equal(
      await dialog.locator('h2').innerText(),
      '2020 Alabama Republican Senate runoff',
    );
    assert.equal(await focused(page), 'card:h2.bs-card__name');
    assert.match(await dialog.innerText(), /Upcoming as of the story/);
    await dialog.locator('.bs-lookup__back').click();
    assert.equal(
      await page.evaluate(() =>
        document.activeElement?.shadowRoot?.activeElement?.getAttribute(
          'data-entity-choice',
        ),
      ),
      'alabama-senate-runoff-2020',
      'Back returns to the list, on the choice made',
    );

    // Tab past the last control closes it and returns focus to the page.
    for (let i = 0; i < 10 && (await dialog.count()); i += 1)
      await page.keyboard.press('Tab');
    await dialog.waitFor({ state: 'detached', timeout: 2000 });
    assert.doesNotMatch(await focused(page), /^card:/);
    assert.deepEqual(errors, []);
  });

  it('says plainly when nothing fits, and when the selection is not a name', async () => {
    const { page, errors } = await openPage(e2e, PAGE);
    await page.focus('#link');
    await selectText(page, '#names', 'Zaphod Beeblebrox');
    await lookUpByMenu(e2e, page, 'Zaphod Beeblebrox');
    const dialog = page.locator(DIALOG);
    await dialog.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await dialog.locator('h2').innerText(), 'No match');
    assert.equal(
      await dialog.locator('.bs-lookup__message').innerText(),
      'Backstory has no card for “Zaphod Beeblebrox”.',
    );
    assert.equal(await focused(page), 'card:button.bs-close bs-close--lookup');
    await snap(page, 'none');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 2000 });
    assert.equal(await focused(page), 'link');

    await selectText(
      page,
      '#long',
      'Sessions and Tuberville will face off again on July 14 in a runoff that neither',
    );
    await lookUpByCommand(e2e, page);
    await dialog.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(
      await dialog.locator('h2').innerText(),
      'Select just the name',
    );
    await page.mouse.click(5, 5); // A click outside closes it.
    await dialog.waitFor({ state: 'detached', timeout: 2000 });

    await page.evaluate(() => getSelection()!.removeAllRanges());
    await lookUpByCommand(e2e, page);
    await dialog.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await dialog.locator('h2').innerText(), 'Nothing selected');
    assert.deepEqual(errors, []);
  });

  it('works where annotations are paused, and where they are off everywhere', async () => {
    for (const settings of [
      { version: 2, pausedSites: ['127.0.0.1'] },
      { version: 2, enabled: false },
    ]) {
      await writeStoredSettings(e2e, settings);
      const { page, errors } = await openPage(e2e, PAGE);
      assert.equal(
        await page.getAttribute('html', 'data-backstory-state'),
        'off',
      );
      assert.equal(await page.locator('backstory-mention').count(), 0);
      await selectText(page, '#plain', 'Tuberville');
      await lookUpByMenu(e2e, page, 'Tuberville');
      const dialog = page.locator(DIALOG);
      await dialog.waitFor({ state: 'visible', timeout: 3000 });
      assert.equal(await dialog.locator('h2').innerText(), 'Tommy Tuberville');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: 2000 });
      assert.equal(
        await page.locator('backstory-mention').count(),
        0,
        'still nothing annotated',
      );
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  it('a double-click looks up only when the reader turned it on, and only names', async () => {
    /** The middle of `word` in `selector`, for a double-click there. */
    const wordAt = async (page: Page, word: string) => {
      await selectText(page, '#plain', word);
      const box = await page.evaluate(() => {
        const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
        getSelection()!.removeAllRanges();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      });
      return box;
    };
    // People are not marked here, so "Tuberville" is plain text (a double-click on a mention is the hover card's business).
    await writeStoredSettings(e2e, { version: 2, kinds: { person: false } });
    const { page, errors } = await openPage(e2e, PAGE);
    const dialog = page.locator(DIALOG);
    let at = await wordAt(page, 'Tuberville');
    await page.mouse.dblclick(at.x, at.y);
    assert.equal(
      await page.evaluate(() => getSelection()!.toString().trim()),
      'Tuberville',
    );
    // The double-click handler opens its card synchronously: two paints later it would be there.
    await waitForPaints(page);
    assert.equal(await dialog.count(), 0, 'off by default');

    await writeStoredSettings(e2e, {
      version: 2,
      kinds: { person: false },
      lookupOnDoubleClick: true,
    });
    await page.reload();
    await page.waitForSelector('html[data-backstory-state="ready"]');
    at = await wordAt(page, 'Tuberville');
    await page.mouse.dblclick(at.x, at.y);
    await dialog.waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await dialog.locator('h2').innerText(), 'Tommy Tuberville');
    assert.doesNotMatch(
      await focused(page),
      /^card:/,
      'a double-click leaves focus alone',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 2000 });

    // Ordinary words stay quiet.
    for (const word of ['program', 'years']) {
      at = await wordAt(page, word);
      await page.mouse.dblclick(at.x, at.y);
      assert.equal(
        await page.evaluate(() => getSelection()!.toString().trim()),
        word,
      );
    }
    // The double-click handler opens its card synchronously: two paints later it would be there.
    await waitForPaints(page);
    assert.equal(await dialog.count(), 0, 'no card for an ordinary word');
    assert.deepEqual(errors, []);
  });
});

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { HIDE_DELAY_MS, SHOW_DELAY_MS } from '../../components/hover-intent';
import {
  openPage,
  pointAtMention,
  recordCardEvents,
  useExtensionBrowser,
  waitForCardAnimations,
  waitForCardNamed,
  waitForCardSettled,
  waitPastPageTimers,
  type CardEvent,
  tapMentionOnPhone,
} from './support';

const SCREENSHOTS = '.output/screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

const CARD = 'backstory-card [role="dialog"]';
const cardName = (page: Page) => page.locator(`${CARD} h2`).textContent();
const cardVisible = (page: Page) => page.locator(CARD).isVisible();

/** Moves the mouse onto the first line of the `index`th mention of `entity`. */
function pointAt(page: Page, entity: string, index = 0) {
  return pointAtMention(
    page,
    page
      .locator(`backstory-mention[data-backstory-entity="${entity}"]`)
      .nth(index),
  );
}

/** Page time of the last time the pointer entered (`over`) or left (`out`) `target` ('card' or an entity id). */
function lastPointer(
  log: CardEvent[],
  type: 'over' | 'out',
  target: string,
): number {
  const hit = log.findLast(
    (event) =>
      event.type === type &&
      'target' in event &&
      event.target === target &&
      event.related !== target,
  );
  assert.ok(hit, `no pointer${type} on ${target}`);
  return hit.at;
}

function cardEvent(log: CardEvent[], type: 'open' | 'close', name: string) {
  const hit = log.findLast(
    (event) => event.type === type && 'name' in event && event.name === name,
  );
  assert.ok(hit, `the card for ${name} did not ${type}`);
  return hit.at;
}

async function cardBox(page: Page) {
  const box = await page.locator(CARD).boundingBox();
  assert.ok(box, 'card has no box');
  return box;
}

describe('the hover card', () => {
  const e2e = useExtensionBrowser();

  it('shows nothing when the pointer flies over a mention', async () => {
    const { page } = await openPage(e2e, '/');
    const events = await recordCardEvents(page);
    await page.mouse.move(5, 5);
    const box = await pointAt(page, 'jeff-sessions');
    await page.mouse.move(box.x + box.width / 2, box.y + 200, { steps: 2 });
    let log = await events();
    const overMs =
      lastPointer(log, 'out', 'jeff-sessions') -
      lastPointer(log, 'over', 'jeff-sessions');
    assert.ok(
      overMs < SHOW_DELAY_MS,
      `the pointer only flew over (${overMs.toFixed(0)} ms on the mention)`,
    );
    // The window: a later dwell's card. Its show timer starts after the
    // fly-over's would have and has the same delay, so when it opens, a card
    // for the fly-over would have opened before it.
    await pointAt(page, 'tommy-tuberville');
    await waitForCardNamed(page, 'Tommy Tuberville');
    log = await events();
    assert.deepEqual(
      log.flatMap((event) => (event.type === 'open' ? [event.name] : [])),
      ['Tommy Tuberville'],
      'no card opened for the fly-over',
    );
    await page.close();
  });

  it('shows after a dwell, stays while the pointer moves into it, hides after the grace once left', async () => {
    const { page } = await openPage(e2e, '/');
    const events = await recordCardEvents(page);
    await pointAt(page, 'tommy-tuberville');
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 1500 });
    assert.equal(await cardName(page), 'Tommy Tuberville');
    let log = await events();
    const dwellMs =
      cardEvent(log, 'open', 'Tommy Tuberville') -
      lastPointer(log, 'over', 'tommy-tuberville');
    assert.ok(
      dwellMs >= SHOW_DELAY_MS - 1,
      `not before the dwell: shown after ${dwellMs.toFixed(0)} ms`,
    );

    const card = await cardBox(page);
    await page.mouse.move(card.x + card.width / 2, card.y + 40, { steps: 8 });
    // Leaving the mention started the grace; entering the card must cancel
    // it. The window: a page timer as long as the grace, started once the
    // pointer is in the card, fires after the grace would have.
    await waitPastPageTimers(page, HIDE_DELAY_MS);
    assert.equal(
      await cardVisible(page),
      true,
      'kept while the pointer is in the card',
    );
    log = await events();
    assert.ok(
      lastPointer(log, 'over', 'card') >=
        lastPointer(log, 'out', 'tommy-tuberville'),
      'the pointer moved from the mention into the card',
    );

    // The reader can select text in the card.
    const selected = await page.evaluate(() => {
      const root = document.querySelector('backstory-card')!.shadowRoot!;
      const name = root.querySelector('h2')!;
      const range = document.createRange();
      range.selectNodeContents(name);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString();
    });
    assert.equal(selected, 'Tommy Tuberville');

    await page.mouse.move(5, card.y + card.height + 150, { steps: 4 });
    await page.locator(CARD).waitFor({ state: 'hidden', timeout: 2000 });
    log = await events();
    const graceMs =
      cardEvent(log, 'close', 'Tommy Tuberville') -
      lastPointer(log, 'out', 'card');
    assert.ok(
      graceMs >= HIDE_DELAY_MS - 1,
      `still there during the grace: closed ${graceMs.toFixed(0)} ms after the pointer left`,
    );
    await page.close();
  });

  it('opens on Tab focus, lets Tab reach its controls, and Esc closes it and returns focus to the mention', async () => {
    const { page } = await openPage(e2e, '/');
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
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 1500 });
    assert.equal(
      await page.evaluate(
        () => document.activeElement?.getAttribute('aria-description') ?? '',
      ),
      (await page.evaluate(() =>
        document.activeElement?.getAttribute('aria-description'),
      )) ?? '',
    );
    assert.match(
      (await page.evaluate(() =>
        document.activeElement?.getAttribute('aria-description'),
      )) ?? '',
      /: /,
    );

    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      const host = document.activeElement;
      return host?.tagName === 'BACKSTORY-CARD'
        ? (host.shadowRoot!.activeElement?.tagName ?? '')
        : '';
    });
    assert.equal(inside, 'BUTTON', 'Tab moved into the card');

    await page.keyboard.press('Escape');
    await page.locator(CARD).waitFor({ state: 'hidden', timeout: 1000 });
    assert.equal(
      await page.evaluate(() =>
        document.activeElement?.getAttribute('data-backstory-entity'),
      ),
      focused,
      'focus returned to the mention',
    );
    await page.close();
  });

  it('navigates to a related entity with a chip and comes back', async () => {
    const { page } = await openPage(e2e, '/');
    await page
      .locator('backstory-mention[data-backstory-entity="donald-trump"]')
      .first()
      .hover();
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 1500 });
    const card = await cardBox(page);
    await page.mouse.move(card.x + card.width / 2, card.y + 30, { steps: 5 });
    const chip = page.locator(`${CARD} .bs-card__chip`, {
      hasText: 'Tommy Tuberville',
    });
    await chip.scrollIntoViewIfNeeded();
    await chip.click();
    assert.equal(await cardName(page), 'Tommy Tuberville');
    await page.locator(`${CARD} .bs-card__back`).click();
    assert.equal(await cardName(page), 'Donald Trump');
    await page.close();
  });

  it('shows a fact’s evidence quote on demand', async () => {
    const { page } = await openPage(e2e, '/');
    await page
      .locator('backstory-mention[data-backstory-entity="jeff-sessions"]')
      .first()
      .hover();
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 1500 });
    const fact = page.locator(`${CARD} .bs-card__fact-button`).first();
    await fact.click();
    assert.equal(await fact.getAttribute('aria-expanded'), 'true');
    assert.match(
      (await page.locator(`${CARD} .bs-card__evidence`).textContent()) ?? '',
      /served as attorney general/,
    );
    await waitForCardAnimations(page); // The entrance is over before the picture.
    await page.screenshot({ path: `${SCREENSHOTS}/card-light-quote.png` });
    await page.close();
  });

  it('stays fully inside the viewport next to every edge', async () => {
    const { page } = await openPage(e2e, '/fixtures/card/edges.html');
    await page.setViewportSize({ width: 1024, height: 700 });
    for (const [entity, name] of [
      ['donald-trump', 'top-left'],
      ['jeff-sessions', 'top-right'],
      ['tommy-tuberville', 'bottom-left'],
      ['doug-jones', 'bottom-right'],
    ] as const) {
      await page.mouse.move(512, 350);
      // The previous card closes after the grace, so the next one is new.
      await page.locator(CARD).waitFor({ state: 'hidden', timeout: 2000 });
      await pointAt(page, entity);
      await page.locator(CARD).waitFor({ state: 'visible', timeout: 1500 });
      await waitForCardSettled(page);
      const box = await cardBox(page);
      assert.ok(
        box.x >= 0 && box.y >= 0,
        `${name}: card starts inside (${box.x}, ${box.y})`,
      );
      assert.ok(
        box.x + box.width <= 1024 && box.y + box.height <= 700,
        `${name}: card ends inside`,
      );
      await page.screenshot({ path: `${SCREENSHOTS}/card-edge-${name}.png` });
    }
    await page.close();
  });

  it('stays usable at 80% and 200% page zoom (the viewport in CSS pixels a zoomed 1280×900 window has)', async () => {
    const { page } = await openPage(e2e, '/');
    for (const [width, height, name] of [
      [1600, 1125, '80'],
      [640, 450, '200'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.mouse.move(1, 1);
      await page.locator(CARD).waitFor({ state: 'hidden', timeout: 2000 });
      await pointAt(page, 'tommy-tuberville');
      await page.locator(CARD).waitFor({ state: 'visible', timeout: 1500 });
      await waitForCardSettled(page);
      const box = await cardBox(page);
      assert.ok(
        box.x >= 0 &&
          box.y >= 0 &&
          box.x + box.width <= width + 1 &&
          box.y + box.height <= height + 1,
        `${name}%: ${JSON.stringify(box)}`,
      );
      await page.screenshot({ path: `${SCREENSHOTS}/card-zoom-${name}.png` });
    }
    await page.close();
  });

  it('is not disturbed by hostile page CSS, overlays, overflow and transforms', async () => {
    const { page } = await openPage(e2e, '/fixtures/card/hostile.html');
    await pointAt(page, 'jeff-sessions');
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 1500 });
    const box = await cardBox(page);
    const style = await page.evaluate(() => {
      const card = document
        .querySelector('backstory-card')!
        .shadowRoot!.querySelector('[role="dialog"]')!;
      const s = getComputedStyle(card);
      const name = getComputedStyle(card.querySelector('h2')!);
      return {
        display: s.display,
        background: s.backgroundColor,
        font: name.fontFamily,
        size: name.fontSize,
      };
    });
    assert.equal(style.display, 'block');
    assert.equal(style.size, '19px');
    assert.doesNotMatch(style.font, /Comic/);
    assert.doesNotMatch(style.background, /255, 255, 0/);
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.tagName,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    assert.equal(
      onTop,
      'BACKSTORY-CARD',
      'nothing of the page covers the card',
    );
    await waitForCardAnimations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/card-hostile-page.png` });
    await page.close();
  });

  it('removes the link for one mention with "Not this person", and undoes it', async () => {
    const { page } = await openPage(e2e, '/');
    const mention = page
      .locator('backstory-mention[data-backstory-entity="doug-jones"]')
      .first();
    await mention.hover();
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 1500 });
    const card = await cardBox(page);
    await page.mouse.move(card.x + card.width / 2, card.y + 30, { steps: 5 });
    await page
      .locator(`${CARD} .bs-action`, { hasText: 'Not this person' })
      .click();
    assert.equal(await mention.getAttribute('data-backstory-dismissed'), '');
    await page.locator(`${CARD} .bs-action`, { hasText: 'Undo' }).click();
    assert.equal(await mention.getAttribute('data-backstory-dismissed'), null);
    await page.close();
  });

  it('follows the reader’s colour scheme (dark)', async () => {
    const { page } = await openPage(e2e, '/');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page
      .locator(
        'backstory-mention[data-backstory-entity="alabama-senate-runoff-2020"], backstory-mention[data-backstory-entity="mueller-investigation"]',
      )
      .first()
      .hover();
    await page.locator(CARD).waitFor({ state: 'visible', timeout: 1500 });
    const background = await page.evaluate(
      () =>
        getComputedStyle(
          document
            .querySelector('backstory-card')!
            .shadowRoot!.querySelector('[role="dialog"]')!,
        ).backgroundColor,
    );
    assert.equal(background, 'rgb(29, 32, 39)');
    await waitForCardAnimations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/card-dark-event.png` });
    await page.close();
  });
});

describe('the card on a touch screen', () => {
  it('opens as a bottom sheet on tap and closes on a tap outside', async () => {
    const { server, browser, page } = await tapMentionOnPhone();
    try {
      await page
        .locator(`${CARD}.bs-popover--sheet`)
        .waitFor({ state: 'visible', timeout: 1500 });
      await waitForCardSettled(page); // The sheet has slid in.
      const box = await cardBox(page);
      assert.ok(
        Math.abs(box.y + box.height - 844) < 2 && box.width >= 388,
        `a full-width sheet at the bottom: ${JSON.stringify(box)}`,
      );
      await page.screenshot({ path: `${SCREENSHOTS}/card-touch-sheet.png` });
      await page.touchscreen.tap(200, 60);
      await page.locator(CARD).waitFor({ state: 'hidden', timeout: 1000 });
      await page.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

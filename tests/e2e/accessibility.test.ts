/**
 * Accessibility, audited: axe-core (pinned devDependency, injected by these
 * tests from node_modules, never bundled) on every view a reader sees, light
 * and dark, failing on serious or critical violations; and keyboard-only
 * walkthroughs for what axe cannot see (tab order, focus traps, focus rings).
 *
 * To audit another page, add one line to VIEWS, opened in a viewport in
 * which nothing scrolls out of view (axe checks the contrast of text on
 * screen only).
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import {
  CARD_SELECTOR,
  copyCardIntoPage,
  describeFindings,
  type E2E,
  hasVisibleFocus,
  isBlocking,
  openExtensionPage,
  openPage,
  pointAtMention,
  pressTab,
  resetTabWalk,
  runAxe,
  type TabStop,
  tabIdOf,
  tapMentionOnPhone,
  useExtensionBrowser,
  waitForCardSettled,
} from './support';

const CARD_IN_SHADOW = {
  fromShadowDom: ['backstory-card', '[role="dialog"]'],
};
const SCHEMES = ['light', 'dark'] as const;

/**
 * An open view to audit: the page it is on, what of it to audit (all of it
 * when absent), and for Backstory's card in a page, `card`: the selector of
 * what to audit in a light-DOM copy of the card, for text contrast (see
 * copyCardIntoPage).
 */
type Opened = {
  page: Page;
  include?: unknown;
  card?: string;
  errors: string[];
};
type View = [name: string, open: (e2e: E2E) => Promise<Opened>];

/** The hover card of `entity` on the demo page, open and settled. */
async function hoverCard(e2e: E2E, entity: string): Promise<Opened> {
  const { page, errors } = await openPage(e2e, '/');
  await pointAtMention(
    page,
    page
      .locator(`backstory-mention[data-backstory-entity="${entity}"]`)
      .first(),
  );
  await waitForCardSettled(page);
  return { page, errors, include: CARD_IN_SHADOW, card: '[role="dialog"]' };
}

/**
 * The popup page for the demo page's tab, tall enough that nothing is
 * scrolled out of view (axe checks contrast only on screen), after `show`.
 */
async function popupView(
  e2e: E2E,
  show: (popup: Page) => Promise<void>,
): Promise<Opened> {
  const { page: demo } = await openPage(e2e, '/');
  const tab = await tabIdOf(e2e, demo);
  const { page, errors } = await openExtensionPage(
    e2e,
    `popup.html?tab=${tab}`,
    { width: 380, height: 1600 },
  );
  await page.waitForSelector('[role=switch]');
  await page.addStyleTag({
    content: '.popup__panel { height: auto !important; }',
  });
  await show(page);
  return { page, errors };
}

const VIEWS: View[] = [
  ['hover card (person)', (e2e) => hoverCard(e2e, 'tommy-tuberville')],
  ['hover card (event)', (e2e) => hoverCard(e2e, 'mueller-investigation')],
  [
    'hover card with an evidence quote open',
    async (e2e) => {
      const opened = await hoverCard(e2e, 'jeff-sessions');
      await opened.page
        .locator('backstory-card .bs-card__fact-button')
        .first()
        .click();
      await opened.page.waitForSelector('backstory-card .bs-card__evidence');
      return opened;
    },
  ],
  [
    'popup: look up, with results',
    (e2e) =>
      popupView(e2e, async (popup) => {
        await popup.fill('#lookup-input', 'jones');
        await popup.waitForSelector('[role=option]');
      }),
  ],
  [
    'popup: a card',
    (e2e) =>
      popupView(e2e, async (popup) => {
        await popup.fill('#lookup-input', 'tuberville');
        await popup.waitForSelector('[role=option]');
        await popup.keyboard.press('Enter');
        await popup.waitForSelector('.detail article.bs-card');
      }),
  ],
  [
    'popup: on this page',
    (e2e) =>
      popupView(e2e, async (popup) => {
        await popup.click('#tab-page');
        await popup.waitForSelector('.whoiswho__row');
      }),
  ],
  [
    'popup: settings',
    (e2e) =>
      popupView(e2e, async (popup) => {
        await popup.click('#tab-settings');
        await popup.waitForSelector('input[name="hoverDelayMs"]');
      }),
  ],
  [
    'options page (every setting, export and import)',
    async (e2e) => {
      const opened = await openExtensionPage(e2e, 'options.html', {
        width: 1024,
        height: 2400,
      });
      await opened.page.waitForSelector('form.settings--wide');
      return opened;
    },
  ],
];

/** Audits what is open in both colour schemes; fails on serious or critical findings. */
async function audit(t: TestContext, name: string, opened: Opened) {
  for (const colorScheme of SCHEMES) {
    await opened.page.emulateMedia({ colorScheme });
    const findings = await runAxe(opened.page, opened.include);
    if (opened.card) {
      const copy = await copyCardIntoPage(opened.page, opened.page.context());
      await copy.emulateMedia({ colorScheme });
      findings.push(...(await runAxe(copy, opened.card)));
      await copy.close();
    }
    const blocking = findings.filter(isBlocking);
    const rest = findings.filter((finding) => !isBlocking(finding));
    if (rest.length)
      t.diagnostic(`${name}, ${colorScheme}:\n${describeFindings(rest)}`);
    assert.deepEqual(
      blocking.map((finding) => finding.id),
      [],
      `${name}, ${colorScheme}:\n${describeFindings(blocking)}`,
    );
  }
  assert.deepEqual(opened.errors, []);
}

describe('accessibility audit (axe-core)', () => {
  const e2e = useExtensionBrowser();

  for (const [name, open] of VIEWS)
    it(`${name}: no serious or critical violations, light and dark`, async (t) => {
      const opened = await open(e2e);
      try {
        await audit(t, name, opened);
      } finally {
        for (const page of e2e.browser.context.pages().slice(1))
          await page.close();
      }
    });
});

describe('accessibility audit of the touch sheet (axe-core)', () => {
  it('the bottom sheet: no serious or critical violations, light and dark', async (t) => {
    const { server, browser, page } = await tapMentionOnPhone();
    try {
      await page.waitForSelector('backstory-card .bs-popover--sheet');
      await waitForCardSettled(page);
      await audit(t, 'touch sheet', {
        page,
        errors: [],
        include: { fromShadowDom: ['backstory-card', '.bs-layer'] },
        card: '.bs-layer',
      });
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

/** Tabs until focus comes back to an element it has visited; returns every stop. */
async function tabAround(page: Page, limit = 80): Promise<TabStop[]> {
  await resetTabWalk(page);
  const stops: TabStop[] = [];
  for (let i = 0; i < limit; i += 1) {
    const stop = await pressTab(page);
    stops.push(stop);
    if (stop.revisit) return stops;
  }
  assert.fail(
    `focus never came back within ${limit} Tab presses:\n${stops.map((s) => s.label).join('\n')}`,
  );
}

/** Every stop before the last showed a focus ring it did not have unfocused. */
function assertFocusRings(stops: TabStop[]) {
  for (const [i, stop] of stops.entries()) {
    if (stop.index < 0 || stop.revisit) continue;
    const after = stops[i + 1]?.previousRingAfter ?? null;
    assert.ok(
      hasVisibleFocus(stop, after),
      `no visible focus on ${stop.label}: focused "${stop.ring}", unfocused "${after}", :focus-visible ${stop.focusVisible}`,
    );
  }
}

describe('keyboard only', () => {
  const e2e = useExtensionBrowser();

  for (const [view, select, expected] of [
    ['Look up', null, ['#lookup-input', 'tab-lookup', 'switch']],
    ['On this page', '#tab-page', ['tab-page', 'whoiswho__jump']],
    ['Settings', '#tab-settings', ['tab-settings', 'hoverDelayMs', 'kind-']],
  ] as const)
    it(`popup, ${view}: Tab visits every control and comes back round, each with a visible focus ring`, async () => {
      const { page: demo } = await openPage(e2e, '/');
      const tab = await tabIdOf(e2e, demo);
      const { page: popup, errors } = await openExtensionPage(
        e2e,
        `popup.html?tab=${tab}`,
      );
      try {
        await popup.waitForSelector('[role=switch]');
        if (select) {
          await popup.click(select);
          await popup.waitForSelector(
            `${select.replace('#tab-', '#panel-')}:not([hidden])`,
          );
        }
        // Start from the page itself, as a reader arriving by keyboard.
        await popup.evaluate(() =>
          (document.activeElement as HTMLElement | null)?.blur(),
        );
        const stops = await tabAround(popup);
        const first = stops.find((stop) => stop.index >= 0);
        const last = stops.at(-1)!;
        assert.equal(
          last.index,
          first?.index,
          `focus came back to the first control, not to ${last.label} (a trap):\n${stops.map((s) => s.label).join('\n')}`,
        );
        assertFocusRings(stops);
        const labels = stops.map((stop) => stop.label).join('\n');
        for (const part of expected)
          assert.ok(labels.includes(part), `${part} is a tab stop:\n${labels}`);
        assert.deepEqual(errors, []);
      } finally {
        await popup.close();
        await demo.close();
      }
    });

  it('popup tabs: arrow keys move between the tabs and select them', async () => {
    const { page: popup, errors } = await openExtensionPage(e2e, 'popup.html');
    try {
      await popup.waitForSelector('[role=switch]');
      await popup.focus('#tab-lookup');
      for (const [key, id] of [
        ['ArrowRight', 'tab-page'],
        ['ArrowRight', 'tab-settings'],
        ['ArrowRight', 'tab-lookup'],
        ['ArrowLeft', 'tab-settings'],
        ['Home', 'tab-lookup'],
        ['End', 'tab-settings'],
      ] as const) {
        await popup.keyboard.press(key);
        assert.equal(
          await popup.evaluate(() => document.activeElement?.id),
          id,
          key,
        );
        assert.equal(
          await popup.getAttribute(`#${id}`, 'aria-selected'),
          'true',
        );
        assert.equal(
          await popup.isVisible(`#${id.replace('tab-', 'panel-')}`),
          true,
        );
      }
      assert.deepEqual(errors, []);
    } finally {
      await popup.close();
    }
  });

  it('hover card: Tab goes from the mention through every control, each with a visible focus ring, and on into the page; Shift+Tab goes back', async () => {
    const { page, errors } = await openPage(e2e, '/');
    try {
      const mention = page
        .locator(
          'backstory-mention[data-backstory-entity="tommy-tuberville"][tabindex="0"]',
        )
        .first();
      const onMention = () =>
        mention.evaluate((element) => element === document.activeElement);
      await mention.focus();
      await page.waitForSelector(CARD_SELECTOR);
      await resetTabWalk(page);
      const stops: TabStop[] = [];
      for (let i = 0; i < 40; i += 1) {
        const stop = await pressTab(page);
        stops.push(stop);
        if (!stop.inCard) break;
      }
      const inCard = stops.filter((stop) => stop.inCard);
      const out = stops.at(-1)!;
      assert.ok(
        inCard.length >= 3,
        `the card's controls are tab stops: ${inCard.map((s) => s.label).join(', ')}`,
      );
      assert.ok(!out.inCard, 'Tab leaves the card after its last control');
      assertFocusRings(stops);
      // Past the card's end, focus is back on the mention (the card closes),
      // and the next Tab goes on into the page: no trap either way.
      assert.ok(await onMention(), `back on the mention, not ${out.label}`);
      await page.locator(CARD_SELECTOR).waitFor({ state: 'hidden' });
      const next = await pressTab(page);
      assert.ok(
        next.index >= 0 &&
          !next.revisit &&
          !next.inCard &&
          !(await onMention()),
        `on into the page, not ${next.label}`,
      );

      // Shift+Tab from the card's first control returns to the mention.
      await mention.focus();
      await page.waitForSelector(CARD_SELECTOR);
      const firstControl = await pressTab(page);
      assert.ok(firstControl.inCard, 'Tab from the mention enters the card');
      const back = await pressTab(page, 'Shift+Tab');
      assert.ok(
        await onMention(),
        `Shift+Tab goes back to the mention, not ${back.label}`,
      );
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});

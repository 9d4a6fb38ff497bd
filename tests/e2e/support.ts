/**
 * Shared set-up for the real-browser tests: one static server and one
 * Chromium with the built extension per test file, fresh profile each time.
 */
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import {
  launchPlain,
  launchWithExtension,
  type ExtensionBrowser,
} from '../../scripts/launch-browser';
import type { Settings } from '../../lib/settings';
import { settingsFromAreas } from '../../lib/settings-store';
import { buildFixtureBundles } from './fixture-bundles';
import {
  PROJECT_MOUNTS,
  serveStatic,
  type StaticServer,
} from '../../scripts/serve-static';

export type E2E = { browser: ExtensionBrowser; server: StaticServer };

/** Starts the server and the browser before the file's tests; stops both after. */
export function useExtensionBrowser(): E2E {
  const e2e = {} as E2E;
  before(async () => {
    await buildFixtureBundles();
    e2e.server = await serveStatic(PROJECT_MOUNTS);
    e2e.browser = await launchWithExtension();
  });
  after(async () => {
    await e2e.browser?.close();
    await e2e.server?.close();
  });
  return e2e;
}

/** A Chromium without the extension (baselines), started before the file's tests and closed after. */
export function usePlainBrowser(): { context: BrowserContext } {
  const plain = {} as { context: BrowserContext; close(): Promise<void> };
  before(async () => {
    Object.assign(plain, await launchPlain());
  });
  after(async () => {
    await plain.close?.();
  });
  return plain;
}

/** Waits for the content script's first pass (`ready`) or its `off` state. */
export async function waitForBackstory(
  page: Page,
  timeout = 10_000,
): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const state = document.documentElement.getAttribute(
        'data-backstory-state',
      );
      return state === 'ready' || state === 'off' ? state : null;
    },
    undefined,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}

/** Opens `path` on the fixture server and waits for Backstory; collects page errors. */
export async function openPage(
  e2e: E2E,
  path: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${e2e.server.origin}${path}`);
  await waitForBackstory(page);
  return { page, errors };
}

/** The extension API as an extension page sees it (untyped in Node). */
type ChromeStorage = {
  chrome: {
    storage: Record<
      'local' | 'sync',
      {
        get(keys: null): Promise<Record<string, unknown>>;
        set(items: object): Promise<void>;
        clear(): Promise<void>;
      }
    >;
  };
};

/**
 * Replaces the stored settings with `settings`, written as version 0.1 wrote
 * them (one object under `settings` in storage.local), from an extension page;
 * everything else is cleared first. Waits until the background has folded
 * it into the current layout, as it does after an update from 0.1.
 */
export async function writeStoredSettings(
  e2e: E2E,
  settings: unknown,
): Promise<void> {
  const page = await e2e.browser.context.newPage();
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/popup.html`);
  const folded = async () => {
    const { chrome } = globalThis as unknown as ChromeStorage;
    const local = await chrome.storage.local.get(null);
    return (
      !('settings' in local) &&
      's.area' in local &&
      !Object.keys(local).some((key) => key.startsWith('s.op.'))
    );
  };
  // Not while the keeper is still folding an earlier change.
  await pollUntil(page, folded);
  await page.evaluate(async (value) => {
    const { chrome } = globalThis as unknown as ChromeStorage;
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
    await chrome.storage.local.set({ settings: value });
  }, settings as object);
  await pollUntil(page, folded);
  await page.close();
}

/**
 * Polls an async condition in `page` until it holds. (page.waitForFunction
 * takes a returned promise as a truthy answer and does not wait for it.)
 */
export async function pollUntil(
  page: {
    evaluate<R>(fn: () => Promise<R>): Promise<R>;
    waitForTimeout(ms: number): Promise<void>;
  },
  condition: () => Promise<boolean>,
  { timeout = 5000, what = 'the condition' } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await page.evaluate(condition))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(20);
  }
}

/** The settings as every context sees them, read raw from storage in `page` (an extension page or the worker). */
export async function readStoredSettings(page: {
  evaluate<R>(fn: () => Promise<R>): Promise<R>;
}): Promise<Settings> {
  const { local, sync } = await page.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeStorage;
    return {
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null),
    };
  });
  return settingsFromAreas(local, sync);
}

/** Text of `selector` as the reader sees it. */
export function visibleText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).innerText();
}

// --- Waiting on conditions (no fixed sleeps) ---------------------------------

/** The hover card's dialog inside Backstory's open shadow root (the DOM contract). */
export const CARD_SELECTOR = 'backstory-card [role="dialog"]';

/**
 * Waits until Backstory's page observer has handled every change the page
 * made before this call. It appends a probe paragraph naming someone to
 * <body> and waits until Backstory has wrapped a mention in it (seen by a
 * MutationObserver, so a page that strips the wrapper at once still counts).
 * Why that is enough: the observer queues changes in the order they happen
 * and annotates everything queued in one batch, in order, so once the probe
 * is annotated every earlier change has been handled, or left alone on
 * purpose. `text` must name an entity the page's settings link.
 */
export async function waitForObserverFlush(
  page: Page,
  { text = 'Doug Jones', timeout = 5000 } = {},
): Promise<void> {
  const id = await page.evaluate((probeText) => {
    const w = window as unknown as {
      __backstoryProbes?: Record<string, boolean>;
    };
    w.__backstoryProbes ??= {};
    const probes = w.__backstoryProbes;
    const probeId = `backstory-probe-${Object.keys(probes).length + 1}`;
    probes[probeId] = false;
    const probe = document.createElement('p');
    probe.id = probeId;
    probe.textContent = probeText;
    new MutationObserver((records, observer) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (
            node instanceof Element &&
            node.hasAttribute('data-backstory-entity')
          ) {
            probes[probeId] = true;
            observer.disconnect();
          }
    }).observe(probe, { childList: true, subtree: true });
    document.body.append(probe);
    return probeId;
  }, text);
  await page.waitForFunction(
    (probeId) =>
      (window as unknown as { __backstoryProbes: Record<string, boolean> })
        .__backstoryProbes[probeId],
    id,
    { timeout },
  );
}

/**
 * Resolves once a timer of `ms` started in the page now has fired. Chromium
 * runs one page's timers in order of their due time, whichever world started
 * them, so every timer Backstory's content script started before this call
 * with a delay of at most `ms` has fired too. This is the explicit window a
 * test needs to say "and then nothing happened" (a grace that did not
 * close the card): pass the product's own delay constant, never a guess.
 */
export async function waitPastPageTimers(
  page: Page,
  ms: number,
): Promise<void> {
  await page.evaluate(
    (delay) => new Promise<void>((resolve) => setTimeout(resolve, delay)),
    ms,
  );
}

/** Waits until every animation in the card's shadow root (entrance, sheet slide, backdrop) has finished. */
export async function waitForCardAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const root = document.querySelector('backstory-card')?.shadowRoot;
    if (root) await Promise.all(root.getAnimations().map((a) => a.finished));
  });
}

/**
 * Waits until the open card is where it will stay: a popover placed by
 * Floating UI (its left/top set) or a sheet, with its entrance animation over.
 */
export async function waitForCardSettled(
  page: Page,
  timeout = 5000,
): Promise<void> {
  await page.waitForFunction(
    () => {
      const card = document
        .querySelector('backstory-card')
        ?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
      if (!card) return false;
      return (
        card.classList.contains('bs-popover--sheet') ||
        (card.style.left !== '' && card.style.top !== '')
      );
    },
    undefined,
    { timeout },
  );
  await waitForCardAnimations(page);
}

/** A card opening or closing, or the pointer entering or leaving a mention or the card, in page time (ms). */
export type CardEvent =
  | { type: 'open' | 'close'; name: string; at: number }
  | {
      type: 'over' | 'out';
      /** 'card', the entity id of a mention, or null for anything else. */
      target: string | null;
      related: string | null;
      at: number;
    };

/**
 * Starts recording, in the page, every card that opens or closes (with the
 * name in its heading) and every pointer move onto or off a mention or the
 * card, timed in the page's clock (event timestamps and performance.now()
 * share it). Call after openPage (the card host exists once the page is
 * ready). The returned function reads the log so far.
 */
export async function recordCardEvents(
  page: Page,
): Promise<() => Promise<CardEvent[]>> {
  // No named functions inside: the test runner's transpiler would wrap them
  // in a helper that does not exist in the page.
  await page.evaluate(() => {
    const log: unknown[] = [];
    (
      window as unknown as { __backstoryCardLog: unknown[] }
    ).__backstoryCardLog = log;
    const host = document.querySelector('backstory-card');
    const root = host?.shadowRoot;
    if (!host || !root) throw new Error('no card host on the page');
    let shown: string | null = null;
    new MutationObserver(() => {
      const name =
        root.querySelector('[role="dialog"] h2')?.textContent ?? null;
      if (name === shown) return;
      const at = performance.now();
      if (shown !== null) log.push({ type: 'close', name: shown, at });
      if (name !== null) log.push({ type: 'open', name, at });
      shown = name;
    }).observe(root, { childList: true, subtree: true, characterData: true });
    for (const type of ['pointerover', 'pointerout'] as const)
      document.addEventListener(
        type,
        (event) => {
          // 'card', the entity id of a mention, or null, for target and related target.
          const [target, related] = [event.target, event.relatedTarget].map(
            (node) =>
              node === host
                ? 'card'
                : node instanceof Element
                  ? (node
                      .closest('backstory-mention')
                      ?.getAttribute('data-backstory-entity') ?? null)
                  : null,
          );
          log.push({
            type: type === 'pointerover' ? 'over' : 'out',
            target,
            related,
            at: event.timeStamp,
          });
        },
        { capture: true, passive: true },
      );
  });
  return () =>
    page.evaluate(
      () =>
        (window as unknown as { __backstoryCardLog: CardEvent[] })
          .__backstoryCardLog,
    );
}

/** Waits until the card is open and its heading reads `name`. */
export async function waitForCardNamed(
  page: Page,
  name: string,
  timeout = 5000,
): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector('backstory-card')
        ?.shadowRoot?.querySelector('[role="dialog"] h2')?.textContent ===
      expected,
    name,
    { timeout },
  );
}

/**
 * Waits until every console message and page error the page produced before
 * this call has reached the test: it logs a marker and waits for it (the
 * protocol delivers a page's messages in order).
 */
export async function waitForConsoleFlush(page: Page): Promise<void> {
  const marker = `backstory-console-flush-${Math.random()}`;
  await Promise.all([
    page.waitForEvent('console', {
      predicate: (message) => message.text() === marker,
    }),
    page.evaluate((text) => console.debug(text), marker),
  ]);
}

/**
 * A phone (390 × 844, touch) with the extension, on the demo page, after a tap
 * on Jeff Sessions's second mention outside a link (the first is the
 * headline's): the card opens as a bottom sheet. The caller closes both.
 */
export async function tapMentionOnPhone(): Promise<{
  server: StaticServer;
  browser: ExtensionBrowser;
  page: Page;
}> {
  const server = await serveStatic(PROJECT_MOUNTS);
  const browser = await launchWithExtension({
    viewport: { width: 390, height: 844 },
    mobile: true,
  });
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/`);
  await waitForBackstory(page);
  const mention = page
    .locator(
      'backstory-mention[data-backstory-entity="jeff-sessions"]:not(a backstory-mention)',
    )
    .nth(1);
  await mention.scrollIntoViewIfNeeded();
  await mention.tap();
  return { server, browser, page };
}

/**
 * Waits until the page has painted twice since this call: every handler the
 * last input event ran synchronously has rendered by then. For "and nothing
 * showed" after an input whose handler would show something at once.
 */
export async function waitForPaints(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => done())),
      ),
  );
}

/**
 * Polls `check` (in Node) until it returns true, for state that no page event
 * announces (the toolbar badge): a condition with a deadline, not a sleep.
 * Fails with `message` (read at the deadline) after `timeout` ms.
 */
export async function waitUntil(
  check: () => Promise<boolean>,
  {
    timeout = 2000,
    interval = 50,
    message = (): string => 'condition not met',
  } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`${message()} after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** One main-thread task that ran Backstory's content script, from a Chrome trace. */
export type OwnTask = {
  /** Wall-clock length of the task. */
  wallMs: number;
  /** CPU time of the page's main thread in the task: what the task cost, without the time the machine was busy elsewhere. */
  cpuMs: number;
  /** True for the task that evaluated the content script (its start-up, not its reaction to the page). */
  evaluation: boolean;
};

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    data?: { url?: string };
    fileName?: string;
  };
};

/**
 * Runs `run` under a Chrome trace of `page` and returns every main-thread
 * task in which Backstory's content script ran code (a timer, an observer or
 * event callback, its evaluation). A page's own long tasks, and tasks that
 * were long only because the shared machine was busy, are not ours: the
 * trace tells them apart, where a `longtask` observer in the page cannot.
 */
export async function traceOwnTasks(
  e2e: E2E,
  page: Page,
  run: () => Promise<void>,
): Promise<OwnTask[]> {
  const cdp = await e2e.browser.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) =>
    events.push(...(data.value as unknown as TraceEvent[])),
  );
  const complete = new Promise((resolve) =>
    cdp.once('Tracing.tracingComplete', resolve),
  );
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
      ],
      excludedCategories: ['*'],
    },
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => {});
  }
  const script = `chrome-extension://${e2e.browser.extensionId}/content-scripts/`;
  const isOurs = (event: TraceEvent) =>
    Boolean(
      event.args?.data?.url?.startsWith(script) ||
        event.args?.fileName?.startsWith(script),
    );
  const ours = events.filter((event) => event.ph === 'X' && isOurs(event));
  const threads = new Set(ours.map((event) => `${event.pid}:${event.tid}`));
  const tasks = events.filter(
    (event) =>
      event.name === 'RunTask' &&
      event.ph === 'X' &&
      threads.has(`${event.pid}:${event.tid}`),
  );
  const own: OwnTask[] = [];
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = ours.filter(
      (event) =>
        event.pid === task.pid &&
        event.tid === task.tid &&
        event.ts >= task.ts &&
        event.ts <= end,
    );
    if (!inside.length) continue;
    own.push({
      wallMs: (task.dur ?? 0) / 1000,
      cpuMs: (task.tdur ?? task.dur ?? 0) / 1000,
      evaluation: inside.some((event) => event.name === 'EvaluateScript'),
    });
  }
  return own;
}

/**
 * Moves the mouse onto `mention`: the middle of its first line. (The middle
 * of the box of a mention that wraps onto two lines is not on the mention,
 * which is where Playwright's hover() points.)
 */
export async function pointAtMention(
  page: Page,
  mention: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  await mention.scrollIntoViewIfNeeded();
  const line = await mention.evaluate((element) => {
    const rect = element.getClientRects()[0];
    return rect
      ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height }
      : null;
  });
  if (!line) throw new Error('the mention has no box on screen');
  await page.mouse.move(line.x + line.width / 2, line.y + line.height / 2);
  return line;
}

// --- Accessibility audit (axe-core, injected by the tests, never bundled) ---

/** What axe checks: WCAG 2.0, 2.1 and 2.2 A and AA, and its best practices. */
const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
  'best-practice',
];

export type AxeFinding = {
  id: string;
  impact: string | null;
  help: string;
  /** Selectors of the offending nodes (arrays cross shadow roots), with axe's summary for each. */
  nodes: Array<{ target: unknown; summary: string }>;
};

let axeSource: string | null = null;

/**
 * Runs axe-core in `page` (the main world, so it sees open shadow roots) and
 * returns its violations, worst first. `include` limits the audit, e.g. to
 * the card: `{ fromShadowDom: ['backstory-card', '[role="dialog"]'] }`.
 * axe is read from node_modules and evaluated over the protocol, so pages
 * with a strict CSP (extension pages) take it too; it is never bundled.
 */
export async function runAxe(
  page: Page,
  include?: unknown,
): Promise<AxeFinding[]> {
  axeSource ??= readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(axeSource);
  const rank = ['critical', 'serious', 'moderate', 'minor'];
  const violations = await page.evaluate(
    async ({ context, tags }) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: unknown,
              options: unknown,
            ): Promise<{
              passes: Array<{ id: string }>;
              incomplete: Array<{ id: string }>;
              violations: Array<{
                id: string;
                impact: string | null;
                help: string;
                nodes: Array<{ target: unknown; failureSummary?: string }>;
              }>;
            }>;
          };
        }
      ).axe;
      const result = await axe.run(context ?? document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      // An audit that checked nothing would pass: say so instead.
      const checked = [
        ...result.passes,
        ...result.incomplete,
        ...result.violations,
      ];
      if (!checked.some((rule) => rule.id === 'color-contrast'))
        throw new Error('axe checked no text contrast: is the view open?');
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
          target: node.target,
          summary: node.failureSummary ?? '',
        })),
      }));
    },
    { context: include ? { include } : null, tags: AXE_TAGS },
  );
  return violations.sort(
    (a, b) => rank.indexOf(a.impact ?? '') - rank.indexOf(b.impact ?? ''),
  );
}

/** Serious or critical: what the audit fails on. */
export function isBlocking(finding: AxeFinding): boolean {
  return finding.impact === 'serious' || finding.impact === 'critical';
}

/** One line per finding and node, for assertion messages and diagnostics. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .flatMap((finding) =>
      finding.nodes.map(
        (node) =>
          `${finding.impact} ${finding.id} (${finding.help}) at ${JSON.stringify(node.target)}: ${node.summary.replace(/\s+/g, ' ')}`,
      ),
    )
    .join('\n');
}

// --- Extension pages -----------------------------------------------------------

/** The extension's service worker. */
export async function serviceWorkerOf(e2e: E2E): Promise<Worker> {
  const ours = (worker: Worker) =>
    worker.url().startsWith(`chrome-extension://${e2e.browser.extensionId}/`);
  return (
    e2e.browser.context.serviceWorkers().find(ours) ??
    (await e2e.browser.context.waitForEvent('serviceworker', {
      predicate: ours,
    }))
  );
}

/** Selects the first occurrence of `text` inside `selector` (across any markup, mentions included). */
export async function selectText(
  page: Page,
  selector: string,
  text: string,
): Promise<void> {
  const found = await page.evaluate(
    ({ selector, text }) => {
      const root = document.querySelector(selector);
      if (!root) return false;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        nodes.push(node as Text);
      const whole = nodes.map((node) => node.data).join('');
      const start = whole.indexOf(text);
      if (start < 0) return false;
      // No helper functions in here: the test runner's transform would name them with a
      // `__name` call that does not exist in the page.
      const points: { node: Text; offset: number }[] = [];
      for (const [offset, end] of [
        [start, false],
        [start + text.length, true],
      ] as const) {
        let seen = 0;
        for (const node of nodes) {
          const next = seen + node.data.length;
          if (offset < next || (end && offset === next)) {
            points.push({ node, offset: offset - seen });
            break;
          }
          seen = next;
        }
      }
      const [from, to] = points;
      if (!from || !to) return false;
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString() === text;
    },
    { selector, text },
  );
  if (!found) throw new Error(`could not select “${text}” in ${selector}`);
}

/** The browser's id for the tab showing `page` (asked while it is in front). */
export async function tabIdOf(e2e: E2E, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = await serviceWorkerOf(e2e);
  return worker.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: {
          tabs: {
            query(query: object): Promise<Array<{ id: number }>>;
          };
        };
      }
    ).chrome;
    const [tab] = await api.tabs.query({
      active: true,
      lastFocusedWindow: true,
    });
    return tab!.id;
  });
}

/**
 * Opens one of the extension's pages (`popup.html`, `popup.html?tab=<id>`,
 * later `options.html`) in a tab of its own, at `viewport` size; collects
 * its errors.
 */
export async function openExtensionPage(
  e2e: E2E,
  path: string,
  viewport = { width: 380, height: 600 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.setViewportSize(viewport);
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/${path}`);
  await page.waitForLoadState('load');
  return { page, errors };
}

// --- Keyboard-only walkthroughs ----------------------------------------------

/** One Tab press: where focus went, and whether the reader can see it there. */
export type TabStop = {
  /** Order of first visit; a repeated index means focus came back to that element. */
  index: number;
  revisit: boolean;
  /** tag#id.class "accessible text", for messages. */
  label: string;
  /** True when the element is inside Backstory's card (an open shadow root). */
  inCard: boolean;
  focusVisible: boolean;
  /** Outline and box-shadow while focused. */
  ring: string;
  /** The same for the previous stop once focus had left it (null: it is gone). */
  previousRingAfter: string | null;
};

/**
 * Presses `key` (Tab or Shift+Tab) and reports the element that has focus
 * now, looking into open shadow roots. Call `resetTabWalk` first. A stop with
 * index -1 means nothing of the page has focus (it went to the browser).
 */
export async function pressTab(
  page: Page,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<TabStop> {
  await page.keyboard.press(key);
  // No named functions inside: the test runner's transpiler would wrap them
  // in a helper that does not exist in the page.
  return page.evaluate(() => {
    const walk = (
      window as unknown as {
        __tabWalk: {
          seen: WeakMap<Element, number>;
          count: number;
          previous: Element | null;
        };
      }
    ).__tabWalk;
    let element: Element | null = document.activeElement;
    let inCard = false;
    while (element?.shadowRoot?.activeElement) {
      inCard ||= element.localName === 'backstory-card';
      element = element.shadowRoot.activeElement;
    }
    const focused = element && element !== document.body ? element : null;
    const previous = walk.previous?.isConnected ? walk.previous : null;
    const [ring, previousRingAfter] = [focused, previous].map((node) => {
      if (!node) return null;
      const style = getComputedStyle(node);
      const outline =
        style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0
          ? 'none'
          : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      return `outline: ${outline}; box-shadow: ${style.boxShadow}`;
    });
    walk.previous = focused;
    if (!focused)
      return {
        index: -1,
        revisit: false,
        label: 'nothing',
        inCard: false,
        focusVisible: false,
        ring: '',
        previousRingAfter: previousRingAfter ?? null,
      };
    const known = walk.seen.get(focused);
    const index = known ?? walk.count;
    if (known === undefined) {
      walk.seen.set(focused, index);
      walk.count += 1;
    }
    const text = (
      focused.getAttribute('aria-label') ??
      (focused as HTMLElement).innerText ??
      ''
    )
      .trim()
      .replace(/\s+/g, ' ')
      .slice(0, 40);
    const id = focused.id ? `#${focused.id}` : '';
    const classes = focused.classList.length
      ? `.${[...focused.classList].join('.')}`
      : '';
    const name = focused.getAttribute('name');
    const named = name ? `[name=${name}]` : '';
    return {
      index,
      revisit: known !== undefined,
      label: `${focused.localName}${id}${classes}${named} "${text}"`,
      inCard,
      focusVisible: focused.matches(':focus-visible'),
      ring: ring ?? '',
      previousRingAfter: previousRingAfter ?? null,
    };
  });
}

/** Starts a new walk: forgets which elements focus has visited. */
export async function resetTabWalk(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __tabWalk: unknown }).__tabWalk = {
      seen: new WeakMap(),
      count: 0,
      previous: null,
    };
  });
}

/** True when `stop` shows focus plainly: `:focus-visible`, and an outline or shadow it did not have unfocused. */
export function hasVisibleFocus(
  stop: TabStop,
  ringWhenUnfocused: string | null,
): boolean {
  const none = 'outline: none; box-shadow: none';
  return (
    stop.focusVisible &&
    stop.ring !== none &&
    (ringWhenUnfocused === null || ringWhenUnfocused !== stop.ring)
  );
}

/**
 * A copy of the open card (its markup and its adopted stylesheet) in a page
 * of its own, in the light DOM, for the audit of text contrast. Why: axe
 * builds its layout grid from <body>, and our host is a fixed, zero-size
 * element on <html> (so page transforms cannot clip the card), so axe reports
 * every contrast in the live card "incomplete". The card's colours do not
 * depend on the page (`all: initial` on the host), so the copy shows the same
 * contrasts. Close the returned page when done.
 */
export async function copyCardIntoPage(
  page: Page,
  context: BrowserContext,
): Promise<Page> {
  const snapshot = await page.evaluate(() => {
    const root = document.querySelector('backstory-card')?.shadowRoot;
    const layer = root?.querySelector('.bs-layer');
    if (!root || !layer) throw new Error('no card to copy');
    const css: string[] = [];
    for (const sheet of root.adoptedStyleSheets)
      for (const rule of sheet.cssRules) css.push(rule.cssText);
    return { css: css.join('\n'), html: layer.outerHTML };
  });
  const copy = await context.newPage();
  await copy.setViewportSize(
    page.viewportSize() ?? { width: 1280, height: 900 },
  );
  await copy.setContent(
    `<!doctype html><html lang="en"><head><title>Card</title><style>${snapshot.css}</style></head><body>${snapshot.html}</body></html>`,
  );
  // A still picture (no entrance animation), with nothing scrolled out of
  // view (axe checks the contrast of text on screen only).
  await copy.addStyleTag({
    content:
      '* { animation: none !important; } .bs-popover { max-height: none !important; overflow: visible !important; }',
  });
  return copy;
}

/**
 * Shared set-up for the real-browser tests: one static server and one
 * Chromium with the built extension per test file, fresh profile each time.
 */
import { after, before } from 'node:test';
import type { BrowserContext, Page, Worker } from 'playwright-core';
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

/** The extension's service worker (where `chrome.commands`, `chrome.contextMenus` and `chrome.tabs` are). */
export async function extensionWorker(e2e: E2E): Promise<Worker> {
  const ours = (worker: Worker) =>
    worker.url().startsWith(`chrome-extension://${e2e.browser.extensionId}/`);
  return (
    e2e.browser.context.serviceWorkers().find(ours) ??
    (await e2e.browser.context.waitForEvent('serviceworker', {
      predicate: ours,
    }))
  );
}

/** The tab id of `page`: the active tab of the last focused window while it is in front. */
export async function tabIdOfPage(e2e: E2E, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = await extensionWorker(e2e);
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: {
        tabs: {
          query(q: object): Promise<{ id: number }[]>;
        };
      };
    };
    return (
      await chrome.tabs.query({ active: true, lastFocusedWindow: true })
    )[0]!.id;
  });
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

/**
 * Shared set-up for the real-browser tests: one static server and one
 * Chromium with the built extension per test file, fresh profile each time.
 */
import { after, before } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  launchPlain,
  launchWithExtension,
  type ExtensionBrowser,
} from '../../scripts/launch-browser';
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

/** Writes raw settings into extension storage from an extension page (as the popup would). */
export async function writeStoredSettings(
  e2e: E2E,
  settings: unknown,
): Promise<void> {
  const page = await e2e.browser.context.newPage();
  await page.goto(`chrome-extension://${e2e.browser.extensionId}/popup.html`);
  await page.evaluate((value) => {
    // The page runs in the extension's origin, where `chrome.storage` exists.
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { set(items: object): Promise<void> } } };
      }
    ).chrome;
    return api.storage.local.set({ settings: value });
  }, settings as object);
  await page.close();
}

/** Text of `selector` as the reader sees it. */
export function visibleText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).innerText();
}

/**
 * Firefox ESR with the built Firefox extension (MV2), driven by puppeteer-core
 * over WebDriver BiDi: one browser and one fixture server per test file.
 *
 * Extension pages: the extension's UUID (the host of its moz-extension://
 * URLs, random per profile) is pinned with the `extensions.webextensions.uuids`
 * preference, set before the extension is installed. Firefox's remote agent
 * refuses to navigate a tab to a moz-extension:// URL ("not allowed in this
 * context") unless Firefox runs with `--remote-allow-system-access`; with it,
 * the navigation happens but BiDi never reports it finished, so
 * `openExtensionPage` starts it and waits for the page itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  PROJECT_MOUNTS,
  serveStatic,
  type StaticServer,
} from '../../../scripts/serve-static';

export const FIREFOX = [
  process.env.FIREFOX_PATH,
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
].find((path): path is string => Boolean(path && existsSync(path)));

/** Why the Firefox tests are skipped where Firefox is missing (the Chromium suite always runs). */
export const SKIP = FIREFOX
  ? false
  : 'Firefox is not installed (apt-get install firefox-esr)';

export const BUILD = resolve('.output/firefox-mv2');
/** Any fixed UUID: the host of our moz-extension:// pages in these tests. */
export const EXTENSION_UUID = '6f0c1b9e-2c53-4d55-9a8e-1f2b3c4d5e6f';

export type FirefoxE2E = {
  browser: Browser;
  server: StaticServer;
  /** `moz-extension://<uuid>/<path>` */
  extensionUrl(path: string): string;
};

/** The gecko id of the built extension (the key of the UUID preference). */
function geckoId(): string {
  const manifest = JSON.parse(
    readFileSync(`${BUILD}/manifest.json`, 'utf8'),
  ) as { browser_specific_settings: { gecko: { id: string } } };
  return manifest.browser_specific_settings.gecko.id;
}

/**
 * Starts the server and Firefox before the file's tests and stops both after.
 * `beforeInstall` runs in the browser before the extension is installed (the
 * privacy test's baseline).
 */
export function useFirefox(
  beforeInstall?: (e2e: FirefoxE2E) => Promise<void>,
): FirefoxE2E {
  const e2e = {
    extensionUrl: (path: string) =>
      `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`,
  } as FirefoxE2E;
  before(async () => {
    if (!existsSync(`${BUILD}/manifest.json`))
      throw new Error('No Firefox build: run `npm run build:firefox` first.');
    e2e.server = await serveStatic(PROJECT_MOUNTS);
    e2e.browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'xpinstall.signatures.required': false,
        // Firefox fetches /favicon.ico for every page (Chromium headless does not): a
        // request neither the page nor we make, and a CSP violation on strict pages.
        'browser.chrome.site_icons': false,
        'extensions.webextensions.uuids': JSON.stringify({
          [geckoId()]: EXTENSION_UUID,
        }),
      },
    });
    if (beforeInstall) await beforeInstall(e2e);
    await e2e.browser.installExtension(BUILD);
  });
  after(async () => {
    await e2e.browser?.close();
    await e2e.server?.close();
  });
  return e2e;
}

/** Waits for the content script's first pass (`ready`) or its `off` state. */
export async function waitForBackstory(
  page: Page,
  timeout = 15_000,
): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const state = document.documentElement.getAttribute(
        'data-backstory-state',
      );
      return state === 'ready' || state === 'off' ? state : null;
    },
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as string;
}

/** Collects a page's errors (uncaught exceptions and console errors, ours included). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Opens `path` on the fixture server (or a full URL) in a new tab and waits for Backstory. */
export async function openPage(
  e2e: FirefoxE2E,
  path: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await e2e.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = collectErrors(page);
  await page.goto(
    path.startsWith('http') ? path : `${e2e.server.origin}${path}`,
  );
  await waitForBackstory(page);
  return { page, errors };
}

/** Navigates `page` to one of our extension pages and waits until it has loaded. */
export async function openExtensionPage(
  e2e: FirefoxE2E,
  page: Page,
  path: string,
): Promise<void> {
  const url = e2e.extensionUrl(path);
  // BiDi does not report this navigation as done: start it, then watch the page.
  page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const loaded = await page
      .evaluate(() => [location.href, document.readyState] as const)
      .catch(() => null);
    if (loaded?.[0] === url && loaded[1] === 'complete') return;
    if (Date.now() > deadline)
      throw new Error(`${url} did not open (at ${loaded?.[0]})`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Opens the popup for `page` in a small window of its own (so the page stays
 * the active, rendering tab of its window, as for a reader), naming the
 * page's tab with `?tab=<id>`: the active tab of the other window.
 */
export async function openPopup(
  e2e: FirefoxE2E,
  page: Page,
): Promise<{ popup: Page; errors: string[] }> {
  await page.bringToFront();
  const popup = await e2e.browser.newPage({
    type: 'window',
    windowBounds: { width: 380, height: 600 },
  });
  await popup.setViewport({ width: 380, height: 600 });
  const errors = collectErrors(popup);
  await openExtensionPage(e2e, popup, 'popup.html');
  const tab = await popup.evaluate(async () => {
    const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
    const own = await api.tabs.getCurrent();
    const active = await api.tabs.query({ active: true });
    return active.find((candidate) => candidate.id !== own?.id)?.id;
  });
  if (tab === undefined) throw new Error('the page’s tab was not found');
  await openExtensionPage(e2e, popup, `popup.html?tab=${tab}`);
  await popup.waitForSelector('#lookup-input');
  await popup.waitForSelector('[role=switch]');
  return { popup, errors };
}

/** What the tests use of the WebExtension API inside extension pages. */
type ExtensionApi = {
  tabs: {
    getCurrent(): Promise<{ id?: number } | undefined>;
    query(info: object): Promise<{ id?: number }[]>;
  };
  storage: Record<
    'local' | 'sync',
    {
      get(keys: null): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      clear(): Promise<void>;
    }
  >;
};

/**
 * Writes raw settings as 0.1 stored them (the store migrates them, as on an
 * update), after clearing both areas, and waits until the settings keeper has
 * folded them into the layout: the same as the Chromium suite's helper.
 */
export async function writeStoredSettings(
  e2e: FirefoxE2E,
  settings: unknown,
): Promise<void> {
  const page = await e2e.browser.newPage({ background: true });
  // Folded: no 0.1 key, an area marker, and no journal entry left.
  const folded = () =>
    page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
      const local = await api.storage.local.get(null);
      return (
        !('settings' in local) &&
        's.area' in local &&
        !Object.keys(local).some((key) => key.startsWith('s.op.'))
      );
    });
  const untilFolded = async () => {
    const deadline = Date.now() + 5000;
    while (!(await folded())) {
      if (Date.now() > deadline)
        throw new Error('the settings keeper never folded the stored settings');
      await new Promise((done) => setTimeout(done, 25));
    }
  };
  try {
    await openExtensionPage(e2e, page, 'popup.html');
    // Not while the keeper is still folding an earlier change.
    await untilFolded();
    await page.evaluate(async (value) => {
      const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
      await api.storage.sync.clear();
      await api.storage.local.clear();
      await api.storage.local.set({ settings: value });
    }, settings as object);
    await untilFolded();
  } finally {
    await page.close();
  }
}

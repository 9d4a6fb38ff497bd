/**
 * Launches Chromium with the built extension loaded (playwright-core, a fresh
 * profile per launch). Shared by `npm start`, the e2e tests and the benchmark.
 * Flags and the extension-id recipe: docs/testing.md, "Driving the browsers".
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findBrowser } from './find-browser';

export const CHROME_BUILD_DIR = '.output/chrome-mv3';

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  executablePath: string;
  close(): Promise<void>;
};

/**
 * An unpacked extension's id without a background page to ask: sha256 of the
 * directory's real path, first 32 hex digits mapped 0-f → a-p.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256')
    .update(realpathSync(dir))
    .digest('hex')
    .slice(0, 32);
  return [...hex]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}

/** Chromium without the extension: the baseline a page must look like with Backstory off. */
export async function launchPlain(): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  return { context, close: () => browser.close() };
}

export async function launchWithExtension(
  options: {
    headless?: boolean;
    extensionDir?: string;
    viewport?: { width: number; height: number } | null;
    args?: string[];
    /** Touch emulation (a phone): taps instead of a mouse. */
    mobile?: boolean;
  } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? CHROME_BUILD_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built extension in ${extensionDir}: run \`npm run build\` first.`,
    );
  }
  const executablePath = findBrowser();
  const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    viewport:
      options.viewport === undefined
        ? { width: 1280, height: 900 }
        : options.viewport,
    ...(options.mobile
      ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 }
      : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.args ?? []),
    ],
  });
  return {
    context,
    extensionId: unpackedExtensionId(extensionDir),
    executablePath,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

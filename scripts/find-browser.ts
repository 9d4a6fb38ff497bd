/**
 * Finds a Chromium-family browser that can load an unpacked extension:
 * CHROME_PATH first, then the usual install paths. Google Chrome 137+ ignores
 * --load-extension, so Chromium and Chrome for Testing come before Chrome.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function candidateBrowserPaths(
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const home = homedir();
  return [
    ...(env.CHROME_PATH ? [env.CHROME_PATH] : []),
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/lib/chromium/chromium',
    join(home, '.cache/chrome-for-testing/chrome-linux64/chrome'),
    '/opt/google/chrome-for-testing/chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
}

export class BrowserNotFoundError extends Error {
  constructor(tried: string[]) {
    super(
      [
        'No Chromium-family browser found. Tried:',
        ...tried.map((path) => `  - ${path}`),
        'Install one, for example:',
        '  Debian/Ubuntu: sudo apt-get install chromium',
        '  macOS:         brew install --cask chromium',
        'or point CHROME_PATH at a Chromium or Chrome for Testing binary.',
        '(Google Chrome 137+ ignores --load-extension, so it cannot run these tests.)',
      ].join('\n'),
    );
    this.name = 'BrowserNotFoundError';
  }
}

/** The first candidate that exists; throws `BrowserNotFoundError` naming every path tried. */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const candidates = candidateBrowserPaths(env);
  const found = candidates.find((path) => exists(path));
  if (!found) throw new BrowserNotFoundError(candidates);
  return found;
}

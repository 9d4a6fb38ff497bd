import { describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  candidateBrowserPaths,
  findBrowser,
} from '../../scripts/find-browser';

describe('findBrowser', () => {
  it('tries CHROME_PATH first, then Chromium before Google Chrome', () => {
    const paths = candidateBrowserPaths({ CHROME_PATH: '/opt/my/chrome' });
    expect(paths[0]).toBe('/opt/my/chrome');
    expect(paths.indexOf('/usr/bin/chromium')).toBeLessThan(
      paths.indexOf('/usr/bin/google-chrome'),
    );
  });

  it('returns the first path that exists', () => {
    expect(
      findBrowser({}, (path) => path === '/usr/bin/chromium-browser'),
    ).toBe('/usr/bin/chromium-browser');
  });

  it('names every path it tried and how to install a browser when none exists', () => {
    let error: unknown;
    try {
      findBrowser({ CHROME_PATH: '/nonexistent/chrome' }, () => false);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain(
      '  - /nonexistent/chrome\n  - /usr/bin/chromium\n',
    );
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('CHROME_PATH');
  });
});

import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toggleSiteInTab } from '../../../entrypoints/background/toggle-site';
import { MESSAGE } from '../../../lib/messages';
import { createSettingsStore, LEGACY_KEY } from '../../../lib/settings-store';

/** The content script in each tab answers with its host; `hosts` maps tab ids to hosts. */
function contentScripts(hosts: Record<number, unknown>) {
  return vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation(async (tabId: number) => {
      if (!(tabId in hosts)) throw new Error('Could not establish connection');
      return hosts[tabId];
    });
}

/** The settings as every context reads them (journal, layout and 0.1's key folded). */
const stored = async () =>
  (await createSettingsStore(fakeBrowser.storage).load()) as unknown as {
    pausedSites: string[];
  };

describe('toggleSiteInTab', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('pauses the site in the tab, then resumes it, through the settings store', async () => {
    const send = contentScripts({ 7: { host: 'example.com' } });
    expect(await toggleSiteInTab(7)).toBe('example.com');
    expect(send).toHaveBeenCalledWith(7, { type: MESSAGE.toggleSite });
    expect((await stored())?.pausedSites).toEqual(['example.com']);
    expect(await toggleSiteInTab(7)).toBe('example.com');
    expect((await stored())?.pausedSites).toEqual([]);
  });

  it('keeps the other settings and paused sites', async () => {
    await fakeBrowser.storage.local.set({
      [LEGACY_KEY]: {
        version: 2,
        pausedSites: ['other.org'],
        hoverDelayMs: 800,
      },
    });
    contentScripts({ 7: { host: 'example.com' } });
    await toggleSiteInTab(7);
    expect(await stored()).toMatchObject({
      pausedSites: ['example.com', 'other.org'],
      hoverDelayMs: 800,
    });
  });

  it('without a tab id, toggles the active tab of the current window', async () => {
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([
        { id: 9 } as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number],
      ]);
    const send = contentScripts({ 9: { host: 'b.example' } });
    expect(await toggleSiteInTab()).toBe('b.example');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(send).toHaveBeenCalledWith(9, { type: MESSAGE.toggleSite });
  });

  it.each([
    ['no content script in the tab (a browser page)', {}],
    ['an answer that is not a host', { 7: { host: 'Not A Host' } }],
    ['no answer', { 7: undefined }],
  ])('does nothing with %s', async (_, hosts) => {
    contentScripts(hosts);
    expect(await toggleSiteInTab(7)).toBeNull();
    // Nothing written anywhere: no journal entry, no layout, no legacy key.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('does nothing without an active tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    const send = contentScripts({});
    expect(await toggleSiteInTab()).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });
});

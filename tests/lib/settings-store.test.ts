import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { createSettingsStore } from '../../lib/settings-store';

// The real glue passes `browser.storage`; under vitest that is WXT's fake.
const store = () => createSettingsStore(browser.storage);
const loadSettings = () => store().load();
const updateSettings: ReturnType<typeof store>['update'] = (edit) =>
  store().update(edit);
const watchSettings: ReturnType<typeof store>['watch'] = (onChange) =>
  store().watch(onChange);

describe('settings in extension storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('uses the fake browser under vitest (the polyfill alias wins)', async () => {
    await browser.storage.local.set({ settings: { enabled: false } });
    expect((await loadSettings()).enabled).toBe(false);
  });

  it('reads defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid field of a corrupt stored value', async () => {
    await browser.storage.local.set({
      settings: {
        enabled: 'nope',
        pausedSites: ['a.example', 7],
        firstMentionOnly: true,
      },
    });
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      pausedSites: ['a.example'],
      firstMentionOnly: true,
    });
  });

  it('falls back to defaults, without throwing, when storage itself fails', async () => {
    vi.spyOn(browser.storage.local, 'get').mockRejectedValue(
      new Error('IO error'),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects a write that hits the quota, leaving what was stored intact', async () => {
    await updateSettings((s) => ({ ...s, firstMentionOnly: true }));
    vi.spyOn(browser.storage.local, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    await expect(
      updateSettings((s) => ({ ...s, enabled: false })),
    ).rejects.toThrow(/quota/);
    vi.restoreAllMocks();
    expect(await loadSettings()).toMatchObject({
      firstMentionOnly: true,
      enabled: true,
    });
  });

  it('tells watchers about changes, parsed', async () => {
    const seen = vi.fn();
    const unwatch = watchSettings(seen);
    await browser.storage.local.set({
      settings: { enabled: false, hoverDelayMs: 'soon' },
    });
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());
    expect(seen.mock.calls[0]![0]).toMatchObject({
      enabled: false,
      hoverDelayMs: 500,
    });
    unwatch();
  });
});

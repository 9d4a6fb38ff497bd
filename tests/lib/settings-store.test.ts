import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { browser } from 'wxt/browser';
import {
  canonicalSettings,
  DEFAULT_SETTINGS,
  hideEntity,
  parseSettings,
  pauseSite,
  resumeSite,
  type Settings,
  setEnabled,
} from '../../lib/settings';
import {
  createSettingsStore,
  effectiveSettings,
  LEGACY_KEY,
  mergeLegacy,
} from '../../lib/settings-store';
import { createSettingsKeeper } from '../../lib/settings-keeper';
import { encodeLayout } from '../../lib/settings-layout';
import { createFakeStorage, type FakeStorage } from './fake-storage';

const realTimers = {
  schedule: (run: () => void, ms: number) => setTimeout(run, ms),
};
/** Waits until the keeper has folded everything (the journal is empty) and is idle. */
async function folded(
  storage: FakeStorage,
  keeper: ReturnType<typeof createSettingsKeeper>,
) {
  await vi.waitFor(async () => {
    await keeper.idle();
    expect(
      Object.keys(storage.local.dump()).filter((key) =>
        key.startsWith('s.op.'),
      ),
    ).toEqual([]);
  });
}

describe('the settings store in browser.storage (WXT’s fake browser)', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('uses the fake browser under vitest (the polyfill alias wins)', async () => {
    await browser.storage.local.set({ settings: { enabled: false } });
    expect((await createSettingsStore(browser.storage).load()).enabled).toBe(
      false,
    );
  });

  it('reads defaults when nothing is stored', async () => {
    expect(await createSettingsStore(browser.storage).load()).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  it('falls back to defaults, without throwing, when storage itself fails', async () => {
    vi.spyOn(browser.storage.local, 'get').mockRejectedValue(
      new Error('IO error'),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await createSettingsStore(browser.storage).load()).toEqual(
      DEFAULT_SETTINGS,
    );
  });
});

describe('reading settings', () => {
  it('keeps every valid field of a corrupt 0.1 object', async () => {
    const storage = createFakeStorage();
    await storage.local.set({
      settings: {
        enabled: 'nope',
        pausedSites: ['a.example', 7],
        firstMentionOnly: true,
      },
    });
    expect(await createSettingsStore(storage).load()).toEqual({
      ...DEFAULT_SETTINGS,
      pausedSites: ['a.example'],
      firstMentionOnly: true,
    });
  });

  it('tells watchers about changes from other contexts', async () => {
    const storage = createFakeStorage();
    const seen = vi.fn();
    createSettingsStore(storage).watch(seen);
    await createSettingsStore(storage).update((s) => setEnabled(s, false));
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());
    expect(seen.mock.lastCall![0]).toMatchObject({ enabled: false });
  });

  it('survives change events that arrive late and out of order: the watcher ends on what is stored', async () => {
    const storage = createFakeStorage({ holdEvents: true });
    const seen: Settings[] = [];
    createSettingsStore(storage).watch((s) => seen.push(s));
    const writer = createSettingsStore(storage);
    await writer.update((s) => pauseSite(s, 'a.example'));
    await writer.update((s) => pauseSite(s, 'b.example'));
    await writer.update((s) => resumeSite(s, 'a.example'));
    expect(storage.held).toHaveLength(3);
    storage.deliver([2, 0, 1]); // newest first, then the two older ones
    await vi.waitFor(() =>
      expect(seen.at(-1)?.pausedSites).toEqual(['b.example']),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.at(-1)?.pausedSites).toEqual(['b.example']);
  });

  it('drops an older read that answers after a newer one', async () => {
    let slow = false;
    const storage = createFakeStorage({
      holdEvents: true,
      latency: () => (slow ? 40 : 0),
    });
    const seen: Settings[] = [];
    const writer = createSettingsStore(storage);
    createSettingsStore(storage).watch((s) => seen.push(s));
    await writer.update((s) => pauseSite(s, 'a.example'));
    slow = true;
    storage.deliver(); // This read starts now and answers in 40 ms …
    slow = false;
    await writer.update((s) => pauseSite(s, 'b.example'));
    storage.deliver(); // … after this one, which reads the newer settings.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(seen.map((s) => s.pausedSites)).toEqual([
      ['a.example', 'b.example'],
    ]);
  });
});

describe('several contexts editing at the same moment (two tabs, the popup, the keeper folding)', () => {
  const edits: [string, (s: Settings) => Settings][] = [
    ['tab A hides Doug Jones', (s) => hideEntity(s, 'doug-jones', null)],
    [
      'tab B hides Jeff Sessions on x.example',
      (s) => hideEntity(s, 'jeff-sessions', 'x.example'),
    ],
    ['the popup pauses a.example', (s) => pauseSite(s, 'a.example')],
    ['tab A pauses b.example', (s) => pauseSite(s, 'b.example')],
    [
      'tab B switches places off',
      (s) => ({ ...s, kinds: { ...s.kinds, place: false } }),
    ],
    [
      'the popup toggles first mention only',
      (s) => ({ ...s, firstMentionOnly: !s.firstMentionOnly }),
    ],
    ['tab A sets the style', (s) => ({ ...s, mentionStyle: 'solid' })],
    ['tab B resumes old.example', (s) => resumeSite(s, 'old.example')],
  ];
  const expected: Partial<Settings> = {
    pausedSites: ['a.example', 'b.example'],
    hiddenEntities: ['doug-jones'],
    hiddenOnSites: { 'x.example': ['jeff-sessions'] },
    kinds: { person: true, organization: true, place: false, event: true },
    firstMentionOnly: true,
    mentionStyle: 'solid',
  };

  it('a naive read-modify-write of one object loses edits on this fake (the fake can show the race)', async () => {
    const storage = createFakeStorage();
    await storage.local.set({ settings: { version: 2 } });
    await Promise.all(
      edits.map(async ([, edit]) => {
        const stored = await storage.local.get('settings');
        const next = edit(parseSettings(stored.settings));
        await storage.local.set({ settings: next });
      }),
    );
    const after = parseSettings((await storage.local.get('settings')).settings);
    expect(after.pausedSites.length).toBeLessThan(2);
  });

  it.each(Array.from({ length: 12 }, (_, seed) => seed))(
    'every change survives (interleaving %i)',
    async (seed) => {
      let state = seed + 1;
      const random = () => {
        state = (state * 48271) % 2147483647;
        return state / 2147483647;
      };
      const storage = createFakeStorage({
        latency: () => Math.floor(random() * 4),
      });
      await storage.local.set({
        settings: { version: 2, pausedSites: ['old.example'] },
      });
      const keeper = createSettingsKeeper(storage, realTimers);
      keeper.start();
      const contexts = [0, 1, 2].map(() => createSettingsStore(storage));
      await Promise.all(
        edits.map(([, edit], i) => contexts[i % 3]!.update(edit)),
      );
      for (const context of contexts)
        expect(await context.load()).toMatchObject(expected);
      await folded(storage, keeper);
      for (const context of contexts)
        expect(await context.load()).toMatchObject(expected);
      expect(storage.local.dump()).not.toHaveProperty(LEGACY_KEY);
      expect(storage.sync!.dump()).toHaveProperty('s.v');
      keeper.stop();
    },
  );

  it('edits keep arriving while the keeper folds: none is lost', async () => {
    const storage = createFakeStorage({ latency: () => 1 });
    const keeper = createSettingsKeeper(storage, realTimers);
    keeper.start();
    const tabs = [0, 1, 2].map(() => createSettingsStore(storage));
    for (let round = 0; round < 10; round += 1) {
      await Promise.all(
        tabs.map((tab, i) =>
          tab.update((s) => pauseSite(s, `r${round}-t${i}.example`)),
        ),
      );
    }
    await folded(storage, keeper);
    expect((await tabs[0]!.load()).pausedSites).toHaveLength(30);
    keeper.stop();
  });
});

describe('a fold seen from outside', () => {
  it.each([
    ['into an empty sync area', false],
    ['over an existing layout', true],
  ])(
    'a reader between any two steps of a fold %s sees every change',
    async (_, existing) => {
      const storage = createFakeStorage();
      if (existing)
        await storage.sync!.set(
          encodeLayout({ ...DEFAULT_SETTINGS, pausedSites: ['z.example'] }),
        );
      await storage.local.set({
        settings: { version: 2, pausedSites: ['old.example'] },
      });
      const writer = createSettingsStore(storage);
      await writer.update((s) => pauseSite(s, 'a.example'));
      await writer.update((s) => hideEntity(s, 'doug-jones', 'x.example'));
      await writer.update((s) => resumeSite(s, 'old.example'));
      const expected = await writer.load();
      const reader = createSettingsStore(storage);
      const seen: Settings[] = [];
      const look = async () => {
        seen.push(await reader.load());
      };
      const spy = (area: NonNullable<FakeStorage['sync']>) => ({
        get: async (keys: string | string[] | null) => {
          const result = await area.get(keys);
          await look();
          return result;
        },
        set: async (items: Record<string, unknown>) => {
          await area.set(items);
          await look();
        },
        remove: async (keys: string | string[]) => {
          await area.remove(keys);
          await look();
        },
      });
      const keeper = createSettingsKeeper(
        { ...storage, local: spy(storage.local), sync: spy(storage.sync!) },
        { schedule: () => {} },
      );
      expect(await keeper.fold()).toMatchObject({ kind: 'folded' });
      expect(seen.length).toBeGreaterThan(4);
      for (const settings of seen) expect(settings).toEqual(expected);
      expect(storage.local.dump()).toEqual({ 's.area': { area: 'sync' } });
    },
  );
});

describe('quota errors and failures mid-write', () => {
  const manualTimers = () => {
    const queue: { run: () => void; ms: number }[] = [];
    return {
      queue,
      schedule: (run: () => void, ms: number) => queue.push({ run, ms }),
      next: async () => {
        const timer = queue.shift();
        timer?.run();
        await new Promise((resolve) => setTimeout(resolve, 5));
        return timer?.ms;
      },
    };
  };

  it('a journal write that fails rejects the edit and changes nothing', async () => {
    const storage = createFakeStorage();
    const store = createSettingsStore(storage);
    await store.update((s) => pauseSite(s, 'a.example'));
    storage.local.failNextWrite({
      error: new Error('QUOTA_BYTES quota exceeded'),
    });
    await expect(store.update((s) => setEnabled(s, false))).rejects.toThrow(
      /quota/,
    );
    expect(await store.load()).toMatchObject({
      enabled: true,
      pausedSites: ['a.example'],
    });
  });

  it('a sync write that stores half its items and then fails loses nothing, and the next fold completes it', async () => {
    const storage = createFakeStorage();
    const timers = manualTimers();
    const keeper = createSettingsKeeper(storage, {
      schedule: timers.schedule,
      onError: () => {},
    });
    const store = createSettingsStore(storage);
    const big = Array.from({ length: 40 }, (_, i) => `site-${i}.example`);
    await store.update((s) => ({ ...s, pausedSites: big }));
    await store.update((s) => hideEntity(s, 'doug-jones', 'x.example'));
    storage.sync!.failNextWrite({
      error: new Error('QUOTA_BYTES quota exceeded'),
      partial: true,
    });
    await expect(keeper.fold()).rejects.toThrow(/quota/);
    // The journal still holds both edits, so every reader still sees them.
    expect(await store.load()).toMatchObject({
      pausedSites: [...big].sort(),
      hiddenOnSites: { 'x.example': ['doug-jones'] },
    });
    expect(await keeper.fold()).toMatchObject({ kind: 'folded' });
    expect(
      Object.keys(storage.local.dump()).filter((k) => k.startsWith('s.op.')),
    ).toEqual([]);
    expect(
      effectiveSettings({}, storage.sync!.dump()).pausedSites,
    ).toHaveLength(40);
  });

  it('waits a minute after sync’s write-rate error, keeping the edits meanwhile', async () => {
    const storage = createFakeStorage();
    const timers = manualTimers();
    const keeper = createSettingsKeeper(storage, {
      schedule: timers.schedule,
      onError: () => {},
    });
    keeper.start();
    expect(await timers.next()).toBe(0); // The first fold, at start: writes the defaults.
    const store = createSettingsStore(storage);
    storage.sync!.failNextWrite({
      error: new Error(
        'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
      ),
    });
    await store.update((s) => pauseSite(s, 'a.example'));
    await vi.waitFor(() => expect(timers.queue).toHaveLength(1));
    expect(await timers.next()).toBe(50);
    await vi.waitFor(() => expect(timers.queue).toHaveLength(1));
    expect(timers.queue[0]!.ms).toBe(60_000);
    expect((await store.load()).pausedSites).toEqual(['a.example']);
    await timers.next();
    expect(effectiveSettings({}, storage.sync!.dump()).pausedSites).toEqual([
      'a.example',
    ]);
    keeper.stop();
  });

  it('keeps itself under sync’s write-rate limit when edits come faster than it allows', async () => {
    let clock = 1_000_000;
    const storage = createFakeStorage({ now: () => clock });
    const timers = manualTimers();
    const keeper = createSettingsKeeper(storage, {
      schedule: timers.schedule,
      now: () => clock,
    });
    const store = createSettingsStore(storage, { now: () => clock });
    const results = [];
    for (let i = 0; i < 150; i += 1) {
      await store.update((s) => ({ ...s, hoverDelayMs: (i % 40) * 50 }));
      results.push(await keeper.fold());
      clock += 100; // 150 edits in 15 seconds
    }
    const writes = storage.sync!.writes.length;
    expect(writes).toBeLessThanOrEqual(120);
    expect(results.some((r) => r.kind === 'retry')).toBe(true);
    expect((await store.load()).hoverDelayMs).toBe((149 % 40) * 50);
    clock += 60_000;
    expect(await keeper.fold()).toMatchObject({ kind: 'folded' });
    expect(effectiveSettings({}, storage.sync!.dump()).hoverDelayMs).toBe(
      (149 % 40) * 50,
    );
  });

  it('moves settings too large for sync to this device, loses nothing, and says why', async () => {
    const storage = createFakeStorage();
    const keeper = createSettingsKeeper(storage, realTimers);
    keeper.start();
    const store = createSettingsStore(storage);
    const huge = Array.from(
      { length: 1000 },
      (_, i) => `${'x'.repeat(150)}-${i}.example.com`,
    );
    await store.update((s) => ({ ...s, pausedSites: huge }));
    await folded(storage, keeper);
    expect(await store.where()).toEqual({ area: 'local', reason: 'too-large' });
    expect((await store.load()).pausedSites).toHaveLength(1000);
    await store.update((s) => resumeSite(s, huge[0]!));
    await folded(storage, keeper);
    expect((await store.load()).pausedSites).toHaveLength(999);
    keeper.stop();
  });

  it.each([
    ['throws', 'unavailable'],
    [false, 'unavailable'],
  ] as const)(
    'uses storage.local where storage.sync %s',
    async (sync, reason) => {
      const storage = createFakeStorage({ sync });
      const keeper = createSettingsKeeper(storage, realTimers);
      keeper.start();
      const store = createSettingsStore(storage);
      await store.update((s) => pauseSite(s, 'a.example'));
      await folded(storage, keeper);
      expect(await store.where()).toEqual({ area: 'local', reason });
      expect(storage.local.dump()).toHaveProperty('s.v');
      expect((await store.load()).pausedSites).toEqual(['a.example']);
      keeper.stop();
    },
  );
});

describe('migration from 0.1 (storage.local, key "settings")', () => {
  const old = {
    version: 2,
    enabled: false,
    pausedSites: ['old.example', 'news.example.org'],
    kinds: { person: true, organization: false, place: true, event: true },
    firstMentionOnly: true,
    hoverDelayMs: 750,
    mentionStyle: 'highlight',
    hiddenEntities: ['doug-jones'],
    hiddenOnSites: { 'x.example': ['jeff-sessions', 'nancy-pelosi'] },
  };

  it.each([
    ['version 2', old, parseSettings(old)],
    [
      'version 1',
      { version: 1, paused: ['v1.example'], delay: 300 },
      { ...DEFAULT_SETTINGS, pausedSites: ['v1.example'], hoverDelayMs: 300 },
    ],
  ])(
    'loses nothing from %s, before and after the keeper folds it',
    async (_, raw, expected) => {
      const storage = createFakeStorage();
      await storage.local.set({ settings: raw });
      const store = createSettingsStore(storage);
      expect(await store.load()).toEqual(
        canonicalSettings(expected as Settings),
      );
      const keeper = createSettingsKeeper(storage, realTimers);
      keeper.start();
      await vi.waitFor(() =>
        expect(storage.local.dump()).not.toHaveProperty(LEGACY_KEY),
      );
      await keeper.idle();
      expect(await store.load()).toEqual(
        canonicalSettings(expected as Settings),
      );
      expect(effectiveSettings({}, storage.sync!.dump())).toEqual(
        canonicalSettings(expected as Settings),
      );
      keeper.stop();
    },
  );

  it('merges into settings another device already synced: lists joined, the synced values kept', () => {
    const synced = canonicalSettings({
      ...DEFAULT_SETTINGS,
      hoverDelayMs: 900,
      pausedSites: ['synced.example'],
      hiddenOnSites: { 'x.example': ['tommy-tuberville'] },
    });
    expect(mergeLegacy(synced, old)).toEqual(
      canonicalSettings({
        ...synced,
        pausedSites: ['news.example.org', 'old.example', 'synced.example'],
        hiddenEntities: ['doug-jones'],
        hiddenOnSites: {
          'x.example': ['jeff-sessions', 'nancy-pelosi', 'tommy-tuberville'],
        },
      }),
    );
    expect(effectiveSettings({ settings: old }, encodeLayout(synced))).toEqual(
      mergeLegacy(synced, old),
    );
  });

  it('reading during the fold (layout written, old object not yet removed) gives the same settings', () => {
    const migrated = mergeLegacy(null, old);
    expect(
      effectiveSettings({ settings: old }, encodeLayout(migrated)),
    ).toEqual(migrated);
  });
});

/**
 * The one writer of the settings layout: the background runs a keeper that
 * folds the journal (edits from every context, lib/settings-store.ts) and a
 * 0.1 settings object, if one is still there, into the layout, then removes
 * what it folded.
 *
 *   journal item added ──onChanged──▶ fold (after FOLD_DELAY_MS, batching a burst)
 *   fold: read local ─▶ read layout ─▶ encode ─▶ write changed items ─▶ marker ─▶ remove folded journal items
 *
 * Every step can fail on its own (a quota error, the worker stopped) and
 * nothing is lost: journal items go only after the layout holds them, and
 * until then every reader applies them on top of the layout.
 *
 * Where: `storage.sync` when the browser has it and the layout fits its
 * quotas; otherwise `storage.local`, with the reason in the marker. Sync is
 * tried again each time the keeper starts. Sync's write-rate limits are kept
 * by waiting (`syncWriteDelay`): the journal holds the edits meanwhile. Pure:
 * storage and the timer come in.
 */
import {
  checkSyncQuota,
  diffItems,
  encodeLayout,
  layoutItems,
  SYNC_QUOTA,
  VERSION_KEY,
  type Items,
} from './settings-layout';
import {
  AREA_KEY,
  type AreaMarker,
  areaMarker,
  type ChangeListener,
  effectiveSettings,
  journalKeys,
  LEGACY_KEY,
  OP_PREFIX,
  type SettingsStorage,
} from './settings-store';

/** Long enough to batch a burst of edits (a dragged control, several tabs), short enough to be unseen. */
export const FOLD_DELAY_MS = 50;
/** After an unexpected failure: 2 s, doubling up to 5 minutes. */
const RETRY_MS = { first: 2000, max: 300_000 } as const;
/** Headroom under sync's write-rate limits: other writes (removals, the marker) may follow. */
const WRITE_BUDGET = {
  perMinute: SYNC_QUOTA.writesPerMinute - 20,
  perHour: SYNC_QUOTA.writesPerHour - 100,
} as const;
/** A fold writes at most this many times to sync (set, then remove). */
const WRITES_PER_FOLD = 2;

export type FoldResult =
  | { kind: 'idle' }
  | { kind: 'folded'; area: AreaMarker; ops: number; writes: number }
  | { kind: 'retry'; afterMs: number; reason: string };

export type SettingsKeeper = {
  /** Listens for journal items and folds them; call once, synchronously, when the background starts. */
  start(): void;
  /** One fold now (tests; `start` schedules them itself). */
  fold(): Promise<FoldResult>;
  /** Resolves when no fold is waiting or running. */
  idle(): Promise<void>;
  stop(): void;
};

/**
 * How long to wait before a fold may write to sync without passing the
 * per-minute or per-hour write limits, given the times of earlier writes.
 */
export function syncWriteDelay(
  history: readonly number[],
  now: number,
): number {
  let wait = 0;
  for (const [windowMs, budget] of [
    [60_000, WRITE_BUDGET.perMinute],
    [3_600_000, WRITE_BUDGET.perHour],
  ] as const) {
    const recent = history
      .filter((time) => time > now - windowMs)
      .sort((a, b) => a - b);
    const excess = recent.length + WRITES_PER_FOLD - budget;
    if (excess > 0) wait = Math.max(wait, recent[excess - 1]! + windowMs - now);
  }
  return Math.max(0, wait);
}

/** Sync's "too many writes" errors (Chrome names the quota; Firefox says "rate"). */
function isRateLimit(error: unknown): boolean {
  return /MAX_WRITE_OPERATIONS|MAX_SUSTAINED|rate/i.test(String(error));
}
/** Sync's "too big" errors, should the browser count bytes differently from us. */
function isQuota(error: unknown): boolean {
  return /QUOTA_BYTES|MAX_ITEMS|quota/i.test(String(error));
}

export function createSettingsKeeper(
  storage: SettingsStorage,
  options: {
    schedule: (run: () => void, ms: number) => void;
    now?: () => number;
    onError?: (error: unknown) => void;
  },
): SettingsKeeper {
  const now = options.now ?? Date.now;
  const writes: number[] = [];
  let recheckSync = true;
  let forceLocal = false;
  let pending = false;
  let running = false;
  let again = false;
  let failures = 0;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const settle = () => {
    if (pending || running) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  const fold = async (): Promise<FoldResult> => {
    const local = await storage.local.get(null);
    const marker = areaMarker(local);
    let syncLayout: Items | null = null;
    if (
      storage.sync &&
      !forceLocal &&
      (marker?.area !== 'local' || recheckSync)
    ) {
      try {
        syncLayout = await storage.sync.get(null);
      } catch (error) {
        // Sync held the settings and fails now: wait for it rather than fork a stale copy.
        if (marker?.area === 'sync')
          return {
            kind: 'retry',
            afterMs: RETRY_MS.first,
            reason: String(error),
          };
      }
    }
    recheckSync = false;
    const from: 'sync' | 'local' =
      marker?.area === 'local' || !syncLayout ? 'local' : 'sync';
    const layout = from === 'sync' ? syncLayout! : local;
    const settings = effectiveSettings(local, layout);
    const items = encodeLayout(settings);
    let target: AreaMarker = { area: 'local', reason: 'unavailable' };
    if (forceLocal) target = { area: 'local', reason: 'too-large' };
    else if (syncLayout)
      target = checkSyncQuota(items).ok
        ? { area: 'sync' }
        : { area: 'local', reason: 'too-large' };

    const opKeys = journalKeys(local);
    const hasLegacy = Object.hasOwn(local, LEGACY_KEY);
    const markerChanged = JSON.stringify(marker) !== JSON.stringify(target);
    const hasLayout = Object.hasOwn(layout, VERSION_KEY);
    if (
      !opKeys.length &&
      !hasLegacy &&
      !markerChanged &&
      from === target.area &&
      hasLayout
    )
      return { kind: 'idle' };

    const area = target.area === 'sync' ? storage.sync! : storage.local;
    const before = layoutItems(
      target.area === from
        ? layout
        : target.area === 'sync'
          ? syncLayout!
          : local,
    );
    const { set, remove } = diffItems(before, items);
    let count = 0;
    if (target.area === 'sync') {
      const wait = syncWriteDelay(writes, now());
      if (wait > 0)
        return { kind: 'retry', afterMs: wait, reason: 'sync write limit' };
    }
    const write = async (run: () => Promise<void>) => {
      if (target.area === 'sync') writes.push(now());
      count += 1;
      await run();
    };
    if (Object.keys(set).length) await write(() => area.set(set));
    if (remove.length) await write(() => area.remove(remove));
    if (markerChanged) await storage.local.set({ [AREA_KEY]: target });
    if (from === 'local' && target.area === 'sync') {
      const stale = Object.keys(layoutItems(local));
      if (stale.length) await storage.local.remove(stale);
    }
    const folded = [...opKeys];
    if (hasLegacy) {
      // Remove the 0.1 object only if it is still the one folded (not rewritten meanwhile).
      const latest = await storage.local.get(LEGACY_KEY);
      if (
        JSON.stringify(latest[LEGACY_KEY]) === JSON.stringify(local[LEGACY_KEY])
      )
        folded.push(LEGACY_KEY);
    }
    if (folded.length) await storage.local.remove(folded);
    while (writes.length && writes[0]! < now() - 3_600_000) writes.shift();
    return { kind: 'folded', area: target, ops: opKeys.length, writes: count };
  };

  const run = async () => {
    running = true;
    let result: FoldResult;
    try {
      result = await fold();
      failures = 0;
    } catch (error) {
      options.onError?.(error);
      if (isQuota(error) && !isRateLimit(error)) forceLocal = true;
      failures += 1;
      result = {
        kind: 'retry',
        afterMs: isRateLimit(error)
          ? 60_000
          : Math.min(RETRY_MS.first * 2 ** (failures - 1), RETRY_MS.max),
        reason: String(error),
      };
    }
    running = false;
    if (stopped) return settle();
    if (result.kind === 'retry') request(result.afterMs);
    else if (again) {
      again = false;
      request(FOLD_DELAY_MS);
    }
    settle();
  };

  function request(ms: number): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (pending) return;
    pending = true;
    options.schedule(() => {
      pending = false;
      void run();
    }, ms);
  }

  const listener: ChangeListener = (changes, areaName) => {
    if (areaName !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      if (change.newValue === undefined) continue; // Our own removals.
      if (key.startsWith(OP_PREFIX) || key === LEGACY_KEY) {
        request(FOLD_DELAY_MS);
        return;
      }
    }
  };

  return {
    start() {
      storage.onChanged.addListener(listener);
      request(0);
    },
    fold,
    idle: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
    stop() {
      stopped = true;
      storage.onChanged.removeListener(listener);
    },
  };
}

/**
 * Settings in extension storage, as a store any extension context can use:
 * read through `parseSettings` (a corrupt value never throws and never costs
 * the valid fields), watched live, and updated with a pure edit, so that
 * edits made at the same moment in several tabs, the popup and the options
 * page all survive.
 *
 *   any context ──update(edit)──▶ diffSettings ──▶ journal item s.op.<time>.<ctx>.<n>  (storage.local, a new key)
 *   background keeper ──fold──▶ layout items (storage.sync, else storage.local) ──▶ journal items removed
 *   any context ──load / watch──▶ journal + marker (local) first, then layout ──▶ layout ⊕ journal
 *
 * Why a journal: storage has no transaction or compare-and-set, so a
 * read-modify-write from two contexts loses one edit. Writing a new, unique
 * key never conflicts; one writer (the background keeper, lib/settings-keeper.ts)
 * folds the journal into the layout, so the layout has one writer. Readers
 * apply the journal on top of the layout; operations are idempotent
 * (lib/settings-ops.ts), so reading while a fold is half done gives the same
 * settings. Change events only say "read again": their payloads are never
 * trusted, so events that arrive late or out of order cannot roll settings
 * back. docs/decisions/0006-settings-journal.md has the reasoning.
 *
 * Pure: it talks to storage only through `SettingsStorage`, which
 * `browser.storage` satisfies. Each entrypoint passes its own; tests pass a fake.
 */
// Without zod (settings-lite, a hand-written marker check): the content script reads settings on every page.
import {
  canonicalSettings,
  defaultSettings,
  parseSettings,
  type Settings,
} from './settings-lite';
import { applyOps, diffSettings, type Op, parseOps } from './settings-ops';
import { decodeLayout, type Items } from './settings-layout';

/** Where 0.1 kept the settings object (`storage.local`); read and migrated, never written. */
export const LEGACY_KEY = 'settings';
/** Which area holds the layout, and why (storage.local only). */
export const AREA_KEY = 's.area';
/** Journal items: one per edit, in storage.local, removed once folded into the layout. */
export const OP_PREFIX = 's.op.';

/** The part of one `browser.storage` area the store uses. */
export type StorageAreaLike = {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
};

export type StorageChanges = Record<
  string,
  { newValue?: unknown; oldValue?: unknown }
>;
export type ChangeListener = (
  changes: StorageChanges,
  areaName: string,
) => void;

/** The part of `browser.storage` the store uses; `sync` is absent or throws where a browser has none. */
export type SettingsStorage = {
  local: StorageAreaLike;
  sync?: StorageAreaLike;
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
};

/** Where the settings live, and (for `local`) why they are on this device only. */
export type AreaMarker = {
  area: 'sync' | 'local';
  reason?: 'unavailable' | 'too-large';
};

/** The stored marker, checked by hand (extra fields are ignored, as a lenient object would). */
function parseAreaMarker(raw: unknown): AreaMarker | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return null;
  const { area, reason } = raw as Record<string, unknown>;
  if (area !== 'sync' && area !== 'local') return null;
  if (reason === undefined) return { area };
  if (reason !== 'unavailable' && reason !== 'too-large') return null;
  return { area, reason };
}

export type SettingsStore = {
  /** The stored settings, or the defaults when storage fails or holds garbage. */
  load(): Promise<Settings>;
  /** Calls `onChange` with the settings whenever any context changes them; returns the unwatch. */
  watch(onChange: (settings: Settings) => void): () => void;
  /** Applies a pure `edit` (see lib/settings.ts) and stores what it changed; resolves with the result. */
  update(edit: (current: Settings) => Settings): Promise<Settings>;
  /** Where the settings live now (the options page says so). */
  where(): Promise<AreaMarker>;
};

/** True for a key whose change may change the settings. */
export function isSettingsKey(key: string): boolean {
  return key === LEGACY_KEY || key.startsWith('s.');
}

/** The journal's keys in `items`, oldest first. */
export function journalKeys(items: Items): string[] {
  return Object.keys(items)
    .filter((key) => key.startsWith(OP_PREFIX))
    .sort();
}

/** The journal's operations, oldest first; items that do not parse are skipped. */
export function journalOps(items: Items): Op[] {
  return journalKeys(items).flatMap((key) => {
    const entry = items[key];
    return typeof entry === 'object' && entry !== null
      ? parseOps((entry as { ops?: unknown }).ops)
      : [];
  });
}

/** The area marker in storage.local's items, or null. */
export function areaMarker(local: Items): AreaMarker | null {
  return parseAreaMarker(local[AREA_KEY]);
}

/**
 * Version 0.1's object folded into the layout: lists are merged (nothing
 * hidden or paused on either side is lost); single values keep the layout's,
 * which another device or a later edit wrote. Where there is no layout yet
 * (the usual upgrade) the old object is taken whole.
 */
export function mergeLegacy(
  layout: Settings | null,
  legacy: unknown,
): Settings {
  const old = canonicalSettings(parseSettings(legacy));
  if (!layout) return old;
  const sites: Record<string, string[]> = Object.create(null);
  for (const source of [layout.hiddenOnSites, old.hiddenOnSites])
    for (const [host, ids] of Object.entries(source))
      sites[host] = [
        ...new Set([
          ...(Object.hasOwn(sites, host) ? sites[host]! : []),
          ...ids,
        ]),
      ];
  return canonicalSettings(
    parseSettings({
      ...layout,
      pausedSites: [...new Set([...layout.pausedSites, ...old.pausedSites])],
      hiddenEntities: [
        ...new Set([...layout.hiddenEntities, ...old.hiddenEntities]),
      ],
      hiddenOnSites: sites,
    }),
  );
}

/**
 * The settings as every context sees them: the layout (or the defaults),
 * with a 0.1 object merged in while it is still there, then the journal.
 */
export function effectiveSettings(local: Items, layout: Items): Settings {
  const stored = decodeLayout(layout);
  const base = Object.hasOwn(local, LEGACY_KEY)
    ? mergeLegacy(stored, local[LEGACY_KEY])
    : (stored ?? canonicalSettings(defaultSettings()));
  return applyOps(base, journalOps(local));
}

/** The settings from a snapshot of both areas (tests and tools that read storage raw). */
export function settingsFromAreas(local: Items, sync: Items | null): Settings {
  const marker = areaMarker(local);
  return effectiveSettings(
    local,
    marker?.area === 'local' || sync === null ? local : sync,
  );
}

/**
 * Reads storage.local first (journal, marker, 0.1 object), then the layout.
 * In that order a fold between the two reads is harmless: the keeper writes
 * the layout before it removes journal items, and the journal is idempotent.
 */
export async function readStorage(
  extensionStorage: SettingsStorage,
): Promise<{ local: Items; layout: Items; marker: AreaMarker }> {
  const local = await extensionStorage.local.get(null);
  const marker = areaMarker(local);
  if (marker?.area === 'local' || !extensionStorage.sync)
    return {
      local,
      layout: local,
      marker: marker ?? { area: 'local', reason: 'unavailable' },
    };
  try {
    return {
      local,
      layout: await extensionStorage.sync.get(null),
      marker: marker ?? { area: 'sync' },
    };
  } catch (error) {
    // The marker says sync, or nothing was folded yet: without sync the layout may be stale; say so.
    if (marker?.area === 'sync') throw error;
    return {
      local,
      layout: local,
      marker: { area: 'local', reason: 'unavailable' },
    };
  }
}

let contexts = 0;

export function createSettingsStore(
  // Not named `storage`: WXT's import scan would add its own storage module to the bundle.
  extensionStorage: SettingsStorage,
  options: { now?: () => number; contextId?: string } = {},
): SettingsStore {
  const now = options.now ?? Date.now;
  contexts += 1;
  const contextId =
    options.contextId ??
    `${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}${contexts}`;
  let sequence = 0;
  const opKey = () => {
    sequence += 1;
    return `${OP_PREFIX}${now().toString(36).padStart(9, '0')}.${contextId}.${sequence.toString(36).padStart(4, '0')}`;
  };
  const read = async (): Promise<Settings> => {
    const { local, layout } = await readStorage(extensionStorage);
    return effectiveSettings(local, layout);
  };
  const load = async (): Promise<Settings> => {
    try {
      return await read();
    } catch (error) {
      console.warn(
        'Backstory: could not read settings, using defaults.',
        error,
      );
      return canonicalSettings(defaultSettings());
    }
  };
  return {
    load,
    watch(onChange) {
      let started = 0;
      let newestDelivered = 0;
      let delivered = '';
      const listener: ChangeListener = (changes, areaName) => {
        if (areaName !== 'local' && areaName !== 'sync') return;
        if (!Object.keys(changes).some(isSettingsKey)) return;
        started += 1;
        const request = started;
        read().then(
          (settings) => {
            // A read that started after this one has answered already: this answer may be older.
            if (request < newestDelivered) return;
            newestDelivered = request;
            const json = JSON.stringify(settings);
            if (json === delivered) return;
            delivered = json;
            onChange(settings);
          },
          () => undefined, // Keep what the context has; the next change reads again.
        );
      };
      extensionStorage.onChanged.addListener(listener);
      return () => extensionStorage.onChanged.removeListener(listener);
    },
    async update(edit) {
      const current = await read();
      const ops = diffSettings(current, parseSettings(edit(current)));
      if (!ops.length) return current;
      await extensionStorage.local.set({ [opKey()]: { ops } });
      return applyOps(current, ops);
    },
    async where() {
      return (await readStorage(extensionStorage)).marker;
    },
  };
}

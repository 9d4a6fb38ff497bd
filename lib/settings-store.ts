/**
 * Settings in extension storage, as a store any extension context can use:
 * read through `parseSettings` (a corrupt value never throws and never costs
 * the valid fields), watched live, and updated with a pure edit.
 *
 * Pure: it talks to storage only through the small `SettingsStorage`
 * interface below, which `browser.storage` satisfies. Each entrypoint passes
 * its own `browser.storage`; tests pass a fake.
 */
// The zod-free parser (same results as SettingsSchema, tested): the content script reads settings on every page.
import { defaultSettings, parseSettings, type Settings } from './settings-lite';

/** The key the settings object is stored under. */
export const SETTINGS_KEY = 'settings';

/** The part of one `browser.storage` area the store uses. */
export type StorageAreaLike = {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

type StorageChanges = Record<
  string,
  { newValue?: unknown; oldValue?: unknown }
>;
type ChangeListener = (changes: StorageChanges, areaName: string) => void;

/** The part of `browser.storage` the store uses. */
export type SettingsStorage = {
  local: StorageAreaLike;
  onChanged: {
    addListener(listener: ChangeListener): void;
    removeListener(listener: ChangeListener): void;
  };
};

export type SettingsStore = {
  /** The stored settings, or the defaults when storage fails or holds garbage. */
  load(): Promise<Settings>;
  /** Calls `onChange` with parsed settings whenever any context changes them; returns the unwatch. */
  watch(onChange: (settings: Settings) => void): () => void;
  /** Applies a pure `edit` (see lib/settings.ts) to the current settings and stores the result. */
  update(edit: (current: Settings) => Settings): Promise<Settings>;
};

export function createSettingsStore(
  // Not named `storage`: WXT's import scan would then add its own storage module to the bundle.
  extensionStorage: SettingsStorage,
): SettingsStore {
  const load = async (): Promise<Settings> => {
    try {
      const items = await extensionStorage.local.get(SETTINGS_KEY);
      return parseSettings(items[SETTINGS_KEY] ?? null);
    } catch (error) {
      console.warn(
        'Backstory: could not read settings, using defaults.',
        error,
      );
      return defaultSettings();
    }
  };
  return {
    load,
    watch(onChange) {
      const listener: ChangeListener = (changes, areaName) => {
        if (areaName !== 'local' || !Object.hasOwn(changes, SETTINGS_KEY))
          return;
        onChange(parseSettings(changes[SETTINGS_KEY]?.newValue ?? null));
      };
      extensionStorage.onChanged.addListener(listener);
      return () => extensionStorage.onChanged.removeListener(listener);
    },
    async update(edit) {
      const next = parseSettings(edit(await load()));
      await extensionStorage.local.set({ [SETTINGS_KEY]: next });
      return next;
    },
  };
}

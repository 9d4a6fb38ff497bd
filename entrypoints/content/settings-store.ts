/**
 * Settings in extension storage (`storage.local`, key `settings`): read through
 * `parseSettings`, so a corrupt value never throws and never costs the valid
 * fields. Shared by the content script and the popup.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '@/lib/settings';

export const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: null,
});

/** The stored settings, or the defaults when storage fails or holds garbage. */
export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await settingsItem.getValue());
  } catch (error) {
    console.warn('Backstory: could not read settings, using defaults.', error);
    return structuredClone(DEFAULT_SETTINGS);
  }
}

/** Calls `onChange` with parsed settings whenever any context changes them. */
export function watchSettings(
  onChange: (settings: Settings) => void,
): () => void {
  return settingsItem.watch((value) => onChange(parseSettings(value)));
}

/** Applies `update` to the current settings and stores the result; returns it. */
export async function updateSettings(
  update: (current: Settings) => Settings,
): Promise<Settings> {
  const next = parseSettings(update(await loadSettings()));
  await settingsItem.setValue(next);
  return next;
}

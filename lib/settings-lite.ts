/**
 * Reading stored settings without a schema library, and the pure settings
 * helpers the content script needs. The content script runs on every page,
 * and building zod/mini's settings and message schemas at load cost more
 * than everything else it does on a page without mentions (docs/benchmarks.md,
 * "Start-up"); zod also made up a fifth of its size.
 *
 * `SettingsSchema` in lib/settings.ts stays the specification: it is what
 * imported settings files are checked with, and tests/lib/settings-lite.test.ts
 * proves `parseSettings` here gives exactly what it gives, for every input in
 * its tables. Like it, this never throws: a corrupt or unknown value falls
 * back for that field alone and every valid field is kept. Pure.
 */
import { ENTITY_KINDS, type EntityKind, isId } from '../data/id-rules';
import type { Settings } from './settings';

export type { Settings };

export const SETTINGS_VERSION = 2;

export const MENTION_STYLES = [
  'dotted',
  'solid',
  'highlight',
  'hover-only',
] as const;
export type MentionStyle = (typeof MENTION_STYLES)[number];

export const HOVER_DELAY_LIMITS_MS = { min: 0, max: 2000 } as const;

/** A host name as `URL.hostname` gives it: lower case, no scheme, port or path. */
export const HOST_PATTERN = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/;
export const HOST_MAX_LENGTH = 253;
/** Caps on stored lists: more than any reader keeps, fewer than a corrupt store could hold. */
export const MAX_PAUSED_SITES = 1000;
export const MAX_HIDDEN_ENTITIES = 500;

const DEFAULT_HOVER_DELAY_MS = 500;

export function isHost(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= HOST_MAX_LENGTH &&
    HOST_PATTERN.test(value)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Keeps the valid, distinct items of a stored list, up to `max`; anything but an array gives []. */
function lenientList(
  raw: unknown,
  valid: (item: unknown) => item is string,
  max: number,
): string[] {
  if (!Array.isArray(raw)) return [];
  const kept: string[] = [];
  for (const item of raw)
    if (valid(item) && !kept.includes(item)) kept.push(item);
  return kept.slice(0, max);
}

function boolean(raw: unknown, fallback: boolean): boolean {
  return typeof raw === 'boolean' ? raw : fallback;
}

function defaultKinds(): Record<EntityKind, boolean> {
  return { person: true, organization: true, place: true, event: true };
}

function kinds(raw: unknown): Record<EntityKind, boolean> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return defaultKinds();
  const stored = raw as Record<string, unknown>;
  const result = defaultKinds();
  for (const kind of ENTITY_KINDS) result[kind] = boolean(stored[kind], true);
  return result;
}

function hoverDelay(raw: unknown): number {
  return typeof raw === 'number' &&
    Number.isSafeInteger(raw) &&
    raw >= HOVER_DELAY_LIMITS_MS.min &&
    raw <= HOVER_DELAY_LIMITS_MS.max
    ? raw
    : DEFAULT_HOVER_DELAY_MS;
}

function mentionStyle(raw: unknown): MentionStyle {
  return MENTION_STYLES.find((style) => style === raw) ?? 'dotted';
}

function hiddenOnSites(raw: unknown): Record<string, string[]> {
  // A null-prototype object: a host named "__proto__" stays an ordinary key.
  const kept: Record<string, string[]> = Object.create(null);
  if (!isPlainObject(raw)) return kept;
  for (const [host, ids] of Object.entries(raw)) {
    if (!isHost(host)) continue;
    const list = lenientList(ids, isId, MAX_HIDDEN_ENTITIES);
    if (list.length) kept[host] = list;
  }
  return kept;
}

/**
 * Version 1 stored `paused: string[]` and `delay` (ms); version 2 renamed them.
 * Each step takes the raw object of one version and returns the next.
 */
const MIGRATIONS: Record<
  number,
  (raw: Record<string, unknown>) => Record<string, unknown>
> = {
  1: ({ paused, delay, ...rest }) => ({
    ...rest,
    pausedSites: paused,
    hoverDelayMs: delay,
    version: 2,
  }),
};

/** Brings a stored object of any known version to the current shape (unknown fields stay for the parser to drop). */
export function migrateSettings(
  raw: Record<string, unknown>,
): Record<string, unknown> {
  let current = raw;
  let version =
    typeof raw.version === 'number' ? raw.version : SETTINGS_VERSION;
  while (version < SETTINGS_VERSION && MIGRATIONS[version]) {
    current = MIGRATIONS[version]!(current);
    version += 1;
  }
  return current;
}

function read(raw: Record<string, unknown>): Settings {
  return {
    version: SETTINGS_VERSION,
    enabled: boolean(raw.enabled, true),
    pausedSites: lenientList(raw.pausedSites, isHost, MAX_PAUSED_SITES),
    kinds: kinds(raw.kinds),
    firstMentionOnly: boolean(raw.firstMentionOnly, false),
    hoverDelayMs: hoverDelay(raw.hoverDelayMs),
    mentionStyle: mentionStyle(raw.mentionStyle),
    lookupOnDoubleClick: boolean(raw.lookupOnDoubleClick, false),
    hiddenEntities: lenientList(raw.hiddenEntities, isId, MAX_HIDDEN_ENTITIES),
    hiddenOnSites: hiddenOnSites(raw.hiddenOnSites),
  };
}

/** The settings when nothing (or nothing usable) is stored. A fresh object each time. */
export function defaultSettings(): Settings {
  return read({});
}

/** Parses anything (corrupt storage included) into settings; never throws. */
export function parseSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return defaultSettings();
  return read(migrateSettings({ ...(raw as Record<string, unknown>) }));
}

/**
 * The same settings in one canonical order: lists sorted, sites sorted. Storage
 * keeps lists in hashed buckets, so order is not something it can keep; every
 * context shows the same order.
 */
export function canonicalSettings(settings: Settings): Settings {
  const sites: Record<string, string[]> = Object.create(null);
  for (const host of Object.keys(settings.hiddenOnSites).sort())
    sites[host] = [...settings.hiddenOnSites[host]!].sort();
  return {
    ...settings,
    kinds: { ...settings.kinds },
    pausedSites: [...settings.pausedSites].sort(),
    hiddenEntities: [...settings.hiddenEntities].sort(),
    hiddenOnSites: sites,
  };
}

/** Is annotation on for this host? */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.pausedSites.includes(host.toLowerCase());
}

/** The entities hidden on this host: everywhere plus this site's own list. */
export function hiddenOn(settings: Settings, host: string): Set<string> {
  const own = Object.hasOwn(settings.hiddenOnSites, host)
    ? settings.hiddenOnSites[host]!
    : [];
  return new Set([...settings.hiddenEntities, ...own]);
}

/** The kinds switched on. */
export function enabledKinds(settings: Settings): Set<EntityKind> {
  return new Set(ENTITY_KINDS.filter((kind) => settings.kinds[kind]));
}

/** Switches annotations on or off everywhere. */
export function setEnabled(settings: Settings, enabled: boolean): Settings {
  return { ...settings, enabled };
}

/** Pauses annotations on one site; pausing a paused site changes nothing. */
export function pauseSite(settings: Settings, host: string): Settings {
  const site = host.toLowerCase();
  if (settings.pausedSites.includes(site)) return settings;
  return { ...settings, pausedSites: [...settings.pausedSites, site] };
}

/** Resumes one paused site; other paused sites and the global switch stay. */
export function resumeSite(settings: Settings, host: string): Settings {
  const site = host.toLowerCase();
  return {
    ...settings,
    pausedSites: settings.pausedSites.filter((paused) => paused !== site),
  };
}

/**
 * The reader's one-click toggle for a site (the keyboard shortcut): where
 * annotations show, pause them; where they do not, resume the site and, if
 * they were off everywhere, switch them on (other paused sites stay paused).
 */
export function toggleSite(settings: Settings, host: string): Settings {
  if (isActiveOn(settings, host)) return pauseSite(settings, host);
  return setEnabled(resumeSite(settings, host), true);
}

/**
 * Hides an entity from pages, everywhere (`host` null) or on one site.
 * Hiding twice changes nothing; the newest hidden is last.
 */
export function hideEntity(
  settings: Settings,
  entityId: string,
  host: string | null,
): Settings {
  return setHidden(settings, entityId, host, true);
}

/** Shows a hidden entity again, everywhere (`host` null) or on one site. */
export function unhideEntity(
  settings: Settings,
  entityId: string,
  host: string | null,
): Settings {
  return setHidden(settings, entityId, host, false);
}

function setHidden(
  settings: Settings,
  entityId: string,
  host: string | null,
  hide: boolean,
): Settings {
  if (host === null) {
    const rest = settings.hiddenEntities.filter((id) => id !== entityId);
    return { ...settings, hiddenEntities: hide ? [...rest, entityId] : rest };
  }
  // A null-prototype copy: a host named "__proto__" stays an ordinary key.
  const sites: Record<string, string[]> = Object.create(null);
  Object.assign(sites, settings.hiddenOnSites);
  const rest = (Object.hasOwn(sites, host) ? sites[host]! : []).filter(
    (id) => id !== entityId,
  );
  if (hide) sites[host] = [...rest, entityId];
  else if (rest.length) sites[host] = rest;
  else delete sites[host];
  return { ...settings, hiddenOnSites: sites };
}

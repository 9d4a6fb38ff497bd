/**
 * The reader's settings: one schema, defaults for everything, and a parser
 * that never throws. A corrupt or unknown value falls back for that field
 * alone; every valid field is kept. Stored settings carry a version, and
 * `migrateSettings` brings older shapes forward. Pure: the storage glue lives
 * in entrypoints/.
 */
import * as z from 'zod/mini';
import { ENTITY_KINDS, IdSchema, type EntityKind } from '../data/ids';

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
export const HostSchema = z
  .string()
  .check(
    z.maxLength(253),
    z.regex(
      /^(?:[a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/,
      'must be a host name',
    ),
  );

/** The card delay in whole milliseconds, within the limits. */
export const HoverDelaySchema = z
  .number()
  .check(
    z.int(),
    z.gte(HOVER_DELAY_LIMITS_MS.min),
    z.lte(HOVER_DELAY_LIMITS_MS.max),
  );

/** A list that keeps its valid items and drops the rest (one bad entry never costs the others). */
function lenientList<T extends z.ZodMiniType>(item: T, max: number) {
  return z.catch(
    z.pipe(
      z.array(z.unknown()),
      z.transform((items) => {
        const kept: z.infer<T>[] = [];
        for (const raw of items) {
          const parsed = item.safeParse(raw);
          if (parsed.success && !kept.includes(parsed.data as z.infer<T>))
            kept.push(parsed.data as z.infer<T>);
        }
        return kept.slice(0, max);
      }),
    ),
    [],
  );
}

const kindsShape = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [kind, z.catch(z.boolean(), true)]),
) as Record<EntityKind, z.ZodMiniCatch<z.ZodMiniBoolean>>;

export const SettingsSchema = z.object({
  version: z.catch(z.literal(SETTINGS_VERSION), SETTINGS_VERSION),
  /** The global switch. */
  enabled: z.catch(z.boolean(), true),
  /** Hosts where annotations are paused. */
  pausedSites: lenientList(HostSchema, 1000),
  /** Which kinds of entity to annotate. */
  kinds: z.catch(z.object(kindsShape), () => defaultKinds()),
  /** Link each entity once per page. */
  firstMentionOnly: z.catch(z.boolean(), false),
  /** Dwell before a card shows. */
  hoverDelayMs: z.catch(HoverDelaySchema, 500),
  mentionStyle: z.catch(z.enum(MENTION_STYLES), 'dotted'),
  /** Double-clicking a word looks it up (the context menu and the shortcut always do). */
  lookupOnDoubleClick: z.catch(z.boolean(), false),
  /** Entities the reader hid everywhere ("Not this person"). */
  hiddenEntities: lenientList(IdSchema, 500),
  /** Entities hidden on one site only: host → ids. */
  hiddenOnSites: z.catch(
    z.pipe(
      z.record(z.string(), z.unknown()),
      z.transform((record) => {
        const kept: Record<string, string[]> = Object.create(null);
        for (const [host, ids] of Object.entries(record)) {
          if (!HostSchema.safeParse(host).success) continue;
          const parsed = lenientList(IdSchema, 500).parse(ids);
          if (parsed.length) kept[host] = parsed;
        }
        return kept;
      }),
    ),
    () => Object.create(null) as Record<string, string[]>,
  ),
});

export type Settings = z.infer<typeof SettingsSchema>;

function defaultKinds(): Record<EntityKind, boolean> {
  return { person: true, organization: true, place: true, event: true };
}

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

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

/** Parses anything (corrupt storage included) into settings; never throws. */
export function parseSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return structuredClone(DEFAULT_SETTINGS);
  const result = SettingsSchema.safeParse(
    migrateSettings({ ...(raw as Record<string, unknown>) }),
  );
  return result.success ? result.data : structuredClone(DEFAULT_SETTINGS);
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

/** Turns a host name typed by the reader ("https://www.Example.com/x") into one `pausedSites` accepts, or null. */
export function normalizeHost(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  let host: string;
  try {
    host = new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`,
    ).hostname;
  } catch {
    return null;
  }
  return HostSchema.safeParse(host).success ? host : null;
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

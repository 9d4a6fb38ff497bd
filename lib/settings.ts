/**
 * The reader's settings: one schema, defaults for everything, and a parser
 * that never throws. A corrupt or unknown value falls back for that field
 * alone; every valid field is kept. Stored settings carry a version, and
 * `migrateSettings` brings older shapes forward. Pure: the storage glue lives
 * in entrypoints/.
 *
 * The schema is the specification. The settings store (and so the content
 * script, on every page) reads storage with the equivalent parser in
 * settings-lite.ts, which builds no schema at load; the helpers that do not
 * need zod live there too and are re-exported here.
 */
import * as z from 'zod/mini';
import { ENTITY_KINDS, IdSchema, type EntityKind } from '../data/ids';
import {
  HOST_MAX_LENGTH,
  HOST_PATTERN,
  HOVER_DELAY_LIMITS_MS,
  MAX_HIDDEN_ENTITIES,
  MAX_PAUSED_SITES,
  MENTION_STYLES,
  migrateSettings,
  SETTINGS_VERSION,
} from './settings-lite';

export {
  canonicalSettings,
  enabledKinds,
  pauseSite,
  resumeSite,
  setEnabled,
  toggleSite,
  hiddenOn,
  hideEntity,
  HOVER_DELAY_LIMITS_MS,
  isActiveOn,
  MENTION_STYLES,
  type MentionStyle,
  migrateSettings,
  SETTINGS_VERSION,
  unhideEntity,
} from './settings-lite';

/** A host name as `URL.hostname` gives it: lower case, no scheme, port or path. */
export const HostSchema = z
  .string()
  .check(
    z.maxLength(HOST_MAX_LENGTH),
    z.regex(HOST_PATTERN, 'must be a host name'),
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
  pausedSites: lenientList(HostSchema, MAX_PAUSED_SITES),
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
  hiddenEntities: lenientList(IdSchema, MAX_HIDDEN_ENTITIES),
  /** Entities hidden on one site only: host → ids. */
  hiddenOnSites: z.catch(
    z.pipe(
      z.record(z.string(), z.unknown()),
      z.transform((record) => {
        const kept: Record<string, string[]> = Object.create(null);
        for (const [host, ids] of Object.entries(record)) {
          if (!HostSchema.safeParse(host).success) continue;
          const parsed = lenientList(IdSchema, MAX_HIDDEN_ENTITIES).parse(ids);
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

/** Parses anything (corrupt storage included) into settings; never throws. */
export function parseSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return structuredClone(DEFAULT_SETTINGS);
  const result = SettingsSchema.safeParse(
    migrateSettings({ ...(raw as Record<string, unknown>) }),
  );
  return result.success ? result.data : structuredClone(DEFAULT_SETTINGS);
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

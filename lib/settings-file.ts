/**
 * Settings as a file the reader keeps or moves: export writes every setting
 * as JSON; import parses a file with zod, refuses anything that is not a
 * Backstory settings file with a message that says why (and changes
 * nothing), and describes what it would change before anything is applied.
 *
 *   {
 *     "format": "backstory-settings", "version": 1, "exportedAt": "2024-06-01T12:00:00.000Z",
 *     "settings": { "enabled": true, "pausedSites": ["example.com"], … }
 *   }
 *
 * A field missing from the file leaves that setting as it is. Pure.
 */
import * as z from 'zod/mini';
import { ENTITY_KINDS, type EntityKind, IdSchema } from '../data/ids';
import {
  canonicalSettings,
  HostSchema,
  HoverDelaySchema,
  MENTION_STYLES,
  type MentionStyle,
  migrateSettings,
  SETTINGS_VERSION,
  type Settings,
} from './settings';
import { applyOps, diffSettings, type Op } from './settings-ops';

export const SETTINGS_FILE_FORMAT = 'backstory-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Far more than any real settings file (about 85 KB at the largest). */
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

const SWITCH = { error: 'must be true or false' };
const kinds = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [kind, z.optional(z.boolean(SWITCH))]),
) as Record<EntityKind, z.ZodMiniOptional<z.ZodMiniBoolean>>;
const list = <T extends z.ZodMiniType>(item: T, max: number, what: string) =>
  z
    .array(item, { error: `must be a list of ${what}` })
    .check(z.maxLength(max, `may hold at most ${max} ${what}`));

/** The settings in a file: every field optional, every value strict (a wrong one is an error, not a default). */
const FileSettingsSchema = z.object(
  {
    version: z.optional(z.number({ error: 'must be a number' })),
    enabled: z.optional(z.boolean(SWITCH)),
    pausedSites: z.optional(list(HostSchema, 1000, 'host names')),
    kinds: z.optional(
      z.strictObject(kinds, {
        error: `may only name ${ENTITY_KINDS.join(', ')}, each true or false`,
      }),
    ),
    firstMentionOnly: z.optional(z.boolean(SWITCH)),
    hoverDelayMs: z.optional(
      z.pipe(
        z.unknown(),
        z.custom<number>(
          (value) => HoverDelaySchema.safeParse(value).success,
          'must be a whole number of milliseconds from 0 to 2000',
        ),
      ),
    ),
    mentionStyle: z.optional(
      z.enum(MENTION_STYLES, {
        error: `must be one of ${MENTION_STYLES.join(', ')}`,
      }),
    ),
    lookupOnDoubleClick: z.optional(z.boolean(SWITCH)),
    hiddenEntities: z.optional(list(IdSchema, 500, 'entity ids')),
    hiddenOnSites: z.optional(
      z.record(HostSchema, list(IdSchema, 500, 'entity ids'), {
        error: 'must map host names to lists of entity ids',
      }),
    ),
  },
  { error: 'must be an object of settings' },
);

export const SettingsFileSchema = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(SETTINGS_FILE_VERSION, {
    error: `must be ${SETTINGS_FILE_VERSION} (a file from a newer Backstory?)`,
  }),
  exportedAt: z.optional(z.string()),
  settings: z.pipe(
    z.pipe(
      z.record(z.string(), z.unknown(), {
        error: 'must be an object of settings',
      }),
      z.transform((raw) => migrateSettings({ ...raw })),
    ),
    FileSettingsSchema,
  ),
});

/** The file for `settings`, as text. */
export function exportSettings(settings: Settings, now: Date): string {
  const { version: _version, ...fields } = canonicalSettings(settings);
  return `${JSON.stringify(
    {
      format: SETTINGS_FILE_FORMAT,
      version: SETTINGS_FILE_VERSION,
      exportedAt: now.toISOString(),
      settings: { version: SETTINGS_VERSION, ...fields },
    },
    null,
    2,
  )}\n`;
}

/** A suggested name for the file: backstory-settings-2024-06-01.json. */
export function exportFileName(now: Date): string {
  return `backstory-settings-${now.toISOString().slice(0, 10)}.json`;
}

export type ImportPlan =
  | {
      ok: true;
      /** The settings after import. */
      settings: Settings;
      /** What changes, as operations: applied to whatever is stored when the reader confirms. */
      ops: Op[];
    }
  | { ok: false; error: string };

/**
 * Reads a settings file against the current settings. Never throws; a file
 * that is not JSON, not ours, or has a wrong value gives `ok: false` and a
 * sentence for the reader.
 */
export function planImport(text: string, current: Settings): ImportPlan {
  if (text.length > MAX_SETTINGS_FILE_BYTES)
    return {
      ok: false,
      error: 'It is too large to be Backstory settings.',
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      error: 'It is not JSON, so it cannot be Backstory settings.',
    };
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { format?: unknown }).format !== SETTINGS_FILE_FORMAT
  )
    return {
      ok: false,
      error:
        'It is not a Backstory settings file (it has no "format": "backstory-settings").',
    };
  const parsed = SettingsFileSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      error: `It has values Backstory cannot use:\n${describeIssues(parsed.error.issues)}`,
    };
  const {
    version: _version,
    kinds: fileKinds,
    ...fields
  } = parsed.data.settings;
  const present = Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  );
  const next = canonicalSettings({
    ...current,
    ...present,
    kinds: { ...current.kinds, ...definedOnly(fileKinds ?? {}) },
    ...(fields.hiddenOnSites
      ? { hiddenOnSites: nullPrototype(fields.hiddenOnSites) }
      : {}),
  } as Settings);
  const ops = diffSettings(current, next);
  return { ok: true, settings: applyOps(current, ops), ops };
}

export type Change = {
  kind: 'changed' | 'added' | 'removed';
  text: string;
};

const STYLE_NAMES: Record<MentionStyle, string> = {
  dotted: 'dotted underline',
  solid: 'solid underline',
  highlight: 'highlight',
  'hover-only': 'nothing until pointed at',
};
const KIND_NAMES: Record<EntityKind, string> = {
  person: 'people',
  organization: 'organizations',
  place: 'places',
  event: 'events',
};
const onOff = (value: boolean) => (value ? 'on' : 'off');

/** The changes in words, one line each, in the order the settings are listed. */
export function describeChanges(
  before: Settings,
  ops: readonly Op[],
  nameOf: (entityId: string) => string,
): Change[] {
  return ops.map((op) => describeOp(before, op, nameOf));
}

function describeOp(
  before: Settings,
  op: Op,
  nameOf: (entityId: string) => string,
): Change {
  switch (op.t) {
    case 'set':
      return {
        kind: 'changed',
        text: describeField(op.field, before[op.field], op.value),
      };
    case 'kind':
      return {
        kind: 'changed',
        text: `Mark ${KIND_NAMES[op.kind]}: ${onOff(before.kinds[op.kind])} → ${onOff(op.on)}`,
      };
    case 'pause':
      return op.on
        ? { kind: 'added', text: `Pause on ${op.host}` }
        : { kind: 'removed', text: `Resume on ${op.host}` };
    case 'hide': {
      const where = op.host ? `on ${op.host}` : 'everywhere';
      return op.on
        ? { kind: 'added', text: `Hide ${nameOf(op.id)} ${where}` }
        : { kind: 'removed', text: `Show ${nameOf(op.id)} again ${where}` };
    }
  }
}

function describeField(
  field: Extract<Op, { t: 'set' }>['field'],
  before: unknown,
  after: unknown,
): string {
  switch (field) {
    case 'enabled':
      return `Annotations: ${onOff(before as boolean)} → ${onOff(after as boolean)}`;
    case 'firstMentionOnly':
      return `Only the first mention of each name: ${onOff(before as boolean)} → ${onOff(after as boolean)}`;
    case 'lookupOnDoubleClick':
      return `Look up on double-click: ${onOff(before as boolean)} → ${onOff(after as boolean)}`;
    case 'hoverDelayMs':
      return `Card delay: ${before} ms → ${after} ms`;
    case 'mentionStyle':
      return `How mentions look: ${STYLE_NAMES[before as MentionStyle]} → ${STYLE_NAMES[after as MentionStyle]}`;
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, 5).map((issue) => {
    const path = issue.path.length
      ? issue.path
          .map((part) =>
            typeof part === 'number' ? `[${part}]` : `.${String(part)}`,
          )
          .join('')
          .replace(/^\./, '')
      : '(the file)';
    return `• ${path}: ${issue.message}`;
  });
  if (issues.length > 5) lines.push(`• and ${issues.length - 5} more`);
  return lines.join('\n');
}

function definedOnly(
  record: Partial<Record<EntityKind, boolean | undefined>>,
): Partial<Record<EntityKind, boolean>> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  );
}

function nullPrototype(
  record: Record<string, string[]>,
): Record<string, string[]> {
  const copy: Record<string, string[]> = Object.create(null);
  for (const [key, value] of Object.entries(record)) copy[key] = value;
  return copy;
}

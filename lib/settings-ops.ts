/**
 * Settings edits as small operations that merge: each one names one field,
 * one kind, one paused site or one hidden entity, and says what it becomes.
 * Two contexts that edit at the same moment produce operations on different
 * elements, and applying both, in either order, keeps both. Two operations on
 * the same element: the later one wins, which is what the reader did last.
 *
 * `diffSettings(before, after)` turns any pure edit (lib/settings.ts) into
 * operations; `applyOps` replays them on whatever is stored now. Applying the
 * same operations twice changes nothing the second time (each sets an element
 * to a value), which the store relies on while it folds its journal.
 * Operations are stored, so they are parsed like anything else read back.
 */
import { ENTITY_KINDS, isId } from '../data/id-rules';
import {
  canonicalSettings,
  HOVER_DELAY_LIMITS_MS,
  hideEntity,
  isHost,
  MENTION_STYLES,
  parseSettings,
  pauseSite,
  resumeSite,
  type Settings,
  unhideEntity,
} from './settings-lite';

/** The settings that are one value each (kinds, lists and sites have their own operations). */
export const SCALAR_FIELDS = [
  'enabled',
  'firstMentionOnly',
  'hoverDelayMs',
  'mentionStyle',
  'lookupOnDoubleClick',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

export type Op =
  | {
      [F in ScalarField]: { t: 'set'; field: F; value: Settings[F] };
    }[ScalarField]
  | { t: 'kind'; kind: (typeof ENTITY_KINDS)[number]; on: boolean }
  | { t: 'pause'; host: string; on: boolean }
  | { t: 'hide'; id: string; host: string | null; on: boolean };

/**
 * Checks one stored operation, without a schema library: every context reads
 * the journal, the content script on every page. `OpSchema`
 * (lib/settings-ops-schema.ts) is the specification, and
 * tests/lib/settings-ops.test.ts proves the two agree.
 */
const SCALAR_VALID: Record<ScalarField, (value: unknown) => boolean> = {
  enabled: (value) => typeof value === 'boolean',
  firstMentionOnly: (value) => typeof value === 'boolean',
  lookupOnDoubleClick: (value) => typeof value === 'boolean',
  hoverDelayMs: (value) =>
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    value >= HOVER_DELAY_LIMITS_MS.min &&
    value <= HOVER_DELAY_LIMITS_MS.max,
  mentionStyle: (value) =>
    typeof value === 'string' &&
    (MENTION_STYLES as readonly string[]).includes(value),
};

/** Exactly these keys, no more, no fewer. */
function hasKeys(
  item: Record<string, unknown>,
  keys: readonly string[],
): boolean {
  const own = Object.keys(item);
  return (
    own.length === keys.length && keys.every((key) => Object.hasOwn(item, key))
  );
}

export function isOp(raw: unknown): raw is Op {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return false;
  const item = raw as Record<string, unknown>;
  switch (item.t) {
    case 'set':
      return (
        hasKeys(item, ['t', 'field', 'value']) &&
        typeof item.field === 'string' &&
        Object.hasOwn(SCALAR_VALID, item.field) &&
        SCALAR_VALID[item.field as ScalarField](item.value)
      );
    case 'kind':
      return (
        hasKeys(item, ['t', 'kind', 'on']) &&
        (ENTITY_KINDS as readonly unknown[]).includes(item.kind) &&
        typeof item.on === 'boolean'
      );
    case 'pause':
      return (
        hasKeys(item, ['t', 'host', 'on']) &&
        isHost(item.host) &&
        typeof item.on === 'boolean'
      );
    case 'hide':
      return (
        hasKeys(item, ['t', 'id', 'host', 'on']) &&
        isId(item.id) &&
        (item.host === null || isHost(item.host)) &&
        typeof item.on === 'boolean'
      );
    default:
      return false;
  }
}

/** The operations in a stored list that parse; the rest are skipped, one by one. */
export function parseOps(raw: unknown): Op[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isOp);
}

/** What changed from `before` to `after`, as operations (list order is not a change). */
export function diffSettings(before: Settings, after: Settings): Op[] {
  const ops: Op[] = [];
  for (const field of SCALAR_FIELDS) {
    if (before[field] !== after[field])
      ops.push({ t: 'set', field, value: after[field] } as Op);
  }
  for (const kind of ENTITY_KINDS) {
    if (before.kinds[kind] !== after.kinds[kind])
      ops.push({ t: 'kind', kind, on: after.kinds[kind] });
  }
  const { added, removed } = setDiff(before.pausedSites, after.pausedSites);
  for (const host of removed) ops.push({ t: 'pause', host, on: false });
  for (const host of added) ops.push({ t: 'pause', host, on: true });
  const hidden = setDiff(before.hiddenEntities, after.hiddenEntities);
  for (const id of hidden.removed)
    ops.push({ t: 'hide', id, host: null, on: false });
  for (const id of hidden.added)
    ops.push({ t: 'hide', id, host: null, on: true });
  const hosts = new Set([
    ...Object.keys(before.hiddenOnSites),
    ...Object.keys(after.hiddenOnSites),
  ]);
  for (const host of [...hosts].sort()) {
    const site = setDiff(
      Object.hasOwn(before.hiddenOnSites, host)
        ? before.hiddenOnSites[host]!
        : [],
      Object.hasOwn(after.hiddenOnSites, host)
        ? after.hiddenOnSites[host]!
        : [],
    );
    for (const id of site.removed) ops.push({ t: 'hide', id, host, on: false });
    for (const id of site.added) ops.push({ t: 'hide', id, host, on: true });
  }
  return ops;
}

/** Replays `ops` in order on `settings`; the result is parsed (caps hold) and canonical. */
export function applyOps(settings: Settings, ops: readonly Op[]): Settings {
  let next = settings;
  for (const op of ops) next = applyOp(next, op);
  return canonicalSettings(parseSettings(next));
}

function applyOp(settings: Settings, op: Op): Settings {
  switch (op.t) {
    case 'set':
      return { ...settings, [op.field]: op.value };
    case 'kind':
      return { ...settings, kinds: { ...settings.kinds, [op.kind]: op.on } };
    case 'pause':
      return op.on
        ? pauseSite(settings, op.host)
        : resumeSite(settings, op.host);
    case 'hide':
      return op.on
        ? hideEntity(settings, op.id, op.host)
        : unhideEntity(settings, op.id, op.host);
  }
}

function setDiff(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } {
  const was = new Set(before);
  const now = new Set(after);
  return {
    added: [...now].filter((item) => !was.has(item)).sort(),
    removed: [...was].filter((item) => !now.has(item)).sort(),
  };
}

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
import * as z from 'zod/mini';
import { ENTITY_KINDS, IdSchema } from '../data/ids';
import {
  canonicalSettings,
  HostSchema,
  HoverDelaySchema,
  hideEntity,
  MENTION_STYLES,
  parseSettings,
  pauseSite,
  resumeSite,
  type Settings,
  unhideEntity,
} from './settings';

/** The settings that are one value each (kinds, lists and sites have their own operations). */
export const SCALAR_FIELDS = [
  'enabled',
  'firstMentionOnly',
  'hoverDelayMs',
  'mentionStyle',
  'lookupOnDoubleClick',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

const fieldValue = {
  enabled: z.boolean(),
  firstMentionOnly: z.boolean(),
  lookupOnDoubleClick: z.boolean(),
  hoverDelayMs: HoverDelaySchema,
  mentionStyle: z.enum(MENTION_STYLES),
};

export const OpSchema = z.union([
  ...SCALAR_FIELDS.map((field) =>
    z.strictObject({
      t: z.literal('set'),
      field: z.literal(field),
      value: fieldValue[field],
    }),
  ),
  z.strictObject({
    t: z.literal('kind'),
    kind: z.enum(ENTITY_KINDS),
    on: z.boolean(),
  }),
  z.strictObject({ t: z.literal('pause'), host: HostSchema, on: z.boolean() }),
  z.strictObject({
    t: z.literal('hide'),
    id: IdSchema,
    host: z.nullable(HostSchema),
    on: z.boolean(),
  }),
]);
export type Op =
  | {
      [F in ScalarField]: { t: 'set'; field: F; value: Settings[F] };
    }[ScalarField]
  | { t: 'kind'; kind: (typeof ENTITY_KINDS)[number]; on: boolean }
  | { t: 'pause'; host: string; on: boolean }
  | { t: 'hide'; id: string; host: string | null; on: boolean };

/** The operations in a stored list that parse; the rest are skipped, one by one. */
export function parseOps(raw: unknown): Op[] {
  if (!Array.isArray(raw)) return [];
  const ops: Op[] = [];
  for (const item of raw) {
    const parsed = OpSchema.safeParse(item);
    if (parsed.success) ops.push(parsed.data as Op);
  }
  return ops;
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

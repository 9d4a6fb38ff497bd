/**
 * How settings are laid out as storage items, within `storage.sync`'s quotas:
 * every item at most 8,192 bytes (its key plus its value as JSON), at most
 * 102,400 bytes and 512 items in all.
 *
 *   s.v                      layout version
 *   s.enabled  s.kinds  s.firstMentionOnly  s.hoverDelayMs
 *   s.mentionStyle  s.lookupOnDoubleClick      one item per setting
 *   s.paused.<b>[.<n>]       paused hosts whose hash falls in bucket b (of 16)
 *   s.hidden.<b>[.<n>]       entities hidden everywhere, bucket b (of 8)
 *   s.site.<b>[.<n>]         [host, ids] pairs for entities hidden on one site (16)
 *
 * One item per setting and hashed buckets for the lists keep each change
 * small: pausing a site rewrites one bucket of about 1/16 of the list, not
 * the whole list, so a browser syncing two devices merges edits to different
 * items. A bucket that outgrows an item continues in `.1`, `.2`, … Pure.
 */
import {
  canonicalSettings,
  parseSettings,
  SETTINGS_VERSION,
  type Settings,
} from './settings-lite';

/** `storage.sync` quotas, the same in Chrome and Firefox. */
export const SYNC_QUOTA = {
  bytesPerItem: 8192,
  bytes: 102_400,
  maxItems: 512,
  writesPerMinute: 120,
  writesPerHour: 1800,
} as const;

/** Items are packed to this size, below the quota: browsers measure JSON their own way (escapes). */
export const PACK_BYTES = 7800;
export const LAYOUT_VERSION = 1;
export const VERSION_KEY = 's.v';
const BUCKETS = { paused: 16, hidden: 8, site: 16 } as const;
const SCALAR_KEYS = [
  'enabled',
  'kinds',
  'firstMentionOnly',
  'hoverDelayMs',
  'mentionStyle',
  'lookupOnDoubleClick',
] as const;
const LIST_KEY = /^s\.(paused|hidden|site)\.(\d{1,2})(?:\.(\d{1,3}))?$/;

export type Items = Record<string, unknown>;

/** True for a key this layout writes (not the journal, the area marker or anything else). */
export function isLayoutKey(key: string): boolean {
  if (key === VERSION_KEY) return true;
  if (
    key.startsWith('s.') &&
    (SCALAR_KEYS as readonly string[]).includes(key.slice(2))
  )
    return true;
  const match = LIST_KEY.exec(key);
  return (
    match !== null &&
    Number(match[2]) < BUCKETS[match[1] as keyof typeof BUCKETS]
  );
}

/** The layout items among `items`. */
export function layoutItems(items: Items): Items {
  const kept: Items = {};
  for (const [key, value] of Object.entries(items))
    if (isLayoutKey(key)) kept[key] = value;
  return kept;
}

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

/** An item's size as the quotas count it: key plus JSON value, in UTF-8 bytes. */
export function itemBytes(key: string, value: unknown): number {
  return bytes(key) + bytes(JSON.stringify(value));
}

export type QuotaCheck =
  | { ok: true; bytes: number; items: number; largestItem: number }
  | { ok: false; reason: string };

/** Do these items fit in `storage.sync`? */
export function checkSyncQuota(items: Items): QuotaCheck {
  let total = 0;
  let largest = 0;
  const keys = Object.keys(items);
  for (const key of keys) {
    const size = itemBytes(key, items[key]);
    if (size > SYNC_QUOTA.bytesPerItem)
      return { ok: false, reason: `${key} is ${size} bytes` };
    total += size;
    largest = Math.max(largest, size);
  }
  if (keys.length > SYNC_QUOTA.maxItems)
    return { ok: false, reason: `${keys.length} items` };
  if (total > SYNC_QUOTA.bytes)
    return { ok: false, reason: `${total} bytes in all` };
  return { ok: true, bytes: total, items: keys.length, largestItem: largest };
}

/** FNV-1a, 32 bits: a stable bucket for a host or an id on every machine. */
export function bucketOf(text: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/** The settings as storage items (canonical: the same settings always give the same items). */
export function encodeLayout(settings: Settings): Items {
  const canonical = canonicalSettings(settings);
  const items: Items = { [VERSION_KEY]: LAYOUT_VERSION };
  for (const key of SCALAR_KEYS) items[`s.${key}`] = canonical[key];
  packList(items, 'paused', canonical.pausedSites);
  packList(items, 'hidden', canonical.hiddenEntities);
  packSites(items, canonical.hiddenOnSites);
  return items;
}

/** Settings from storage items, or null when there is no layout there yet. */
export function decodeLayout(items: Items): Settings | null {
  if (!Object.hasOwn(items, VERSION_KEY)) return null;
  const paused: unknown[] = [];
  const hidden: unknown[] = [];
  const sites: Record<string, unknown[]> = Object.create(null);
  const listKeys = Object.keys(items).filter(
    (key) => LIST_KEY.test(key) && isLayoutKey(key),
  );
  for (const key of listKeys.sort(byChunk)) {
    const match = LIST_KEY.exec(key)!;
    const value = items[key];
    if (!Array.isArray(value)) continue;
    if (match[1] === 'paused') paused.push(...value);
    else if (match[1] === 'hidden') hidden.push(...value);
    else
      for (const pair of value) {
        if (!Array.isArray(pair) || typeof pair[0] !== 'string') continue;
        if (!Array.isArray(pair[1])) continue;
        const host = pair[0];
        sites[host] = [
          ...(Object.hasOwn(sites, host) ? sites[host]! : []),
          ...pair[1],
        ];
      }
  }
  const raw: Record<string, unknown> = {
    version: SETTINGS_VERSION,
    pausedSites: paused,
    hiddenEntities: hidden,
    hiddenOnSites: sites,
  };
  for (const key of SCALAR_KEYS) raw[key] = items[`s.${key}`];
  return canonicalSettings(parseSettings(raw));
}

/** What to write to turn `before` into `after`: changed items, and keys to remove. */
export function diffItems(
  before: Items,
  after: Items,
): { set: Items; remove: string[] } {
  const set: Items = {};
  for (const [key, value] of Object.entries(after)) {
    if (
      !Object.hasOwn(before, key) ||
      JSON.stringify(before[key]) !== JSON.stringify(value)
    )
      set[key] = value;
  }
  const remove = Object.keys(before).filter(
    (key) => isLayoutKey(key) && !Object.hasOwn(after, key),
  );
  return { set, remove };
}

/** Chunk keys in order: s.paused.3 before s.paused.3.1 before s.paused.3.2 … */
function byChunk(a: string, b: string): number {
  const [, listA = '', bucketA = '0', chunkA = '0'] = LIST_KEY.exec(a) ?? [];
  const [, listB = '', bucketB = '0', chunkB = '0'] = LIST_KEY.exec(b) ?? [];
  return (
    listA.localeCompare(listB) ||
    Number(bucketA) - Number(bucketB) ||
    Number(chunkA) - Number(chunkB)
  );
}

function chunkKey(list: string, bucket: number, chunk: number): string {
  return chunk === 0 ? `s.${list}.${bucket}` : `s.${list}.${bucket}.${chunk}`;
}

/** Strings into hashed buckets, each bucket into items of at most PACK_BYTES. */
function packList(
  items: Items,
  list: 'paused' | 'hidden',
  values: readonly string[],
): void {
  const buckets = groupByBucket(values, BUCKETS[list]);
  for (const [bucket, members] of buckets) {
    let chunk = 0;
    let current: string[] = [];
    let size = bytes(chunkKey(list, bucket, chunk)) + 2; // []
    for (const member of members) {
      const cost = bytes(JSON.stringify(member)) + (current.length ? 1 : 0);
      if (current.length && size + cost > PACK_BYTES) {
        items[chunkKey(list, bucket, chunk)] = current;
        chunk += 1;
        current = [];
        size = bytes(chunkKey(list, bucket, chunk)) + 2;
      }
      size += bytes(JSON.stringify(member)) + (current.length ? 1 : 0);
      current.push(member);
    }
    items[chunkKey(list, bucket, chunk)] = current;
  }
}

/** Sites into buckets of [host, ids] pairs; a host with a long list continues in the next item. */
function packSites(items: Items, sites: Record<string, string[]>): void {
  const buckets = groupByBucket(Object.keys(sites), BUCKETS.site);
  for (const [bucket, hosts] of buckets) {
    let chunk = 0;
    let current: [string, string[]][] = [];
    let size = bytes(chunkKey('site', bucket, chunk)) + 2;
    const flush = () => {
      items[chunkKey('site', bucket, chunk)] = current;
      chunk += 1;
      current = [];
      size = bytes(chunkKey('site', bucket, chunk)) + 2;
    };
    for (const host of hosts) {
      for (const id of sites[host]!) {
        const last = current[current.length - 1];
        const cost =
          last && last[0] === host
            ? bytes(JSON.stringify(id)) + (last[1].length ? 1 : 0)
            : bytes(JSON.stringify([host, [id]])) + (current.length ? 1 : 0);
        if (current.length && size + cost > PACK_BYTES) {
          flush();
          current.push([host, [id]]);
          size += bytes(JSON.stringify([host, [id]]));
          continue;
        }
        size += cost;
        if (last && last[0] === host) last[1].push(id);
        else current.push([host, [id]]);
      }
    }
    if (current.length) items[chunkKey('site', bucket, chunk)] = current;
  }
}

function groupByBucket(
  values: readonly string[],
  buckets: number,
): Map<number, string[]> {
  const grouped = new Map<number, string[]>();
  for (const value of [...values].sort()) {
    const bucket = bucketOf(value, buckets);
    const members = grouped.get(bucket);
    if (members) members.push(value);
    else grouped.set(bucket, [value]);
  }
  return new Map([...grouped].sort(([a], [b]) => a - b));
}

/**
 * A fake `browser.storage` for the settings store's race and failure tests:
 * one backend shared by any number of contexts (as the browser has), values
 * copied through JSON, change events after each write, sync's quotas, and
 * hooks to make it hostile: a delay before each call (so concurrent calls
 * interleave), change events held back and delivered in any order, and
 * failures injected into the next call (including a write that stores part
 * of its items and then fails).
 */
import type {
  ChangeListener,
  SettingsStorage,
  StorageAreaLike,
  StorageChanges,
} from '../../lib/settings-store';
import { itemBytes, SYNC_QUOTA } from '../../lib/settings-layout';

type AreaName = 'local' | 'sync';
type Failure = { error: Error; partial?: boolean };

export type FakeArea = StorageAreaLike & {
  /** The stored items, parsed (a copy). */
  dump(): Record<string, unknown>;
  /** The next `set` or `remove` fails (storing part of it first with `partial`). */
  failNextWrite(failure: Failure): void;
  /** The next `get` fails. */
  failNextRead(error: Error): void;
  /** Every write so far, as [time, keys]. */
  writes: { at: number; keys: string[] }[];
};

export type FakeStorage = SettingsStorage & {
  local: FakeArea;
  sync?: FakeArea;
  /** Change events not yet delivered (with `holdEvents`). */
  held: { changes: StorageChanges; area: AreaName }[];
  /** Delivers held events in the order given by `order` (indices into `held`), then clears them. */
  deliver(order?: number[]): void;
};

export type FakeStorageOptions = {
  /** false: the browser has no storage.sync; 'throws': it has one that always fails. */
  sync?: boolean | 'throws';
  /** Enforce sync's byte and item quotas and its write-rate limit (on by default). */
  quotas?: boolean;
  /** Milliseconds to wait before each call answers, from a seeded sequence (default none). */
  latency?: () => number;
  /** Keep change events until `deliver()` instead of sending them after each write. */
  holdEvents?: boolean;
  now?: () => number;
};

const pause = (ms: number) =>
  ms > 0
    ? new Promise<void>((resolve) => setTimeout(resolve, ms))
    : Promise.resolve();

export function createFakeStorage(
  options: FakeStorageOptions = {},
): FakeStorage {
  const listeners = new Set<ChangeListener>();
  const latency = options.latency ?? (() => 0);
  const now = options.now ?? Date.now;
  const held: FakeStorage['held'] = [];

  const emit = (area: AreaName, changes: StorageChanges) => {
    if (!Object.keys(changes).length) return;
    if (options.holdEvents) {
      held.push({ changes, area });
      return;
    }
    // Like the browser: listeners run later, never inside the write's own call.
    setTimeout(() => {
      for (const listener of [...listeners]) listener(changes, area);
    }, 0);
  };

  const makeArea = (name: AreaName): FakeArea => {
    const data = new Map<string, string>();
    let writeFailure: Failure | null = null;
    let readFailure: Error | null = null;
    const writes: FakeArea['writes'] = [];
    const enforce = name === 'sync' && options.quotas !== false;
    const parsed = (key: string) => JSON.parse(data.get(key)!) as unknown;

    const checkQuota = (next: Map<string, string>) => {
      if (!enforce) return;
      const recent = writes.filter((w) => w.at > now() - 60_000).length;
      if (recent >= SYNC_QUOTA.writesPerMinute)
        throw new Error(
          'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
        );
      let total = 0;
      for (const [key, json] of next) {
        const size = itemBytes(key, JSON.parse(json));
        if (size > SYNC_QUOTA.bytesPerItem)
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        total += size;
      }
      if (total > SYNC_QUOTA.bytes)
        throw new Error('QUOTA_BYTES quota exceeded');
      if (next.size > SYNC_QUOTA.maxItems)
        throw new Error('MAX_ITEMS quota exceeded');
    };

    const write = (
      changes: [key: string, json: string | undefined][],
    ): void => {
      const failure = writeFailure;
      writeFailure = null;
      if (failure && !failure.partial) throw failure.error;
      const applied = failure
        ? changes.slice(0, Math.ceil(changes.length / 2))
        : changes;
      const next = new Map(data);
      for (const [key, json] of applied) {
        if (json === undefined) next.delete(key);
        else next.set(key, json);
      }
      if (!failure) checkQuota(next);
      const event: StorageChanges = {};
      for (const [key, json] of applied) {
        const oldValue = data.has(key) ? parsed(key) : undefined;
        if (json === undefined && !data.has(key)) continue;
        event[key] = {
          oldValue,
          newValue: json === undefined ? undefined : JSON.parse(json),
        };
      }
      data.clear();
      for (const [key, json] of next) data.set(key, json);
      writes.push({ at: now(), keys: applied.map(([key]) => key) });
      emit(name, event);
      if (failure) throw failure.error;
    };

    return {
      writes,
      async get(keys) {
        // What is stored when the call is made; the answer may arrive later (and be stale by then).
        const wanted =
          keys === null
            ? [...data.keys()]
            : typeof keys === 'string'
              ? [keys]
              : keys;
        const result: Record<string, unknown> = {};
        for (const key of wanted) if (data.has(key)) result[key] = parsed(key);
        const failure = readFailure;
        readFailure = null;
        await pause(latency());
        if (name === 'sync' && options.sync === 'throws')
          throw new Error('storage.sync is disabled');
        if (failure) throw failure;
        return result;
      },
      async set(items) {
        await pause(latency());
        if (name === 'sync' && options.sync === 'throws')
          throw new Error('storage.sync is disabled');
        write(
          Object.entries(items).map(([key, value]) => [
            key,
            JSON.stringify(value),
          ]),
        );
      },
      async remove(keys) {
        await pause(latency());
        if (name === 'sync' && options.sync === 'throws')
          throw new Error('storage.sync is disabled');
        write(
          (typeof keys === 'string' ? [keys] : keys).map((key) => [
            key,
            undefined,
          ]),
        );
      },
      dump() {
        return Object.fromEntries([...data.keys()].map((k) => [k, parsed(k)]));
      },
      failNextWrite(failure) {
        writeFailure = failure;
      },
      failNextRead(error) {
        readFailure = error;
      },
    };
  };

  const storage: FakeStorage = {
    local: makeArea('local'),
    ...(options.sync === false ? {} : { sync: makeArea('sync') }),
    onChanged: {
      addListener: (listener) => listeners.add(listener),
      removeListener: (listener) => listeners.delete(listener),
    },
    held,
    deliver(order) {
      const events = held.splice(0, held.length);
      for (const index of order ?? events.map((_, i) => i)) {
        const event = events[index];
        if (!event) continue;
        for (const listener of [...listeners])
          listener(event.changes, event.area);
      }
    },
  };
  return storage;
}

/** A small seeded random sequence (mulberry32), so a failing interleaving can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Message names, and what the content script accepts, without a schema
 * library: the content script runs on every page, and zod/mini's schemas cost
 * it more at load than the rest of its start-up on a page without mentions
 * (docs/benchmarks.md, "Start-up").
 *
 * `ContentRequestSchema` in lib/messages.ts stays the specification;
 * tests/lib/content-requests.test.ts proves `parseContentRequest` accepts and
 * returns exactly what it does, and that both know the same request types. A
 * new request type goes in both places. Pure.
 */
import { isId } from '../data/id-rules';
import type { ContentRequest, PageState } from './messages';

/** Every message's `type`, spelled once. */
export const MESSAGE = {
  getPageState: 'get-page-state',
  revealMention: 'reveal-mention',
  toggleSite: 'toggle-site',
  mentionCount: 'mention-count',
  lookupSelection: 'lookup-selection',
} as const;

/**
 * Every port's name, spelled once. `orphanWatch`: the content script holds it
 * open to the background so it hears at once when the extension goes away
 * (entrypoints/content/orphan-watch.ts); nothing is ever sent on it.
 */
export const PORT = {
  orphanWatch: 'orphan-watch',
} as const;

/** Far more than any name: the content script refuses long selections itself ("select just the name"). */
export const MAX_SELECTION_CHARS = 10_000;

const isSelectionText = (value: unknown) =>
  typeof value === 'string' && value.length <= MAX_SELECTION_CHARS;
const isVia = (value: unknown) => value === 'menu' || value === 'command';

/** Request types the content script answers, and the fields each carries besides `type`. */
const CONTENT_REQUEST_FIELDS: Record<
  ContentRequest['type'],
  Record<string, (value: unknown) => boolean>
> = {
  [MESSAGE.getPageState]: {},
  [MESSAGE.revealMention]: { entityId: isId },
  [MESSAGE.toggleSite]: {},
  [MESSAGE.lookupSelection]: { text: isSelectionText, via: isVia },
};
/** Fields a request may leave out. */
const OPTIONAL_FIELDS: Partial<
  Record<ContentRequest['type'], readonly string[]>
> = {
  [MESSAGE.lookupSelection]: ['text'],
};

export const CONTENT_REQUEST_TYPES = Object.keys(
  CONTENT_REQUEST_FIELDS,
) as ContentRequest['type'][];

/** A request for the content script, or null for anything else (extra fields included). */
export function parseContentRequest(raw: unknown): ContentRequest | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return null;
  const message = raw as Record<string, unknown>;
  const type = message.type;
  if (typeof type !== 'string' || !Object.hasOwn(CONTENT_REQUEST_FIELDS, type))
    return null;
  const fields = CONTENT_REQUEST_FIELDS[type as ContentRequest['type']];
  const request: Record<string, unknown> = { type };
  for (const key of Object.keys(message)) {
    if (key === 'type') continue;
    const valid = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!valid?.(message[key])) return null;
    request[key] = message[key];
  }
  const optional = OPTIONAL_FIELDS[type as ContentRequest['type']] ?? [];
  for (const key of Object.keys(fields))
    if (!Object.hasOwn(request, key) && !optional.includes(key)) return null;
  return request as ContentRequest;
}

/**
 * Mentions per entity from the page's mention elements: a mention split by
 * markup into pieces (same group) counts once. Most mentioned first, ties in
 * order of first appearance.
 */
export function countMentions(
  pieces: readonly { entityId: string; group: string | null }[],
): PageState['mentions'] {
  const counts = new Map<string, number>();
  const seenGroups = new Set<string>();
  for (const { entityId, group } of pieces) {
    if (group !== null) {
      if (seenGroups.has(group)) continue;
      seenGroups.add(group);
    }
    counts.set(entityId, (counts.get(entityId) ?? 0) + 1);
  }
  return [...counts]
    .map(([entityId, count]) => ({ entityId, count }))
    .sort((a, b) => b.count - a.count);
}

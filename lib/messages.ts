/**
 * Every message between the popup, the background and the content script, as
 * zod/mini schemas. Each side parses what it receives and ignores anything
 * that does not parse: a message is data from another context, like storage.
 *
 *   popup ──get-page-state──▶ content   ◀── {host, state, mentions}
 *   popup ──reveal-mention──▶ content   ◀── {ok}
 *   background ──toggle-site──▶ content ◀── {host}  (the background then toggles that host)
 *   content ──mention-count──▶ background (badge) and any open popup (refresh)
 *   content ══orphan-watch port══ background (open while both live; no messages)
 */
import * as z from 'zod/mini';
import { IdSchema } from '../data/ids';
import { HostSchema } from './settings';

/** Every message's `type`, spelled once. */
export const MESSAGE = {
  getPageState: 'get-page-state',
  revealMention: 'reveal-mention',
  toggleSite: 'toggle-site',
  mentionCount: 'mention-count',
} as const;

/**
 * Every port's name, spelled once. `orphanWatch`: the content script holds it
 * open to the background so it hears at once when the extension goes away
 * (entrypoints/content/orphan-watch.ts); nothing is ever sent on it.
 */
export const PORT = {
  orphanWatch: 'orphan-watch',
} as const;

/** More mention kinds than any page could hold: a cap, not a limit anyone meets. */
const MAX_ENTRIES = 5000;
const Count = z.number().check(z.int(), z.gte(0), z.lte(1_000_000));

export const GetPageStateSchema = z.strictObject({
  type: z.literal(MESSAGE.getPageState),
});
export const RevealMentionSchema = z.strictObject({
  type: z.literal(MESSAGE.revealMention),
  entityId: IdSchema,
});
export const ToggleSiteSchema = z.strictObject({
  type: z.literal(MESSAGE.toggleSite),
});
export const MentionCountSchema = z.strictObject({
  type: z.literal(MESSAGE.mentionCount),
  count: Count,
  paused: z.boolean(),
});

/** What the content script answers. */
export const ContentRequestSchema = z.discriminatedUnion('type', [
  GetPageStateSchema,
  RevealMentionSchema,
  ToggleSiteSchema,
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;
export type MentionCount = z.infer<typeof MentionCountSchema>;

/** The page as the content script sees it: its host, whether annotations show, and mentions per entity. */
export const PageStateSchema = z.strictObject({
  host: HostSchema,
  state: z.enum(['ready', 'off']),
  mentions: z
    .array(z.strictObject({ entityId: IdSchema, count: Count.check(z.gte(1)) }))
    .check(z.maxLength(MAX_ENTRIES)),
});
export type PageState = z.infer<typeof PageStateSchema>;

export const REPLY_SCHEMAS = {
  [MESSAGE.getPageState]: PageStateSchema,
  [MESSAGE.revealMention]: z.strictObject({ ok: z.boolean() }),
  [MESSAGE.toggleSite]: z.strictObject({ host: HostSchema }),
} satisfies Record<ContentRequest['type'], z.ZodMiniType>;

export type ReplyTo<T extends ContentRequest['type']> = z.infer<
  (typeof REPLY_SCHEMAS)[T]
>;

/** A request for the content script, or null for anything else. */
export function parseContentRequest(raw: unknown): ContentRequest | null {
  const parsed = ContentRequestSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** A mention count for the badge, or null for anything else. */
export function parseMentionCount(raw: unknown): MentionCount | null {
  const parsed = MentionCountSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The content script's reply to a `type` request, or null when it does not parse. */
export function parseReply<T extends ContentRequest['type']>(
  type: T,
  raw: unknown,
): ReplyTo<T> | null {
  const parsed = REPLY_SCHEMAS[type].safeParse(raw);
  return parsed.success ? (parsed.data as ReplyTo<T>) : null;
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

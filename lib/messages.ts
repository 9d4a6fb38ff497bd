/**
 * Every message between the popup, the background and the content script, as
 * zod/mini schemas. Each side parses what it receives and ignores anything
 * that does not parse: a message is data from another context, like storage.
 *
 *   popup ──get-page-state──▶ content   ◀── {host, state, mentions}
 *   popup ──reveal-mention──▶ content   ◀── {ok}
 *   background ──toggle-site──▶ content ◀── {host}  (the background then toggles that host)
 *   background ──lookup-selection──▶ content ◀── {shown}  (context menu, keyboard command)
 *   content ──mention-count──▶ background (badge) and any open popup (refresh)
 *   content ══orphan-watch port══ background (open while both live; no messages)
 */
import * as z from 'zod/mini';
import { IdSchema } from '../data/ids';
import { MAX_SELECTION_CHARS, MESSAGE } from './content-requests';
import { HostSchema } from './settings';

// The names, the content script's request check and the count live in a module without zod (the content
// script's start-up); they are re-exported here so every other context imports messages from one place.
export {
  CONTENT_REQUEST_TYPES,
  countMentions,
  MAX_SELECTION_CHARS,
  MESSAGE,
  PORT,
  parseContentRequest,
} from './content-requests';

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
export const LookupSelectionSchema = z.strictObject({
  type: z.literal(MESSAGE.lookupSelection),
  /** The selected text the context menu reports; absent (the keyboard command): the page's own selection. */
  text: z.optional(z.string().check(z.maxLength(MAX_SELECTION_CHARS))),
  via: z.enum(['menu', 'command']),
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
  LookupSelectionSchema,
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
  [MESSAGE.lookupSelection]: z.strictObject({
    shown: z.enum([
      'card',
      'list',
      'none',
      'too-long',
      'no-selection',
      'quiet',
    ]),
  }),
} satisfies Record<ContentRequest['type'], z.ZodMiniType>;

export type ReplyTo<T extends ContentRequest['type']> = z.infer<
  (typeof REPLY_SCHEMAS)[T]
>;

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

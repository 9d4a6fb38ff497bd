/**
 * Entity ids and kinds: the small part of the schema that settings and
 * messages need. Kept apart from dataset-schema.ts so importing an id check
 * does not pull the whole dataset schema into the content script bundle.
 */
import * as z from 'zod/mini';

/** Lower-case words joined by single hyphens: `jeff-sessions`, `alabama-senate-runoff-2020`. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const IdSchema = z
  .string()
  .check(z.regex(KEBAB_ID, 'must be kebab-case, like "jeff-sessions"'));

export const ENTITY_KINDS = [
  'person',
  'organization',
  'place',
  'event',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

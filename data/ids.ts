/**
 * Entity ids and kinds: the small part of the schema that settings and
 * messages need. Kept apart from dataset-schema.ts so importing an id check
 * does not pull the whole dataset schema into the content script bundle.
 */
import * as z from 'zod/mini';
import { ENTITY_KINDS, type EntityKind, KEBAB_ID } from './id-rules';

export { ENTITY_KINDS, type EntityKind, KEBAB_ID };

export const IdSchema = z
  .string()
  .check(z.regex(KEBAB_ID, 'must be kebab-case, like "jeff-sessions"'));

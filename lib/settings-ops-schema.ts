/**
 * The journal operations as a zod/mini schema: the specification that
 * `isOp` in lib/settings-ops.ts implements without a schema library (the
 * content script reads the journal on every page). Used by the tests that
 * prove the two agree, and by anything that imports operations from outside.
 */
import * as z from 'zod/mini';
import { ENTITY_KINDS, IdSchema } from '../data/ids';
import { HostSchema, HoverDelaySchema, MENTION_STYLES } from './settings';
import { SCALAR_FIELDS } from './settings-ops';

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

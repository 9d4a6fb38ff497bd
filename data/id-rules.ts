/**
 * The rules for entity ids and kinds without a schema library: the content
 * script checks stored settings and messages with these (lib/settings-lite.ts,
 * lib/content-requests.ts), and a zod schema built at load would cost every
 * page (docs/benchmarks.md). data/ids.ts wraps them in zod schemas for
 * everyone else.
 */

/** Lower-case words joined by single hyphens: `jeff-sessions`, `alabama-senate-runoff-2020`. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ENTITY_KINDS = [
  'person',
  'organization',
  'place',
  'event',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** True for a string that is a valid entity id. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && KEBAB_ID.test(value);
}

import { describe, expect, it } from 'vitest';
import {
  CONTENT_REQUEST_TYPES,
  parseContentRequest,
} from '../../lib/content-requests';
import { ContentRequestSchema } from '../../lib/messages';

/** Requests, valid and not, for every type the content script knows. */
const REQUESTS: unknown[] = [
  undefined,
  null,
  'get-page-state',
  42,
  [],
  [{ type: 'get-page-state' }],
  {},
  { type: 'unknown' },
  { type: 'GET-PAGE-STATE' },
  { type: 42 },
  { type: 'constructor' },
  { type: '__proto__' },
  { type: 'get-page-state' },
  { type: 'get-page-state', extra: true },
  { type: 'get-page-state', extra: undefined },
  { type: 'toggle-site' },
  { type: 'toggle-site', host: 'a.com' },
  { type: 'reveal-mention' },
  { type: 'reveal-mention', entityId: 'jeff-sessions' },
  { type: 'reveal-mention', entityId: '<script>' },
  { type: 'reveal-mention', entityId: 42 },
  { type: 'reveal-mention', entityId: '' },
  { type: 'reveal-mention', entityId: 'jeff-sessions', extra: true },
  { type: 'reveal-mention', entityId: undefined },
  { type: 'mention-count', count: 3, paused: false },
  JSON.parse('{"type": "get-page-state", "__proto__": {"x": 1}}'),
];

describe('parseContentRequest without zod (lib/content-requests.ts)', () => {
  it.each(REQUESTS.map((raw) => [raw]))(
    'answers %j exactly as ContentRequestSchema does',
    (raw) => {
      const parsed = ContentRequestSchema.safeParse(raw);
      expect(parseContentRequest(raw)).toEqual(
        parsed.success ? parsed.data : null,
      );
    },
  );

  it('knows every request type of the schema, and no other (a new type goes in both)', () => {
    const schemaTypes = ContentRequestSchema.def.options.map(
      (option) => option.def.shape.type.def.values[0],
    );
    expect([...CONTENT_REQUEST_TYPES].sort()).toEqual([...schemaTypes].sort());
  });
});

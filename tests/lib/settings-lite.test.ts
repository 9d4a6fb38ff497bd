import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS as KINDS_IN_IDS, KEBAB_ID } from '../../data/ids';
import { ENTITY_KINDS, KEBAB_ID as KEBAB_ID_RULE } from '../../data/id-rules';
import {
  SettingsSchema,
  parseSettings as parseWithZod,
} from '../../lib/settings';
import { defaultSettings, parseSettings } from '../../lib/settings-lite';

const LONG_HOST = `${'a'.repeat(250)}.com`;

/** Stored values, valid and corrupt, field by field and together. */
const STORED: unknown[] = [
  undefined,
  null,
  'garbage',
  42,
  true,
  [],
  [{ enabled: false }],
  {},
  { version: 2 },
  { version: 1, paused: ['a.com', 'BAD HOST'], delay: 300, enabled: false },
  { version: 1, paused: 'a.com', delay: 'slow' },
  { version: 7, enabled: false, futureField: 1, hoverDelayMs: 300 },
  { version: '2', enabled: 'yes' },
  { enabled: false },
  { enabled: 0 },
  { pausedSites: ['example.com', 42, 'BAD HOST', 'news.example.org'] },
  {
    pausedSites: [
      'a.com',
      'a.com',
      'A.com',
      '[::1]',
      'localhost',
      '',
      LONG_HOST,
    ],
  },
  { pausedSites: Array.from({ length: 1200 }, (_, i) => `s${i}.com`) },
  { pausedSites: 'example.com' },
  { pausedSites: { 0: 'a.com' } },
  { kinds: { person: false, organization: 'x', place: true } },
  { kinds: { person: false, extra: true } },
  { kinds: [] },
  { kinds: null },
  { kinds: 'all' },
  { firstMentionOnly: true },
  { firstMentionOnly: 'true' },
  ...[
    0,
    1,
    500,
    2000,
    2001,
    -5,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '300',
    null,
  ].map((hoverDelayMs) => ({ hoverDelayMs })),
  ...[
    'dotted',
    'solid',
    'highlight',
    'hover-only',
    'sparkles',
    'DOTTED',
    3,
  ].map((mentionStyle) => ({ mentionStyle })),
  { hiddenEntities: ['jeff-sessions', '<script>', 'Jeff', 'jeff-sessions', 7] },
  { hiddenEntities: Array.from({ length: 600 }, (_, i) => `e-${i}`) },
  { hiddenEntities: 'jeff-sessions' },
  { hiddenOnSites: { 'example.com': ['doug-jones', 7], 'not a host': ['x'] } },
  { hiddenOnSites: { 'a.com': [], 'b.com': 'doug-jones', 'c.com': ['x-y'] } },
  { hiddenOnSites: [] },
  { hiddenOnSites: null },
  { hiddenOnSites: 'a.com' },
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "extra": 2}'),
  {
    hiddenOnSites: JSON.parse(
      '{"__proto__": ["x"], "constructor": ["y"], "a.com": ["z"]}',
    ),
  },
  {
    version: 2,
    enabled: 'yes please',
    pausedSites: ['example.com', 42, 'BAD HOST', 'news.example.org'],
    kinds: { person: false, organization: 'x', place: true },
    firstMentionOnly: true,
    hoverDelayMs: -5,
    mentionStyle: 'sparkles',
    hiddenEntities: ['jeff-sessions', '<script>'],
    hiddenOnSites: { 'example.com': ['doug-jones', 7], 'not a host': ['x'] },
  },
];

describe('parseSettings without zod (lib/settings-lite.ts)', () => {
  it.each(STORED.map((raw) => [raw]))(
    'reads %j exactly as SettingsSchema does',
    (raw) => {
      const lite = parseSettings(raw);
      expect(lite).toEqual(parseWithZod(raw));
      expect(Object.keys(lite)).toEqual(Object.keys(parseWithZod(raw)));
    },
  );

  it('gives the schema’s defaults, as a fresh object each time', () => {
    expect(defaultSettings()).toEqual(SettingsSchema.parse({}));
    expect(defaultSettings()).not.toBe(defaultSettings());
    const mutated = defaultSettings();
    mutated.pausedSites.push('a.com');
    expect(defaultSettings().pausedSites).toEqual([]);
  });

  it('never takes a prototype from stored data', () => {
    parseSettings(JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('uses the same id rules and kinds as the schemas', () => {
    expect(ENTITY_KINDS).toBe(KINDS_IN_IDS);
    expect(KEBAB_ID_RULE).toBe(KEBAB_ID);
  });
});

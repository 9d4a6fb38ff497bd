import { describe, expect, it } from 'vitest';
import {
  canonicalSettings,
  DEFAULT_SETTINGS,
  type Settings,
} from '../../lib/settings';
import {
  checkSyncQuota,
  decodeLayout,
  diffItems,
  encodeLayout,
  isLayoutKey,
  itemBytes,
  SYNC_QUOTA,
} from '../../lib/settings-layout';
import { seeded } from './fake-storage';

const hosts = (count: number, make: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => make(i));
const sites = (count: number, make: (i: number) => [string, string[]]) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => make(i)));

/** The biggest settings a reader could plausibly have, and then some. */
const large: Settings = canonicalSettings({
  ...DEFAULT_SETTINGS,
  pausedSites: hosts(1000, (i) => `news-site-number-${i}.example.com`),
  hiddenEntities: hosts(500, (i) => `some-person-with-a-long-name-${i}`),
  hiddenOnSites: sites(300, (i) => [
    `site-${i}.example.org`,
    hosts(5, (j) => `entity-${j}-${i}`),
  ]),
});

describe('the sync layout', () => {
  it('writes one item per setting and nothing for empty lists', () => {
    expect(encodeLayout(DEFAULT_SETTINGS)).toEqual({
      's.v': 1,
      's.enabled': true,
      's.kinds': { person: true, organization: true, place: true, event: true },
      's.firstMentionOnly': false,
      's.hoverDelayMs': 500,
      's.mentionStyle': 'dotted',
      's.lookupOnDoubleClick': false,
    });
  });

  it.each<[string, Settings]>([
    ['the defaults', DEFAULT_SETTINGS],
    ['large lists', large],
    [
      'one site with 500 hidden entities (longer than an item)',
      canonicalSettings({
        ...DEFAULT_SETTINGS,
        hiddenOnSites: {
          'big.example': hosts(500, (i) => `an-entity-with-a-long-id-${i}`),
        },
      }),
    ],
    [
      'host names of the longest kind',
      canonicalSettings({
        ...DEFAULT_SETTINGS,
        pausedSites: hosts(
          300,
          (i) =>
            `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(50)}${i}.example`,
        ),
      }),
    ],
  ])(
    'keeps %s within every sync quota, and reads back the same',
    (_, settings) => {
      const items = encodeLayout(settings);
      const quota = checkSyncQuota(items);
      expect(quota).toMatchObject({ ok: true });
      if (!quota.ok) return;
      expect(quota.largestItem).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
      expect(quota.bytes).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
      expect(quota.items).toBeLessThanOrEqual(SYNC_QUOTA.maxItems);
      for (const [key, value] of Object.entries(items))
        expect(itemBytes(key, value)).toBeLessThanOrEqual(
          SYNC_QUOTA.bytesPerItem,
        );
      expect(decodeLayout(items)).toEqual(canonicalSettings(settings));
    },
  );

  it('holds 1,000 paused sites, 500 hidden names and 300 sites with hidden names in about 83 KB and under 100 items', () => {
    const quota = checkSyncQuota(encodeLayout(large));
    expect(quota.ok && quota.bytes).toBeLessThan(85_000);
    expect(quota.ok && quota.items).toBeLessThan(100);
  });

  it('says when settings cannot fit, instead of writing them', () => {
    const huge = canonicalSettings({
      ...DEFAULT_SETTINGS,
      pausedSites: hosts(1000, (i) => `${'x'.repeat(200)}-${i}.example.com`),
    });
    expect(checkSyncQuota(encodeLayout(huge))).toMatchObject({ ok: false });
  });

  it('round-trips random settings', () => {
    const random = seeded(7);
    for (let round = 0; round < 30; round += 1) {
      const pick = (n: number) => Math.floor(random() * n);
      const settings = canonicalSettings({
        ...DEFAULT_SETTINGS,
        enabled: random() < 0.5,
        hoverDelayMs: pick(40) * 50,
        pausedSites: hosts(pick(60), (i) => `h${pick(1000)}-${i}.example`),
        hiddenEntities: hosts(pick(30), (i) => `e-${pick(1000)}-${i}`),
        hiddenOnSites: sites(pick(20), (i) => [
          `s${i}.example`,
          hosts(1 + pick(4), (j) => `id-${j}`),
        ]),
      });
      expect(decodeLayout(encodeLayout(settings))).toEqual(settings);
    }
  });

  it('pausing one more site rewrites one bucket, not the whole list', () => {
    const before = encodeLayout(large);
    const after = encodeLayout(
      canonicalSettings({
        ...large,
        pausedSites: [...large.pausedSites, 'one-more.example'],
      }),
    );
    const { set, remove } = diffItems(before, after);
    expect(Object.keys(set)).toHaveLength(1);
    expect(Object.keys(set)[0]).toMatch(/^s\.paused\.\d+$/);
    expect(remove).toEqual([]);
  });

  it('removes the items of a list that became empty', () => {
    const before = encodeLayout(
      canonicalSettings({ ...DEFAULT_SETTINGS, pausedSites: ['a.example'] }),
    );
    const { set, remove } = diffItems(before, encodeLayout(DEFAULT_SETTINGS));
    expect(set).toEqual({});
    expect(remove).toHaveLength(1);
  });

  it('is nothing at all until written (no version item)', () => {
    expect(decodeLayout({})).toBeNull();
    expect(decodeLayout({ 's.enabled': false })).toBeNull();
  });

  it('reads a damaged layout field by field, keeping what is valid', () => {
    const items = {
      ...encodeLayout(large),
      's.enabled': 'maybe',
      's.hoverDelayMs': 700,
      's.paused.0': 'not a list',
      's.paused.1': ['ok.example', 7, 'BAD HOST'],
      's.site.2': [['x.example', ['doug-jones']], 'junk', [1, []]],
    };
    const settings = decodeLayout(items)!;
    expect(settings.enabled).toBe(true);
    expect(settings.hoverDelayMs).toBe(700);
    expect(settings.pausedSites).toContain('ok.example');
    expect(settings.hiddenOnSites['x.example']).toContain('doug-jones');
  });

  it.each([
    ['s.v', true],
    ['s.enabled', true],
    ['s.paused.15', true],
    ['s.paused.16', false],
    ['s.hidden.7.3', true],
    ['s.hidden.8', false],
    ['s.site.0', true],
    ['s.op.abc.def.0001', false],
    ['s.area', false],
    ['settings', false],
  ])('%s is a layout key: %s', (key, expected) => {
    expect(isLayoutKey(key)).toBe(expected);
  });
});

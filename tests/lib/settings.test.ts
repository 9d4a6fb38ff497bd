import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  hiddenOn,
  isActiveOn,
  migrateSettings,
  normalizeHost,
  parseSettings,
  pauseSite,
  resumeSite,
  hideEntity,
  setEnabled,
  type Settings,
  toggleSite,
  unhideEntity,
} from '../../lib/settings';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      enabled: true,
      pausedSites: [],
      firstMentionOnly: false,
      hoverDelayMs: 500,
    });
  });

  it.each([null, 'garbage', 42, [], true])('never throws on %j', (raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back for a corrupt field alone and keeps every valid one', () => {
    const settings = parseSettings({
      version: 2,
      enabled: 'yes please',
      pausedSites: ['example.com', 42, 'BAD HOST', 'news.example.org'],
      kinds: { person: false, organization: 'x', place: true },
      firstMentionOnly: true,
      hoverDelayMs: -5,
      mentionStyle: 'sparkles',
      hiddenEntities: ['jeff-sessions', '<script>'],
      hiddenOnSites: { 'example.com': ['doug-jones', 7], 'not a host': ['x'] },
    });
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: true,
      pausedSites: ['example.com', 'news.example.org'],
      kinds: { person: false, organization: true, place: true, event: true },
      firstMentionOnly: true,
      hiddenEntities: ['jeff-sessions'],
      hiddenOnSites: { 'example.com': ['doug-jones'] },
    });
  });

  it('drops unknown fields and never takes a prototype from stored data', () => {
    const settings = parseSettings(
      JSON.parse(
        '{"__proto__": {"polluted": true}, "constructor": 1, "extra": 2}',
      ),
    );
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(
      hiddenOn(
        parseSettings({ hiddenOnSites: JSON.parse('{"__proto__": ["x"]}') }),
        '__proto__',
      ).size,
    ).toBe(0);
  });
});

describe('migrateSettings', () => {
  it('brings version 1 (paused, delay) to version 2 (pausedSites, hoverDelayMs)', () => {
    expect(
      migrateSettings({
        version: 1,
        paused: ['a.com'],
        delay: 300,
        enabled: false,
      }),
    ).toEqual({
      version: 2,
      pausedSites: ['a.com'],
      hoverDelayMs: 300,
      enabled: false,
    });
    expect(
      parseSettings({ version: 1, paused: ['a.com'], delay: 300 }),
    ).toMatchObject({
      version: 2,
      pausedSites: ['a.com'],
      hoverDelayMs: 300,
    });
  });
});

describe('versions', () => {
  it('stores the current version, and runs a version 1 object through every step to it', () => {
    expect(DEFAULT_SETTINGS.version).toBe(2);
    expect(
      parseSettings({
        version: 1,
        paused: ['a.com', 'BAD HOST'],
        delay: 'slow',
        enabled: false,
      }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      pausedSites: ['a.com'],
    });
  });

  it('keeps the valid fields of a version it does not know (a newer extension wrote it)', () => {
    expect(
      parseSettings({
        version: 7,
        enabled: false,
        futureField: 1,
        hoverDelayMs: 300,
      }),
    ).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      hoverDelayMs: 300,
    });
  });
});

describe('isActiveOn', () => {
  it('is off when switched off globally or paused for the host', () => {
    expect(isActiveOn(DEFAULT_SETTINGS, 'example.com')).toBe(true);
    expect(
      isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'example.com'),
    ).toBe(false);
    expect(
      isActiveOn(
        { ...DEFAULT_SETTINGS, pausedSites: ['example.com'] },
        'Example.com',
      ),
    ).toBe(false);
    expect(
      isActiveOn(
        { ...DEFAULT_SETTINGS, pausedSites: ['example.com'] },
        'other.com',
      ),
    ).toBe(true);
  });
});

describe('toggleSite', () => {
  it('pauses a site where annotations show, and resumes it again', () => {
    const paused = toggleSite(DEFAULT_SETTINGS, 'Example.com');
    expect(paused.pausedSites).toEqual(['example.com']);
    expect(isActiveOn(paused, 'example.com')).toBe(false);
    expect(isActiveOn(paused, 'other.org')).toBe(true);
    const resumed = toggleSite(paused, 'example.com');
    expect(resumed.pausedSites).toEqual([]);
    expect(isActiveOn(resumed, 'example.com')).toBe(true);
  });

  it('switches annotations on when they were off everywhere, keeping other paused sites', () => {
    const off = {
      ...DEFAULT_SETTINGS,
      enabled: false,
      pausedSites: ['a.com', 'b.com'],
    };
    const on = toggleSite(off, 'a.com');
    expect(on).toMatchObject({ enabled: true, pausedSites: ['b.com'] });
    expect(toggleSite({ ...off, pausedSites: [] }, 'c.com')).toMatchObject({
      enabled: true,
      pausedSites: [],
    });
  });
});

describe('the settings edits (every place that changes settings uses these)', () => {
  const base: Settings = {
    ...DEFAULT_SETTINGS,
    pausedSites: ['a.com'],
    hiddenEntities: ['doug-jones'],
    hiddenOnSites: { 'a.com': ['jeff-sessions'] },
  };
  type Row = [string, (s: Settings) => Settings, Partial<Settings>];
  it.each<Row>([
    [
      'pause a new site',
      (s) => pauseSite(s, 'B.com'),
      { pausedSites: ['a.com', 'b.com'] },
    ],
    [
      'pause a paused site: no change',
      (s) => pauseSite(s, 'a.com'),
      { pausedSites: ['a.com'] },
    ],
    [
      'resume a paused site',
      (s) => resumeSite(s, 'A.com'),
      { pausedSites: [] },
    ],
    [
      'resume a site that was not paused: no change',
      (s) => resumeSite(s, 'z.com'),
      { pausedSites: ['a.com'] },
    ],
    [
      'switch off everywhere',
      (s) => setEnabled(s, false),
      { enabled: false, pausedSites: ['a.com'] },
    ],
    [
      'toggle an active site: paused',
      (s) => toggleSite(s, 'b.com'),
      { enabled: true, pausedSites: ['a.com', 'b.com'] },
    ],
    [
      'toggle a paused site: resumed',
      (s) => toggleSite(s, 'a.com'),
      { enabled: true, pausedSites: [] },
    ],
    [
      'toggle while off everywhere: on, this site resumed',
      (s) => toggleSite(setEnabled(s, false), 'a.com'),
      { enabled: true, pausedSites: [] },
    ],
    [
      'hide everywhere',
      (s) => hideEntity(s, 'jeff-sessions', null),
      { hiddenEntities: ['doug-jones', 'jeff-sessions'] },
    ],
    [
      'hide everywhere twice: once, newest last',
      (s) => hideEntity(s, 'doug-jones', null),
      { hiddenEntities: ['doug-jones'] },
    ],
    [
      'unhide everywhere',
      (s) => unhideEntity(s, 'doug-jones', null),
      { hiddenEntities: [] },
    ],
    [
      'hide on a site',
      (s) => hideEntity(s, 'doug-jones', 'a.com'),
      { hiddenOnSites: { 'a.com': ['jeff-sessions', 'doug-jones'] } },
    ],
    [
      'hide on a new site',
      (s) => hideEntity(s, 'doug-jones', 'b.com'),
      {
        hiddenOnSites: { 'a.com': ['jeff-sessions'], 'b.com': ['doug-jones'] },
      },
    ],
    [
      'unhide the last one on a site: the site goes',
      (s) => unhideEntity(s, 'jeff-sessions', 'a.com'),
      { hiddenOnSites: {} },
    ],
    [
      'unhide on a site that hides nothing: no change',
      (s) => unhideEntity(s, 'x', 'b.com'),
      { hiddenOnSites: { 'a.com': ['jeff-sessions'] } },
    ],
  ])('%s', (_name, edit, expected) => {
    const before = structuredClone(base);
    const after = edit(base);
    expect({ ...after }).toMatchObject(expected);
    expect(base).toEqual(before); // Edits are pure: the input is never changed.
    expect(parseSettings(after)).toEqual(after); // And the result is valid.
  });

  it('keeps a host named __proto__ an ordinary key', () => {
    const after = hideEntity(DEFAULT_SETTINGS, 'doug-jones', '__proto__');
    expect(Object.keys(after.hiddenOnSites)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('normalizeHost', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  News.Example.ORG ', 'news.example.org'],
    ['https://www.example.com/path?q=1', 'www.example.com'],
    ['localhost:8080', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('%j → %j', (input, host) => {
    expect(normalizeHost(input)).toBe(host);
  });

  it.each(['', '   ', 'not a host', 'javascript:alert(1)', 'http://'])(
    'refuses %j',
    (input) => {
      expect(normalizeHost(input)).toBeNull();
    },
  );
});

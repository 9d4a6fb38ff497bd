import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, hiddenOn, isActiveOn, migrateSettings, parseSettings } from '../../lib/settings';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ enabled: true, pausedSites: [], firstMentionOnly: false, hoverDelayMs: 500 });
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
    const settings = parseSettings(JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "extra": 2}'));
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(hiddenOn(parseSettings({ hiddenOnSites: JSON.parse('{"__proto__": ["x"]}') }), '__proto__').size).toBe(0);
  });
});

describe('migrateSettings', () => {
  it('brings version 1 (paused, delay) to version 2 (pausedSites, hoverDelayMs)', () => {
    expect(migrateSettings({ version: 1, paused: ['a.com'], delay: 300, enabled: false })).toEqual({
      version: 2,
      pausedSites: ['a.com'],
      hoverDelayMs: 300,
      enabled: false,
    });
    expect(parseSettings({ version: 1, paused: ['a.com'], delay: 300 })).toMatchObject({
      version: 2,
      pausedSites: ['a.com'],
      hoverDelayMs: 300,
    });
  });
});

describe('isActiveOn', () => {
  it('is off when switched off globally or paused for the host', () => {
    expect(isActiveOn(DEFAULT_SETTINGS, 'example.com')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'example.com')).toBe(false);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, pausedSites: ['example.com'] }, 'Example.com')).toBe(false);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, pausedSites: ['example.com'] }, 'other.com')).toBe(true);
  });
});

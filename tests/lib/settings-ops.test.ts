import { describe, expect, it } from 'vitest';
import {
  canonicalSettings,
  DEFAULT_SETTINGS,
  hideEntity,
  pauseSite,
  setEnabled,
  type Settings,
  toggleSite,
  unhideEntity,
} from '../../lib/settings';
import {
  applyOps,
  diffSettings,
  type Op,
  isOp,
  parseOps,
} from '../../lib/settings-ops';
import { OpSchema } from '../../lib/settings-ops-schema';

const base: Settings = canonicalSettings({
  ...DEFAULT_SETTINGS,
  pausedSites: ['a.example', 'b.example'],
  hiddenEntities: ['doug-jones'],
  hiddenOnSites: { 'x.example': ['jeff-sessions'] },
});

describe('diffSettings', () => {
  it.each<[string, (s: Settings) => Settings, Op[]]>([
    ['nothing', (s) => s, []],
    [
      'the switch',
      (s) => setEnabled(s, false),
      [{ t: 'set', field: 'enabled', value: false }],
    ],
    [
      'one kind',
      (s) => ({ ...s, kinds: { ...s.kinds, place: false } }),
      [{ t: 'kind', kind: 'place', on: false }],
    ],
    [
      'a paused site',
      (s) => pauseSite(s, 'c.example'),
      [{ t: 'pause', host: 'c.example', on: true }],
    ],
    [
      'a resumed site (via the shortcut’s toggle)',
      (s) => toggleSite(s, 'c.example'),
      [{ t: 'pause', host: 'c.example', on: true }],
    ],
    [
      'hidden everywhere',
      (s) => hideEntity(s, 'nancy-pelosi', null),
      [{ t: 'hide', id: 'nancy-pelosi', host: null, on: true }],
    ],
    [
      'shown again on one site',
      (s) => unhideEntity(s, 'jeff-sessions', 'x.example'),
      [{ t: 'hide', id: 'jeff-sessions', host: 'x.example', on: false }],
    ],
    [
      'the delay and the style together',
      (s) => ({ ...s, hoverDelayMs: 800, mentionStyle: 'solid' }),
      [
        { t: 'set', field: 'hoverDelayMs', value: 800 },
        { t: 'set', field: 'mentionStyle', value: 'solid' },
      ],
    ],
    [
      'only a different order (not a change)',
      (s) => ({ ...s, pausedSites: [...s.pausedSites].reverse() }),
      [],
    ],
  ])('turns %s into operations', (_, edit, ops) => {
    expect(diffSettings(base, edit(base))).toEqual(ops);
  });

  it('replays on the settings it came from to give the edited settings', () => {
    const edited = hideEntity(
      pauseSite(setEnabled(base, false), 'z.example'),
      'tommy-tuberville',
      'y.example',
    );
    expect(applyOps(base, diffSettings(base, edited))).toEqual(
      canonicalSettings(edited),
    );
  });
});

describe('applyOps', () => {
  it('merges edits made from the same snapshot, in either order', () => {
    const mine = diffSettings(base, pauseSite(base, 'c.example'));
    const theirs = diffSettings(base, hideEntity(base, 'nancy-pelosi', null));
    const both = applyOps(base, [...mine, ...theirs]);
    expect(applyOps(base, [...theirs, ...mine])).toEqual(both);
    expect(both.pausedSites).toContain('c.example');
    expect(both.hiddenEntities).toContain('nancy-pelosi');
  });

  it('the later of two edits to the same element wins', () => {
    const ops: Op[] = [
      { t: 'pause', host: 'c.example', on: true },
      { t: 'pause', host: 'c.example', on: false },
    ];
    expect(applyOps(base, ops).pausedSites).not.toContain('c.example');
  });

  it('applying the same operations twice changes nothing more (the journal relies on it)', () => {
    const ops: Op[] = [
      { t: 'pause', host: 'c.example', on: true },
      { t: 'hide', id: 'doug-jones', host: null, on: false },
      { t: 'pause', host: 'c.example', on: false },
      { t: 'set', field: 'enabled', value: false },
    ];
    const once = applyOps(base, ops);
    expect(applyOps(once, ops)).toEqual(once);
  });
});

describe('parseOps', () => {
  it('keeps the operations that parse and skips the rest one by one', () => {
    expect(
      parseOps([
        { t: 'set', field: 'enabled', value: false },
        { t: 'set', field: 'enabled', value: 'no' },
        { t: 'set', field: 'hoverDelayMs', value: 99_999 },
        { t: 'set', field: '__proto__', value: 1 },
        { t: 'pause', host: 'NOT A HOST', on: true },
        { t: 'pause', host: 'ok.example', on: true, extra: 1 },
        { t: 'hide', id: 'doug-jones', host: null, on: true },
        { t: 'kind', kind: 'planet', on: false },
        null,
        'pause',
      ]),
    ).toEqual([
      { t: 'set', field: 'enabled', value: false },
      { t: 'hide', id: 'doug-jones', host: null, on: true },
    ]);
  });

  it.each([null, {}, 'x', 7])('gives nothing for %j', (raw) => {
    expect(parseOps(raw)).toEqual([]);
  });
});

describe('isOp agrees with OpSchema, the specification', () => {
  const proto = JSON.parse('{"__proto__": {"t": "set"}}');
  it.each<[string, unknown]>([
    ['a switch', { t: 'set', field: 'enabled', value: false }],
    [
      'double-click lookup',
      { t: 'set', field: 'lookupOnDoubleClick', value: true },
    ],
    ['a delay', { t: 'set', field: 'hoverDelayMs', value: 750 }],
    ['a delay too long', { t: 'set', field: 'hoverDelayMs', value: 5000 }],
    ['a fractional delay', { t: 'set', field: 'hoverDelayMs', value: 1.5 }],
    ['a style', { t: 'set', field: 'mentionStyle', value: 'solid' }],
    ['an unknown style', { t: 'set', field: 'mentionStyle', value: 'blink' }],
    ['an unknown field', { t: 'set', field: 'colour', value: 'red' }],
    ['a kind', { t: 'kind', kind: 'event', on: false }],
    ['an unknown kind', { t: 'kind', kind: 'animal', on: false }],
    ['a pause', { t: 'pause', host: 'example.com', on: true }],
    [
      'a pause of a URL',
      { t: 'pause', host: 'https://example.com/', on: true },
    ],
    [
      'a hide everywhere',
      { t: 'hide', id: 'doug-jones', host: null, on: true },
    ],
    [
      'a hide on a site',
      { t: 'hide', id: 'doug-jones', host: 'a.com', on: false },
    ],
    ['a hide with a bad id', { t: 'hide', id: '<b>', host: null, on: true }],
    ['a hide without host', { t: 'hide', id: 'doug-jones', on: true }],
    ['an extra key', { t: 'kind', kind: 'event', on: false, extra: 1 }],
    ['a string', 'set'],
    ['null', null],
    ['an array', [{ t: 'set' }]],
    ['__proto__', proto],
  ])('%s', (_name, raw) => {
    expect(isOp(raw)).toBe(OpSchema.safeParse(raw).success);
  });
});

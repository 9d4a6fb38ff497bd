import { describe, expect, it } from 'vitest';
import {
  canonicalSettings,
  DEFAULT_SETTINGS,
  type Settings,
} from '../../lib/settings';
import {
  describeChanges,
  exportFileName,
  exportSettings,
  planImport,
} from '../../lib/settings-file';
import { applyOps } from '../../lib/settings-ops';

const NOW = new Date('2024-06-01T12:00:00Z');
const mine: Settings = canonicalSettings({
  ...DEFAULT_SETTINGS,
  enabled: false,
  pausedSites: ['a.example', 'b.example'],
  kinds: { person: true, organization: false, place: true, event: true },
  firstMentionOnly: true,
  hoverDelayMs: 800,
  mentionStyle: 'highlight',
  lookupOnDoubleClick: true,
  hiddenEntities: ['doug-jones'],
  hiddenOnSites: { 'x.example': ['jeff-sessions', 'nancy-pelosi'] },
});
const file = (settings: unknown, extra: object = {}) =>
  JSON.stringify({
    format: 'backstory-settings',
    version: 1,
    settings,
    ...extra,
  });

describe('export', () => {
  it('writes every setting, readable JSON, with a dated name', () => {
    const text = exportSettings(mine, NOW);
    expect(JSON.parse(text)).toEqual({
      format: 'backstory-settings',
      version: 1,
      exportedAt: '2024-06-01T12:00:00.000Z',
      settings: { ...mine, hiddenOnSites: { ...mine.hiddenOnSites } },
    });
    expect(text).toContain('\n  "settings": {');
    expect(exportFileName(NOW)).toBe('backstory-settings-2024-06-01.json');
  });

  it('round-trips: importing an export gives the same settings', () => {
    const plan = planImport(exportSettings(mine, NOW), DEFAULT_SETTINGS);
    expect(plan.ok && plan.settings).toEqual(mine);
    expect(planImport(exportSettings(mine, NOW), mine)).toMatchObject({
      ok: true,
      ops: [],
    });
  });
});

describe('import', () => {
  it('changes only the fields in the file', () => {
    const plan = planImport(
      file({ hoverDelayMs: 300, kinds: { place: false } }),
      mine,
    );
    expect(plan.ok && plan.settings).toEqual({
      ...mine,
      hoverDelayMs: 300,
      kinds: { ...mine.kinds, place: false },
    });
  });

  it('takes a file written with version 1 settings', () => {
    const plan = planImport(
      file({ version: 1, paused: ['old.example'], delay: 250 }),
      DEFAULT_SETTINGS,
    );
    expect(plan.ok && plan.settings).toMatchObject({
      pausedSites: ['old.example'],
      hoverDelayMs: 250,
    });
  });

  it('never lends a prototype from the file', () => {
    const plan = planImport(
      '{"format":"backstory-settings","version":1,"settings":{"__proto__":{"enabled":false},"hiddenOnSites":{"x.example":["doug-jones"]}}}',
      DEFAULT_SETTINGS,
    );
    expect(plan.ok && plan.settings.enabled).toBe(true);
    expect(({} as { enabled?: boolean }).enabled).toBeUndefined();
  });

  it.each<[string, string, RegExp]>([
    ['not JSON', 'this is not json', /not JSON/],
    ['empty', '', /not JSON/],
    ['a JSON array', '[1, 2]', /not a Backstory settings file/],
    ['another format', '{"format": "uBlock"}', /not a Backstory settings file/],
    [
      'plain settings without the wrapper',
      JSON.stringify(mine),
      /not a Backstory settings file/,
    ],
    ['a newer file version', file({}, { version: 2 }), /version/],
    [
      'no settings',
      JSON.stringify({ format: 'backstory-settings', version: 1 }),
      /settings/,
    ],
    [
      'a bad host',
      file({ pausedSites: ['ok.example', 'not a host'] }),
      /pausedSites\[1\]: must be a host name/,
    ],
    ['a delay out of range', file({ hoverDelayMs: 99_999 }), /hoverDelayMs/],
    ['a string where a switch belongs', file({ enabled: 'yes' }), /enabled/],
    ['an unknown style', file({ mentionStyle: 'sparkles' }), /mentionStyle/],
    ['an unknown kind', file({ kinds: { planets: true } }), /kinds/],
    [
      'a bad entity id',
      file({ hiddenEntities: ['<script>'] }),
      /hiddenEntities\[0\]/,
    ],
    [
      'a bad site in hidden-on-site',
      file({ hiddenOnSites: { 'NOT A HOST': ['doug-jones'] } }),
      /hiddenOnSites/,
    ],
    ['too large', `${' '.repeat(1_000_001)}{}`, /too large/],
  ])('refuses %s with a clear reason', (_, text, reason) => {
    const plan = planImport(text, mine);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.error).toMatch(reason);
  });

  it('lists at most five problems and says how many more', () => {
    const plan = planImport(
      file({ pausedSites: Array.from({ length: 8 }, () => 'BAD HOST') }),
      mine,
    );
    expect(!plan.ok && plan.error.split('\n')).toHaveLength(7);
    expect(!plan.ok && plan.error).toMatch(/and 3 more$/);
  });
});

describe('describeChanges', () => {
  it('says every change in words, in the order of the settings', () => {
    const plan = planImport(exportSettings(mine, NOW), DEFAULT_SETTINGS);
    if (!plan.ok) throw new Error(plan.error);
    const names: Record<string, string> = {
      'doug-jones': 'Doug Jones',
      'jeff-sessions': 'Jeff Sessions',
      'nancy-pelosi': 'Nancy Pelosi',
    };
    expect(
      describeChanges(DEFAULT_SETTINGS, plan.ops, (id) => names[id] ?? id),
    ).toEqual([
      { kind: 'changed', text: 'Annotations: on → off' },
      {
        kind: 'changed',
        text: 'Only the first mention of each name: off → on',
      },
      { kind: 'changed', text: 'Card delay: 500 ms → 800 ms' },
      {
        kind: 'changed',
        text: 'How mentions look: dotted underline → highlight',
      },
      { kind: 'changed', text: 'Look up on double-click: off → on' },
      { kind: 'changed', text: 'Mark organizations: on → off' },
      { kind: 'added', text: 'Pause on a.example' },
      { kind: 'added', text: 'Pause on b.example' },
      { kind: 'added', text: 'Hide Doug Jones everywhere' },
      { kind: 'added', text: 'Hide Jeff Sessions on x.example' },
      { kind: 'added', text: 'Hide Nancy Pelosi on x.example' },
    ]);
  });

  it('says what an import takes away', () => {
    const plan = planImport(file({ pausedSites: [], hiddenOnSites: {} }), mine);
    if (!plan.ok) throw new Error(plan.error);
    expect(describeChanges(mine, plan.ops, (id) => id)).toEqual([
      { kind: 'removed', text: 'Resume on a.example' },
      { kind: 'removed', text: 'Resume on b.example' },
      { kind: 'removed', text: 'Show jeff-sessions again on x.example' },
      { kind: 'removed', text: 'Show nancy-pelosi again on x.example' },
    ]);
  });

  it('applies the previewed changes to newer settings without undoing edits made meanwhile', () => {
    const plan = planImport(file({ hoverDelayMs: 300 }), mine);
    if (!plan.ok) throw new Error(plan.error);
    const meanwhile = canonicalSettings({
      ...mine,
      pausedSites: [...mine.pausedSites, 'c.example'],
    });
    expect(applyOps(meanwhile, plan.ops)).toEqual({
      ...meanwhile,
      hoverDelayMs: 300,
    });
  });
});

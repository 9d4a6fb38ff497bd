import { describe, expect, it } from 'vitest';
import {
  countMentions,
  parseContentRequest,
  parseMentionCount,
  parseReply,
} from '../../lib/messages';

describe('parseContentRequest', () => {
  it.each([
    [{ type: 'get-page-state' }],
    [{ type: 'reveal-mention', entityId: 'jeff-sessions' }],
    [{ type: 'toggle-site' }],
  ])('accepts %j', (message) => {
    expect(parseContentRequest(message)).toEqual(message);
  });

  it.each([
    [undefined],
    [null],
    ['get-page-state'],
    [42],
    [[{ type: 'get-page-state' }]],
    [{}],
    [{ type: 'GET-PAGE-STATE' }],
    [{ type: 'unknown' }],
    [{ type: 'reveal-mention' }],
    [{ type: 'reveal-mention', entityId: '<script>' }],
    [{ type: 'reveal-mention', entityId: 42 }],
    [{ type: 'reveal-mention', entityId: 'jeff-sessions', extra: true }],
    [{ type: 'get-page-state', selector: 'body' }],
    [JSON.parse('{"type": "toggle-site", "__proto__": {"polluted": true}}')],
    [{ type: 'mention-count', count: 1, paused: false }],
  ])('rejects %j', (message) => {
    expect(parseContentRequest(message)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseMentionCount', () => {
  it('accepts a count and whether the site is paused', () => {
    expect(
      parseMentionCount({ type: 'mention-count', count: 12, paused: false }),
    ).toEqual({ type: 'mention-count', count: 12, paused: false });
  });

  it.each([
    [{ type: 'mention-count', count: -1, paused: false }],
    [{ type: 'mention-count', count: 1.5, paused: false }],
    [{ type: 'mention-count', count: '3', paused: false }],
    [{ type: 'mention-count', count: 3 }],
    [{ type: 'mention-count', count: 3, paused: 'no' }],
    [{ type: 'get-page-state' }],
  ])('rejects %j', (message) => {
    expect(parseMentionCount(message)).toBeNull();
  });
});

describe('parseReply', () => {
  it('accepts a page state', () => {
    const state = {
      host: 'example.com',
      state: 'ready',
      mentions: [{ entityId: 'doug-jones', count: 2 }],
    };
    expect(parseReply('get-page-state', state)).toEqual(state);
    expect(parseReply('reveal-mention', { ok: true })).toEqual({ ok: true });
    expect(parseReply('toggle-site', { host: '127.0.0.1' })).toEqual({
      host: '127.0.0.1',
    });
  });

  it.each([
    [undefined],
    [{ host: 'example.com', state: 'maybe', mentions: [] }],
    [{ host: 'Not A Host', state: 'ready', mentions: [] }],
    [
      {
        host: 'example.com',
        state: 'ready',
        mentions: [{ entityId: 'doug-jones', count: 0 }],
      },
    ],
    [
      {
        host: 'example.com',
        state: 'ready',
        mentions: [{ entityId: 'Doug Jones', count: 1 }],
      },
    ],
    [{ host: 'example.com', state: 'ready' }],
    [
      {
        host: 'example.com',
        state: 'ready',
        mentions: Array.from({ length: 5001 }, () => ({
          entityId: 'a',
          count: 1,
        })),
      },
    ],
  ])('rejects the page state %j', (reply) => {
    expect(parseReply('get-page-state', reply)).toBeNull();
  });

  it('rejects replies of the wrong shape', () => {
    expect(parseReply('reveal-mention', { ok: 'yes' })).toBeNull();
    expect(parseReply('toggle-site', { host: '' })).toBeNull();
  });
});

describe('countMentions', () => {
  it('counts each entity’s mentions, a mention split into pieces once, most mentioned first', () => {
    expect(
      countMentions([
        { entityId: 'doug-jones', group: null },
        { entityId: 'jeff-sessions', group: '1' },
        { entityId: 'jeff-sessions', group: '1' },
        { entityId: 'jeff-sessions', group: null },
        { entityId: 'jeff-sessions', group: '2' },
        { entityId: 'jeff-sessions', group: '2' },
        { entityId: 'cygnal', group: null },
      ]),
    ).toEqual([
      { entityId: 'jeff-sessions', count: 3 },
      { entityId: 'doug-jones', count: 1 },
      { entityId: 'cygnal', count: 1 },
    ]);
    expect(countMentions([])).toEqual([]);
  });
});

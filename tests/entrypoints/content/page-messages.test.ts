// @vitest-environment happy-dom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentScriptContext } from '#imports';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectPageMessages,
  FLASH_ATTRIBUTE,
  type SessionView,
} from '../../../entrypoints/content/page-messages';

const OWN = { id: fakeBrowser.runtime.id };

/** Timers the code under test started: cleared after each test, so none fires after the DOM is gone. */
const timers: number[] = [];
function track(id: number): number {
  timers.push(id);
  return id;
}

function setUp(active = true) {
  document.body.innerHTML = `
    <p><backstory-mention data-backstory-entity="jeff-sessions">Jeff Sessions</backstory-mention> met
    <backstory-mention data-backstory-entity="doug-jones">Doug</backstory-mention></p>
    <p><backstory-mention data-backstory-entity="jeff-sessions" data-backstory-group="1">Jeff</backstory-mention> <b><backstory-mention data-backstory-entity="jeff-sessions" data-backstory-group="1">Sessions</backstory-mention></b></p>
    <p><backstory-mention data-backstory-entity="jeff-sessions">Sessions</backstory-mention></p>
    <p><backstory-mention data-backstory-entity="not-ours">fake</backstory-mention></p>`;
  // Our own elements only: the last one is the page's, and must never count.
  const mentions = [...document.querySelectorAll('backstory-mention')].slice(
    0,
    -1,
  );
  const settledListeners: (() => void)[] = [];
  const lookups: [string | undefined, string][] = [];
  const session: SessionView = {
    isActive: active,
    mentions,
    settled: () => Promise.resolve(),
    onSettled: (listener) => settledListeners.push(listener),
    lookUpSelection: async (text, via) => {
      lookups.push([text, via]);
      return text ? 'card' : 'no-selection';
    },
  };
  const ctx = {
    isInvalid: false,
    isValid: true,
    signal: new AbortController().signal,
    onInvalidated: () => undefined,
    setTimeout: (handler: () => void, ms: number) =>
      track(window.setTimeout(handler, ms)),
  } as unknown as ContentScriptContext;
  connectPageMessages(ctx, session);
  return { mentions, settledListeners, lookups };
}

/** What the content script answered `message` from `sender` (undefined: it did not answer). */
async function ask(message: unknown, sender: object = OWN): Promise<unknown> {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return results.find((result) => result !== undefined);
}

describe('page-messages', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([
      {},
    ] as unknown as DOMRectList);
    Element.prototype.scrollIntoView = vi.fn();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
    for (const id of timers.splice(0)) window.clearTimeout(id);
  });

  it('tells the extension the host and the mentions per entity, a split mention once, most first', async () => {
    setUp();
    expect(await ask({ type: 'get-page-state' })).toEqual({
      host: location.hostname,
      state: 'ready',
      mentions: [
        { entityId: 'jeff-sessions', count: 3 },
        { entityId: 'doug-jones', count: 1 },
      ],
    });
  });

  it('says "off" with no mentions when annotations are off here', async () => {
    setUp(false);
    expect(await ask({ type: 'get-page-state' })).toEqual({
      host: location.hostname,
      state: 'off',
      mentions: [],
    });
    expect(
      await ask({ type: 'reveal-mention', entityId: 'jeff-sessions' }),
    ).toEqual({ ok: false });
  });

  it.each([
    [
      'another extension',
      { type: 'get-page-state' },
      { id: 'some-other-extension' },
    ],
    [
      'no sender id (a page cannot reach onMessage, but never trust it)',
      { type: 'get-page-state' },
      {},
    ],
    ['an unknown message', { type: 'delete-everything' }, OWN],
    [
      'a malformed message',
      { type: 'reveal-mention', entityId: '../../x' },
      OWN,
    ],
    ['not an object', 'get-page-state', OWN],
  ])('ignores %s', async (_, message, sender) => {
    setUp();
    expect(await ask(message, sender)).toBeUndefined();
  });

  it('reveals the next mention of an entity each time, cycling, and flashes every piece of it', async () => {
    const { mentions } = setUp();
    const [first, , splitJeff, splitSessions, last] = mentions as [
      Element,
      Element,
      Element,
      Element,
      Element,
    ];
    const flashed = () => [
      ...document.querySelectorAll(`[${FLASH_ATTRIBUTE}]`),
    ];
    const revealed: Element[] = [];
    vi.mocked(Element.prototype.scrollIntoView).mockImplementation(function (
      this: Element,
    ) {
      revealed.push(this);
    });
    for (let i = 0; i < 4; i += 1)
      expect(
        await ask({ type: 'reveal-mention', entityId: 'jeff-sessions' }),
      ).toEqual({ ok: true });
    expect(revealed).toEqual([first, splitJeff, last, first]);
    expect(flashed()).toEqual([first]);
    await ask({ type: 'reveal-mention', entityId: 'jeff-sessions' });
    expect(flashed()).toEqual([splitJeff, splitSessions]);
    expect(
      await ask({ type: 'reveal-mention', entityId: 'nancy-pelosi' }),
    ).toEqual({ ok: false });
  });

  it('names its host for the keyboard shortcut', async () => {
    setUp();
    expect(await ask({ type: 'toggle-site' })).toEqual({
      host: location.hostname,
    });
  });

  it('looks up the selection for the context menu and the keyboard command, also where annotations are off', async () => {
    const { lookups } = setUp(false);
    expect(
      await ask({ type: 'lookup-selection', text: 'Doug Jones', via: 'menu' }),
    ).toEqual({ shown: 'card' });
    expect(await ask({ type: 'lookup-selection', via: 'command' })).toEqual({
      shown: 'no-selection',
    });
    expect(await ask({ type: 'lookup-selection', text: 7, via: 'menu' })).toBe(
      undefined,
    );
    expect(
      await ask(
        { type: 'lookup-selection', text: 'x', via: 'menu' },
        {
          id: 'another-extension',
        },
      ),
    ).toBe(undefined);
    expect(lookups).toEqual([
      ['Doug Jones', 'menu'],
      [undefined, 'command'],
    ]);
  });

  it('reports the mention count after a pass, once per change', async () => {
    const { settledListeners } = setUp();
    const sent = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue(undefined);
    for (const listener of settledListeners) listener();
    for (const listener of settledListeners) listener();
    expect(sent.mock.calls).toEqual([
      [{ type: 'mention-count', count: 4, paused: false }],
    ]);
  });

  it('sends nothing for a page without mentions (its badge is blank already), and reports a later change', async () => {
    const settledListeners: (() => void)[] = [];
    const mentions: Element[] = [];
    const session: SessionView = {
      isActive: true,
      mentions,
      settled: () => Promise.resolve(),
      onSettled: (listener) => settledListeners.push(listener),
      lookUpSelection: async () => 'quiet',
    };
    const ctx = {
      isInvalid: false,
      signal: new AbortController().signal,
      onInvalidated: () => undefined,
      setTimeout: (handler: () => void, ms: number) =>
        track(window.setTimeout(handler, ms)),
    } as unknown as ContentScriptContext;
    connectPageMessages(ctx, session);
    const sent = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockResolvedValue(undefined);
    for (const listener of settledListeners) listener();
    expect(sent).not.toHaveBeenCalled();
    document.body.innerHTML =
      '<backstory-mention data-backstory-entity="doug-jones">Doug Jones</backstory-mention>';
    mentions.push(document.querySelector('backstory-mention')!);
    for (const listener of settledListeners) listener();
    expect(sent.mock.calls).toEqual([
      [{ type: 'mention-count', count: 1, paused: false }],
    ]);
  });
});

describe('extension messaging surface', () => {
  it('never listens to other extensions or web pages (no onMessageExternal / onConnectExternal)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory()
          ? files(join(dir, name))
          : [join(dir, name)],
      );
    const sources = [
      ...files('entrypoints'),
      ...files('components'),
      ...files('lib'),
    ].filter((file) => /\.tsx?$/.test(file));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources)
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /onMessageExternal|onConnectExternal|externally_connectable/,
      );
  });
});

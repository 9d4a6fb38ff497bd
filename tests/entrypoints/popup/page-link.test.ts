import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  findTargetTab,
  requestPageState,
  revealMention,
  toggleShortcut,
  watchPage,
} from '../../../entrypoints/popup/page-link';
import { COMMAND } from '../../../lib/commands';
import { MESSAGE } from '../../../lib/messages';

const OWN = { id: fakeBrowser.runtime.id };
type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
/** A message sender: an extension id, and the tab a content script runs in. */
const sender = (id: string, tab: number) =>
  ({ id, tab: { id: tab } }) as Sender;
const PAGE_STATE = {
  host: 'example.com',
  state: 'ready',
  mentions: [{ entityId: 'doug-jones', count: 2 }],
};

/** Makes the content script in every tab answer with `reply` (or throw it when it is an Error). */
function contentScriptAnswers(reply: unknown) {
  return vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation(async () => {
      if (reply instanceof Error) throw reply;
      return reply;
    });
}

/** What tabs.query({active, currentWindow}) answers (the fake browser cannot activate a tab). */
function activeTabIs(id: number | null) {
  return vi
    .spyOn(fakeBrowser.tabs, 'query')
    .mockResolvedValue(
      id === null
        ? []
        : [
            { id } as Awaited<
              ReturnType<typeof fakeBrowser.tabs.query>
            >[number],
          ],
    );
}

describe('page-link', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  describe('findTargetTab', () => {
    it.each([
      ['?tab=42', 42],
      ['?tab=42&x=1', 42],
      ['?tab=abc', 'active'],
      ['?tab=-1', 'active'],
      ['?tab=1234567890123456', 'active'], // Longer than any tab id: not trusted.
      ['', 'active'],
    ])('%j → %s', async (search, expected) => {
      const query = activeTabIs(9);
      expect(await findTargetTab(search)).toBe(
        expected === 'active' ? 9 : expected,
      );
      if (expected === 'active')
        expect(query).toHaveBeenCalledWith({
          active: true,
          currentWindow: true,
        });
    });

    it('is null without an active tab, or when tabs cannot be queried', async () => {
      activeTabIs(null);
      expect(await findTargetTab('')).toBeNull();
      vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('no'));
      expect(await findTargetTab('')).toBeNull();
    });
  });

  describe('requestPageState', () => {
    it('asks the tab’s content script and returns its parsed answer', async () => {
      const send = contentScriptAnswers(PAGE_STATE);
      expect(await requestPageState(7)).toEqual(PAGE_STATE);
      expect(send).toHaveBeenCalledWith(7, { type: MESSAGE.getPageState });
    });

    it.each([
      ['no content script', new Error('Could not establish connection')],
      ['garbage', { host: 'example.com', state: 'dancing', mentions: [] }],
      ['nothing', undefined],
    ])('is null for %s', async (_, reply) => {
      contentScriptAnswers(reply);
      expect(await requestPageState(7)).toBeNull();
    });
  });

  describe('revealMention', () => {
    it.each([
      [{ ok: true }, true],
      [{ ok: false }, false],
      [{ ok: 'yes' }, false],
      [new Error('gone'), false],
    ])('answer %j → %s', async (reply, expected) => {
      const send = contentScriptAnswers(reply);
      expect(await revealMention(3, 'doug-jones')).toBe(expected);
      expect(send).toHaveBeenCalledWith(3, {
        type: MESSAGE.revealMention,
        entityId: 'doug-jones',
      });
    });
  });

  describe('watchPage', () => {
    const count = { type: MESSAGE.mentionCount, count: 3, paused: false };

    it.each([
      ['its tab reports a count', count, sender(OWN.id, 5), 1],
      ['another tab reports', count, sender(OWN.id, 6), 0],
      ['another extension', count, sender('other', 5), 0],
      ['garbage', { type: 'mention-count' }, sender(OWN.id, 5), 0],
    ])('when %s: %i refresh', async (_, message, from, calls) => {
      const onChange = vi.fn();
      watchPage(5, onChange);
      await fakeBrowser.runtime.onMessage.trigger(message, from);
      expect(onChange).toHaveBeenCalledTimes(calls);
    });

    it('stops watching when asked', async () => {
      const onChange = vi.fn();
      watchPage(5, onChange)();
      await fakeBrowser.runtime.onMessage.trigger(count, sender(OWN.id, 5));
      expect(onChange).not.toHaveBeenCalled();
    });
  });

  describe('toggleShortcut', () => {
    it.each([
      [[{ name: COMMAND.toggleSite, shortcut: 'Alt+Shift+O' }], 'Alt+Shift+O'],
      [[{ name: COMMAND.toggleSite, shortcut: '' }], ''], // The browser kept the key for itself.
      [[{ name: COMMAND.toggleSite }], ''],
      [[], ''],
    ])('commands %j → %j', async (commands, expected) => {
      vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue(commands);
      expect(await toggleShortcut()).toBe(expected);
    });

    it('is null when the browser cannot say', async () => {
      vi.spyOn(fakeBrowser.commands, 'getAll').mockRejectedValue(
        new Error('unsupported'),
      );
      expect(await toggleShortcut()).toBeNull();
    });
  });
});

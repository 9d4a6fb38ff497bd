// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import datasetJson from '../../../data/dataset.json';
import { parseDataset } from '../../../data/dataset-schema';
import { App } from '../../../entrypoints/popup/App';
import { MESSAGE } from '../../../lib/messages';
import { createSettingsStore, LEGACY_KEY } from '../../../lib/settings-store';

const dataset = parseDataset(datasetJson);
const TAB = 5;
const OWN = fakeBrowser.runtime.id;
type Sender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];

/** The content script in tab TAB: answers the page state and reveal requests (or is missing). */
function contentScript(
  page: {
    host: string;
    state: 'ready' | 'off';
    mentions: { entityId: string; count: number }[];
  } | null,
  revealed = true,
) {
  return vi
    .spyOn(fakeBrowser.tabs, 'sendMessage')
    .mockImplementation(async (tabId: number, message: unknown) => {
      if (tabId !== TAB || page === null)
        throw new Error('Could not establish connection');
      const { type } = message as { type: string };
      if (type === MESSAGE.getPageState) return page;
      if (type === MESSAGE.revealMention) return { ok: revealed };
      return undefined;
    });
}

const PAGE = {
  host: 'example.com',
  state: 'ready' as const,
  mentions: [
    { entityId: 'jeff-sessions', count: 3 },
    { entityId: 'doug-jones', count: 1 },
  ],
};

/** The settings as every context reads them (journal, layout and 0.1's key folded). */
const stored = async () =>
  (await createSettingsStore(fakeBrowser.storage).load()) as unknown as Record<
    string,
    unknown
  >;

/** Mounts the popup as if opened with `popup.html?tab=TAB`. */
async function mount() {
  history.replaceState(null, '', `/popup.html?tab=${TAB}`);
  const container = document.body.appendChild(document.createElement('div'));
  await act(async () => {
    render(<App dataset={dataset} />, container);
  });
  const $ = <E extends Element = HTMLElement>(selector: string) =>
    container.querySelector<E>(selector);
  const click = (selector: string) =>
    act(async () => {
      $(selector)!.click();
    });
  /** Waits (retrying) until `check` stops throwing. */
  const until = (check: () => void) => vi.waitFor(check, { timeout: 2000 });
  return { container, $, click, until };
}

describe('the popup (App)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue([]);
  });
  afterEach(() => {
    act(() => render(null, document.body));
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it('shows the stored settings and the page’s entities, with counts', async () => {
    await fakeBrowser.storage.local.set({
      [LEGACY_KEY]: { version: 2, enabled: false },
    });
    contentScript(PAGE);
    const { $, until } = await mount();
    await until(() =>
      expect($('[role=switch]')?.getAttribute('aria-checked')).toBe('false'),
    );
    await until(() => expect($('#tab-page .count')?.textContent).toBe('2'));
    const rows = [...document.querySelectorAll('.whoiswho__row')].map(
      (row) =>
        `${row.getAttribute('data-entity')} ${row.querySelector('.count')?.textContent}`,
    );
    expect(rows).toEqual(['jeff-sessions 3', 'doug-jones 1']);
  });

  it('switching off stores enabled: false and keeps every other setting', async () => {
    await fakeBrowser.storage.local.set({
      [LEGACY_KEY]: { version: 2, hoverDelayMs: 800 },
    });
    contentScript(PAGE);
    const { $, click, until } = await mount();
    await until(() => expect($('[role=switch]')).not.toBeNull());
    await click('[role=switch]');
    await until(async () =>
      expect(await stored()).toMatchObject({
        enabled: false,
        hoverDelayMs: 800,
      }),
    );
    expect($('[role=switch]')!.getAttribute('aria-checked')).toBe('false');
  });

  it('pauses and resumes the page’s site', async () => {
    contentScript(PAGE);
    const { $, click, until } = await mount();
    await until(() =>
      expect($('.site-button')?.textContent).toBe('Pause on example.com'),
    );
    await click('.site-button');
    await until(async () =>
      expect((await stored())?.pausedSites).toEqual(['example.com']),
    );
    await until(() =>
      expect($('.site-button')?.textContent).toBe('Resume on example.com'),
    );
    await click('.site-button');
    await until(async () => expect((await stored())?.pausedSites).toEqual([]));
  });

  it('follows settings changed elsewhere (another popup, the shortcut)', async () => {
    contentScript(PAGE);
    const { $, until } = await mount();
    await until(() =>
      expect($('[role=switch]')?.getAttribute('aria-checked')).toBe('true'),
    );
    await fakeBrowser.storage.local.set({
      [LEGACY_KEY]: { version: 2, enabled: false },
    });
    await until(() =>
      expect($('[role=switch]')?.getAttribute('aria-checked')).toBe('false'),
    );
  });

  it('asks the page again when its content script reports a new count, from that tab only', async () => {
    // The refresh that follows a settings change runs on a timer: held here,
    // so only the reports below can refresh the page view.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let page = PAGE;
    const send = contentScript(null).mockImplementation(async () => page);
    const { until } = await mount();
    const rows = () => document.querySelectorAll('.whoiswho__row').length;
    await until(() => expect(rows()).toBe(2));
    const asked = send.mock.calls.length;
    page = {
      ...PAGE,
      mentions: [...PAGE.mentions, { entityId: 'donald-trump', count: 1 }],
    };
    const report = (tab: number) =>
      act(async () => {
        await fakeBrowser.runtime.onMessage.trigger(
          { type: MESSAGE.mentionCount, count: 5, paused: false },
          { id: OWN, tab: { id: tab } } as Sender,
        );
      });
    await report(TAB + 1);
    expect(send.mock.calls.length).toBe(asked); // Asking is synchronous: none.
    await report(TAB);
    expect(send.mock.calls.length).toBe(asked + 1);
    await until(() => expect(rows()).toBe(3));
    vi.useRealTimers();
  });

  it.each([
    [true, 'Showing Jeff Sessions on the page.'],
    [false, 'No visible mention of Jeff Sessions on the page.'],
  ])(
    'choosing a name asks the page to show it (found: %s) and says so',
    async (revealed, notice) => {
      const send = contentScript(PAGE, revealed);
      const { $, click, until } = await mount();
      await click('#tab-page');
      await until(() =>
        expect(
          $('.whoiswho__row[data-entity="jeff-sessions"] .whoiswho__jump'),
        ).not.toBeNull(),
      );
      await click(
        '.whoiswho__row[data-entity="jeff-sessions"] .whoiswho__jump',
      );
      await until(() => expect($('.popup__notice')?.textContent).toBe(notice));
      expect(send).toHaveBeenCalledWith(TAB, {
        type: MESSAGE.revealMention,
        entityId: 'jeff-sessions',
      });
    },
  );

  it('says so where Backstory cannot run, and lookup still works', async () => {
    contentScript(null);
    const { $, click, until } = await mount();
    await click('#tab-page');
    await until(() => expect($('[data-empty="unavailable"]')).not.toBeNull());
    expect($('.site-button')).toBeNull();
  });

  it('says so when a setting cannot be saved, and keeps the old one', async () => {
    contentScript(PAGE);
    const { $, click, until } = await mount();
    await until(() => expect($('[role=switch]')).not.toBeNull());
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    await click('[role=switch]');
    await until(() =>
      expect($('.popup__notice')?.textContent).toBe(
        'Could not save the setting: QUOTA_BYTES quota exceeded',
      ),
    );
    expect($('[role=switch]')!.getAttribute('aria-checked')).toBe('true');
  });
});

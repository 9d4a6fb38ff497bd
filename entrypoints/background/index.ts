/**
 * The background (a service worker on MV3, an event page on MV2): keeps the
 * toolbar badge in step with each tab's mention count, runs the keyboard
 * shortcuts (pause or resume the current site, look up the selection), owns
 * the "Look up “…” in Backstory" menu item, and folds settings edits.
 *
 *   content script ──mention-count──▶ badge for that tab
 *   Alt+Shift+O ──commands.onCommand──▶ toggleSiteInTab ──▶ settings (every tab applies them live)
 *   context menu / lookup command ──lookup-selection──▶ the tab's content script shows the card
 *   settings journal ──storage.onChanged──▶ keeper folds it into storage.sync (or local)
 *   content script ══orphan-watch port══ held open, so the tab hears when the extension goes away
 *
 * Listeners are registered synchronously in main(), as MV3 requires for
 * events to wake the worker.
 */
import { defineBackground } from '#imports';
import { browser, type Browser } from 'wxt/browser';
import { COMMAND } from '@/lib/commands';
import { PORT, parseMentionCount } from '@/lib/messages';
import { createSettingsKeeper } from '@/lib/settings-keeper';
import { showOnBadge } from './badge';
import { toggleSiteInTab } from './toggle-site';
import {
  createLookupMenu,
  LOOKUP_MENU_ID,
  lookUpInTab,
  menusApi,
} from './lookup-selection';

export default defineBackground(() => {
  // The one writer of the settings layout: folds every context's edits (lib/settings-keeper.ts).
  createSettingsKeeper(browser.storage, {
    schedule: (run, ms) => setTimeout(run, ms),
    onError: (error) =>
      console.warn('Backstory: settings not folded yet; retrying.', error),
  }).start();

  browser.runtime.onMessage.addListener(
    (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const count = parseMentionCount(message);
      const tabId = sender.tab?.id;
      if (!count || tabId === undefined) return undefined;
      showOnBadge(tabId, count).catch((error: unknown) =>
        console.warn('Backstory: could not update the badge.', error),
      );
      return undefined;
    },
  );

  // The content scripts' orphan watch (entrypoints/content/orphan-watch.ts):
  // an open port is all it needs. It does not keep a worker alive.
  browser.runtime.onConnect.addListener((port: Browser.runtime.Port) => {
    if (
      port.name !== PORT.orphanWatch ||
      port.sender?.id !== browser.runtime.id
    )
      port.disconnect();
  });

  browser.commands.onCommand.addListener(
    (command: string, tab?: Browser.tabs.Tab) => {
      if (command === COMMAND.lookupSelection) {
        void lookUpInTab(tab?.id, undefined, 'command');
        return;
      }
      if (command !== COMMAND.toggleSite) return;
      toggleSiteInTab(tab?.id).catch((error: unknown) =>
        console.warn('Backstory: could not toggle this site.', error),
      );
    },
  );

  const makeMenu = () =>
    createLookupMenu().catch((error: unknown) =>
      console.warn('Backstory: could not add the lookup menu item.', error),
    );
  browser.runtime.onInstalled.addListener(makeMenu);
  browser.runtime.onStartup.addListener(makeMenu);
  menusApi()?.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID) return;
    void lookUpInTab(tab?.id, info.selectionText ?? '', 'menu');
  });
});

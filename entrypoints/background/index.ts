/**
 * The background (a service worker on MV3, an event page on MV2): keeps the
 * toolbar badge in step with each tab's mention count, and runs the keyboard
 * shortcut that pauses or resumes the current site.
 *
 *   content script ──mention-count──▶ badge for that tab
 *   Alt+Shift+O ──commands.onCommand──▶ toggleSiteInTab ──▶ settings (every tab applies them live)
 *   settings journal ──storage.onChanged──▶ keeper folds it into storage.sync (or local)
 *
 * Listeners are registered synchronously in main(), as MV3 requires for
 * events to wake the worker.
 */
import { defineBackground } from '#imports';
import { browser, type Browser } from 'wxt/browser';
import { COMMAND } from '@/lib/commands';
import { parseMentionCount } from '@/lib/messages';
import { createSettingsKeeper } from '@/lib/settings-keeper';
import { showOnBadge } from './badge';
import { toggleSiteInTab } from './toggle-site';

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

  browser.commands.onCommand.addListener(
    (command: string, tab?: Browser.tabs.Tab) => {
      if (command !== COMMAND.toggleSite) return;
      toggleSiteInTab(tab?.id).catch((error: unknown) =>
        console.warn('Backstory: could not toggle this site.', error),
      );
    },
  );
});

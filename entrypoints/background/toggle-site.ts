/**
 * The keyboard shortcut's command: turn Backstory on or off for the site in
 * the active tab. Needs no `tabs` permission: the tab id comes with the
 * command (or from `tabs.query`, which gives ids without it), and the host
 * from the content script in that tab, which knows its own location.
 */
import { browser } from 'wxt/browser';
import { MESSAGE, parseReply } from '@/lib/messages';
import { toggleSite } from '@/lib/settings';
import { createSettingsStore } from '@/lib/settings-store';

/**
 * Toggles the site shown in `tabId` (the active tab of the current window
 * when not given). Returns the host, or null where Backstory cannot run
 * (browser pages, the web store, pages opened before it was installed).
 */
export async function toggleSiteInTab(tabId?: number): Promise<string | null> {
  const id =
    tabId ??
    (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return null;
  let reply: unknown;
  try {
    reply = await browser.tabs.sendMessage(id, { type: MESSAGE.toggleSite });
  } catch {
    return null; // No content script in that tab.
  }
  const parsed = parseReply(MESSAGE.toggleSite, reply);
  if (!parsed) return null;
  await createSettingsStore(browser.storage).update((current) =>
    toggleSite(current, parsed.host),
  );
  return parsed.host;
}

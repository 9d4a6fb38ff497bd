/**
 * The popup's line to the page in the active tab: which tab that is, what the
 * content script there found, and asking it to scroll to a mention. Without a
 * content script (browser pages, the web store, file://) every call gives
 * null, and the popup says Backstory cannot run there.
 */
import { browser, type Browser } from 'wxt/browser';
import { COMMAND } from '@/lib/commands';
import {
  MESSAGE,
  parseMentionCount,
  parseReply,
  type PageState,
} from '@/lib/messages';

/**
 * The tab the popup is about: `?tab=<id>` when given (the end-to-end tests
 * open popup.html in a tab of its own and name the page's tab this way),
 * otherwise the active tab of the popup's window, which is the page the
 * reader is looking at.
 */
export async function findTargetTab(
  search = location.search,
): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d{1,15}$/.test(param)) return Number(param);
  try {
    const [tab] = await browser.tabs.query({
      active: true,
      currentWindow: true,
    });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/** The page's state, or null when no content script answers. */
export async function requestPageState(
  tabId: number,
): Promise<PageState | null> {
  try {
    return parseReply(
      MESSAGE.getPageState,
      await browser.tabs.sendMessage(tabId, { type: MESSAGE.getPageState }),
    );
  } catch {
    return null;
  }
}

/** Asks the page to scroll to the entity's next mention; true when it did. */
export async function revealMention(
  tabId: number,
  entityId: string,
): Promise<boolean> {
  try {
    return (
      parseReply(
        MESSAGE.revealMention,
        await browser.tabs.sendMessage(tabId, {
          type: MESSAGE.revealMention,
          entityId,
        }),
      )?.ok ?? false
    );
  } catch {
    return false;
  }
}

/** Calls `onChange` whenever the content script in `tabId` reports a new mention count. */
export function watchPage(tabId: number, onChange: () => void): () => void {
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
  ) => {
    if (
      sender.id === browser.runtime.id &&
      sender.tab?.id === tabId &&
      parseMentionCount(message)
    )
      onChange();
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** The shortcut the browser assigned to the toggle-site command: '' when none, null when unknown. */
export function toggleShortcut(): Promise<string | null> {
  return shortcutOf(COMMAND.toggleSite);
}

/** The shortcut the browser assigned to the lookup command: '' when none, null when unknown. */
export function lookupShortcut(): Promise<string | null> {
  return shortcutOf(COMMAND.lookupSelection);
}

async function shortcutOf(name: string): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === name)?.shortcut ?? '';
  } catch {
    return null;
  }
}

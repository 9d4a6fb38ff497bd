/**
 * Looking up the selection from outside the page: the context menu item
 * ("Look up “…” in Backstory", on selected text) and the keyboard command.
 * Both ask the content script in the tab, which decides and shows the card;
 * it answers on every page it runs on, annotated or not.
 *
 * Chrome calls the API `contextMenus`; Firefox calls it `menus` and keeps
 * `contextMenus` as an alias (both need the `contextMenus` permission, which
 * both accept). Chrome keeps menu items across restarts and refuses a second
 * item with the same id; Firefox forgets them when the background stops. So
 * the item is made again at install and at each browser start, after
 * removing whatever is there.
 */
import { browser } from 'wxt/browser';
import { MESSAGE, parseReply, type ReplyTo } from '@/lib/messages';

export const LOOKUP_MENU_ID = 'backstory-lookup-selection';
/** `%s` is the selection; the browser shortens a long one. */
const MENU_TITLE = 'Look up “%s” in Backstory';

type Menus = NonNullable<typeof browser.contextMenus>;

/** The context menus API under either name, or null where there is none (Firefox for Android). */
export function menusApi(): Menus | null {
  return (
    browser.contextMenus ??
    (browser as unknown as { menus?: Menus }).menus ??
    null
  );
}

/** (Re)creates the menu item. */
export async function createLookupMenu(): Promise<void> {
  const menus = menusApi();
  if (!menus) return;
  await menus.removeAll();
  menus.create({
    id: LOOKUP_MENU_ID,
    title: MENU_TITLE,
    contexts: ['selection'],
  });
}

/**
 * Asks the page in `tabId` (the active tab when not given) to look up `text`
 * (the menu's) or its own selection (the command). Returns what it showed,
 * or null where no content script answers (browser pages, the web store, a
 * tab opened before Backstory was installed).
 */
export async function lookUpInTab(
  tabId: number | undefined,
  text: string | undefined,
  via: 'menu' | 'command',
): Promise<ReplyTo<'lookup-selection'>['shown'] | null> {
  const id =
    tabId ??
    (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return null;
  try {
    const reply = await browser.tabs.sendMessage(
      id,
      {
        type: MESSAGE.lookupSelection,
        via,
        ...(text === undefined ? {} : { text }),
      },
      { frameId: 0 }, // Our content script runs in the top frame only.
    );
    return parseReply(MESSAGE.lookupSelection, reply)?.shown ?? null;
  } catch {
    return null;
  }
}

/**
 * The content script's side of the extension's messages: it tells the popup
 * which entities this page mentions and how often, scrolls to a mention when
 * the reader picks one, names its host for the keyboard shortcut, looks up
 * the selection for the context menu and the lookup command, and reports
 * the mention count to the background for the toolbar badge.
 *
 * It answers only the extension itself (`sender.id`), parses every request
 * (anything else is ignored) and never listens to other extensions or the page.
 */
import type { ContentScriptContext } from '#imports';
import { browser, type Browser } from 'wxt/browser';
// content-requests, not messages: no zod schema is built on every page load (lib/content-requests.ts).
import {
  countMentions,
  MESSAGE,
  parseContentRequest,
} from '@/lib/content-requests';
import type { ContentRequest, PageState, ReplyTo } from '@/lib/messages';
import { ENTITY_ATTRIBUTE, GROUP_ATTRIBUTE } from './annotate-dom';
import { clearCtxTimeout, setCtxTimeout } from './ctx-timers';

/** Set for a moment on the mention the popup jumped to; styled in mentions.css. */
export const FLASH_ATTRIBUTE = 'data-backstory-flash';
/** Long enough to find the highlight after a smooth scroll, short enough not to linger. */
export const FLASH_MS = 1500;
/** No scroll event this long after scrollIntoView: the mention was in place already. */
const NO_SCROLL_MS = 150;
/** Start fading by then even if no `scrollend` comes (browsers without it). */
const MAX_SCROLL_MS = 3000;

/** What this module needs from the page session (entrypoints/content/index.ts). */
export type SessionView = {
  /** True while annotations show on this page. */
  readonly isActive: boolean;
  /** Our mention elements, in insertion order. */
  readonly mentions: readonly Element[];
  /** Resolves when the passes already queued are done. */
  settled(): Promise<void>;
  /** Called after each pass and each on/off change. */
  onSettled(listener: () => void): void;
  /** Looks up the selection (annotated or not); says what it showed. */
  lookUpSelection(
    text: string | undefined,
    via: 'menu' | 'command',
  ): Promise<ReplyTo<'lookup-selection'>['shown']>;
};

type Reply = ReplyTo<ContentRequest['type']>;

export function connectPageMessages(
  ctx: ContentScriptContext,
  session: SessionView,
): void {
  const revealer = new MentionRevealer(ctx);
  const host = location.hostname;

  const answer = async (request: ContentRequest): Promise<Reply> => {
    switch (request.type) {
      case MESSAGE.getPageState:
        await session.settled().catch(() => undefined);
        return pageState(session, host);
      case MESSAGE.revealMention:
        return {
          ok:
            session.isActive &&
            revealer.revealNext(request.entityId, session.mentions),
        };
      case MESSAGE.toggleSite:
        return { host };
      case MESSAGE.lookupSelection:
        return {
          shown: await session.lookUpSelection(request.text, request.via),
        };
    }
  };

  const onMessage = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
  ) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseContentRequest(message);
    return request ? answer(request) : undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  // A new page's badge is already blank (browsers reset a tab's badge when it navigates to a new page),
  // so a page that mentions nobody (most pages) sends nothing: no message, no background woken, no
  // messaging set-up in the page (about as much as the rest of our start-up on such a page).
  let reported = JSON.stringify({
    type: MESSAGE.mentionCount,
    count: 0,
    paused: false,
  });
  session.onSettled(() => {
    if (ctx.isInvalid) return;
    const { state, mentions } = pageState(session, host);
    const count = mentions.reduce((sum, entry) => sum + entry.count, 0);
    const message = {
      type: MESSAGE.mentionCount,
      count,
      paused: state === 'off',
    } as const;
    if (JSON.stringify(message) === reported) return;
    reported = JSON.stringify(message);
    // No receiver (the background is starting or the extension was reloaded) is not an error here.
    browser.runtime.sendMessage(message).catch(() => undefined);
  });
}

function pageState(session: SessionView, host: string): PageState {
  if (!session.isActive) return { host, state: 'off', mentions: [] };
  const pieces = session.mentions
    .filter((element) => element.isConnected)
    .map((element) => ({
      entityId: element.getAttribute(ENTITY_ATTRIBUTE) ?? '',
      group: element.getAttribute(GROUP_ATTRIBUTE),
    }));
  return {
    host,
    state: 'ready',
    mentions: countMentions(pieces.filter((piece) => piece.entityId)),
  };
}

/** Scrolls to an entity's mentions one after another, cycling, and flashes each. */
class MentionRevealer {
  /** Weak: a mention the page has since removed must not keep its old subtree alive. */
  private readonly lastRevealed = new Map<string, WeakRef<Element>>();
  private flashed: Element[] = [];
  private flashTimer: number | undefined;
  private generation = 0;

  constructor(private readonly ctx: ContentScriptContext) {}

  /** Reveals the mention after the one revealed last (the first one the first time). False when none is visible. */
  revealNext(entityId: string, mentions: readonly Element[]): boolean {
    const groups = new Map<string, Element[]>();
    const starts: Element[] = [];
    for (const element of mentions) {
      if (
        !element.isConnected ||
        element.getAttribute(ENTITY_ATTRIBUTE) !== entityId
      )
        continue;
      const group = element.getAttribute(GROUP_ATTRIBUTE);
      if (group !== null && groups.has(group)) {
        groups.get(group)!.push(element);
        continue;
      }
      if (group !== null) groups.set(group, [element]);
      // Hidden mentions (collapsed menus, display: none) cannot be scrolled to.
      if (element.getClientRects().length > 0) starts.push(element);
    }
    if (!starts.length) return false;
    starts.sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    const last = this.lastRevealed.get(entityId)?.deref();
    const next =
      (last?.isConnected &&
        starts.find(
          (element) =>
            last.compareDocumentPosition(element) &
            Node.DOCUMENT_POSITION_FOLLOWING,
        )) ||
      starts[0]!;
    this.lastRevealed.set(entityId, new WeakRef(next));
    const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    next.scrollIntoView({
      block: 'center',
      inline: 'nearest',
      behavior: reduceMotion ? 'auto' : 'smooth',
    });
    const group = next.getAttribute(GROUP_ATTRIBUTE);
    this.flash(group !== null ? (groups.get(group) ?? [next]) : [next]);
    return true;
  }

  /** Marks `elements` until FLASH_MS after the scroll ends (a long smooth scroll must not eat the highlight). */
  private flash(elements: Element[]): void {
    this.unflash();
    for (const element of elements) element.setAttribute(FLASH_ATTRIBUTE, '');
    this.flashed = elements;
    this.generation += 1;
    const generation = this.generation;
    const fadeLater = () => {
      if (generation !== this.generation || this.flashTimer !== undefined)
        return;
      this.flashTimer = setCtxTimeout(this.ctx, () => this.unflash(), FLASH_MS);
    };
    // Scroll events fire on whatever scrolled; capture on document catches inner scrollers too.
    const options = {
      capture: true,
      once: true,
      passive: true,
      signal: this.ctx.signal,
    };
    let scrolling = false;
    document.addEventListener('scroll', () => (scrolling = true), options);
    document.addEventListener('scrollend', fadeLater, options);
    setCtxTimeout(this.ctx, () => scrolling || fadeLater(), NO_SCROLL_MS);
    setCtxTimeout(this.ctx, fadeLater, MAX_SCROLL_MS);
  }

  private unflash(): void {
    if (this.flashTimer !== undefined)
      clearCtxTimeout(this.ctx, this.flashTimer);
    this.flashTimer = undefined;
    for (const element of this.flashed)
      element.removeAttribute(FLASH_ATTRIBUTE);
    this.flashed = [];
  }
}

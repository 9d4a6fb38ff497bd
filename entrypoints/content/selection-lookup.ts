/**
 * Looking up selected text on the page: from the context menu and the
 * keyboard command (the background sends `lookup-selection`), and from a
 * double-click where the reader turned that on. Works whether or not this
 * page is annotated: it needs only the dataset and the card host.
 *
 *   selection ──decideLookup (lib/lookup-selection.ts)──▶ card | list | no match
 *   ──card host (same card as on hover), beside the selection
 *   Esc / close / Tab past either end ──▶ closes, focus back where it was, selection kept
 *   pointer down outside ──▶ closes
 */
import type { ContentScriptContext } from '#imports';
import type { LookupResult, LookupTrigger } from '@/lib/lookup-selection';
import type { CardHost } from './card-host';

export type SelectionLookupDeps = {
  /**
   * What a lookup of the text shows (lib/lookup-selection.ts); the search index and the on-demand part
   * it lives in are loaded on first use (most pages never look anything up).
   */
  decide(text: string, trigger: LookupTrigger): Promise<LookupResult>;
  /** The page's one card host, created on first use. */
  cardHost(): Promise<CardHost | null>;
  /** The card host if it exists already (none on most pages). */
  currentCardHost(): CardHost | null;
  /** Called before a lookup opens: the hover card steps aside. */
  beforeOpen(): void;
  /** The reader's double-click setting, read at each double-click. */
  lookupOnDoubleClick(): boolean;
  /** True for our own mention elements (their card opens on hover already). */
  isMention(target: EventTarget | null): boolean;
};

export type SelectionLookup = {
  /** Looks up `text` (the menu gives it) or the page's selection (the command); says what it showed. */
  lookUp(
    text: string | undefined,
    trigger: LookupTrigger,
  ): Promise<LookupResult['kind'] | 'quiet'>;
};

const EDITABLE =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="textbox"]';

export function connectSelectionLookup(
  ctx: ContentScriptContext,
  deps: SelectionLookupDeps,
): SelectionLookup {
  let open: {
    token: number;
    host: CardHost;
    returnFocus: Element | null;
    selection: Range | null;
  } | null = null;

  const close = (restoreFocus: boolean) => {
    const current = open;
    open = null;
    if (!current) return;
    const wasOurs = current.host.showing(current.token);
    if (wasOurs) current.host.hide();
    if (!restoreFocus) return;
    // Back where it was: the element that had focus, else the page itself.
    const target = current.returnFocus;
    if (target instanceof HTMLElement && target.isConnected) {
      target.focus({ preventScroll: true });
    } else if (current.host.isCard(document.activeElement)) {
      (document.activeElement as HTMLElement | null)?.blur();
    }
    // And the selection the reader made, unless they have made another since.
    const selection = getSelection();
    if (current.selection && selection?.isCollapsed) {
      selection.removeAllRanges();
      selection.addRange(current.selection);
    }
  };

  const lookUp: SelectionLookup['lookUp'] = async (text, trigger) => {
    // What the reader selected and where focus was, read before anything is loaded.
    const selection = getSelection();
    const range =
      selection && selection.rangeCount > 0 && !selection.isCollapsed
        ? selection.getRangeAt(0).cloneRange()
        : null;
    const selected = selection?.toString() ?? '';
    // The menu names the text; if the page's own selection is elsewhere (a frame), float at the top.
    const anchor =
      range && (text === undefined || sameText(selected, text)) ? range : null;
    const active = document.activeElement;
    const result = await deps.decide(text ?? selected, trigger);
    if (
      trigger === 'double-click' &&
      result.kind !== 'card' &&
      result.kind !== 'list'
    )
      return 'quiet';
    const host = await deps.cardHost();
    if (!host || ctx.isInvalid) return 'quiet';
    const returnFocus =
      open?.returnFocus ??
      (active && !host.isCard(active) && active !== document.body
        ? active
        : null);
    deps.beforeOpen();
    const token = host.showLookup({
      anchor,
      result,
      focus: trigger !== 'double-click',
      onRequestClose: (restore) => close(restore),
    });
    open = { token, host, returnFocus, selection: range };
    return result.kind;
  };

  ctx.addEventListener(
    document,
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || !open) return;
      if (!open.host.showing(open.token)) {
        open = null;
        return;
      }
      event.preventDefault();
      close(true);
    },
    { capture: true },
  );
  ctx.addEventListener(
    document,
    'pointerdown',
    (event) => {
      if (!open || open.host.isCard(event.target)) return;
      close(false);
    },
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    document,
    'dblclick',
    (event) => {
      if (!deps.lookupOnDoubleClick()) return;
      const target = event.target;
      if (!(target instanceof Element)) return;
      if (target.closest(EDITABLE) || document.designMode === 'on') return;
      if (deps.currentCardHost()?.isCard(target) || deps.isMention(target))
        return;
      void lookUp(undefined, 'double-click').catch(() => undefined);
    },
    { passive: true },
  );

  return { lookUp };
}

/** The menu's text and the page's selection are the same words (spacing aside). */
function sameText(a: string, b: string): boolean {
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  return squash(a) === squash(b);
}

/**
 * One shadow-root host for the whole page, holding at most one card.
 *
 * The host is `<backstory-card>` (the DOM contract), appended to <html> rather
 * than <body> so the page's body transforms and overflow cannot clip it. Styles
 * come through adoptedStyleSheets from an inlined CSS string: no <style> text,
 * nothing web-accessible, unaffected by the page's CSP. If the page has taken
 * the name `backstory-card` (attachShadow then throws), a fallback name is used.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
} from '@floating-ui/dom';
import { type ComponentChildren, render } from 'preact';
import type { Dataset, Entity } from '@/data/dataset-schema';
import type { LookupResult } from '@/lib/lookup-selection';
import type { MentionReason } from '@/lib/match-mentions';
import type { PageDate } from '@/lib/page-date';
import {
  chooseCardLayout,
  type CardLayoutInput,
} from '@/components/card-layout';
import { CardNavigator } from '@/components/CardNavigator';
import { CardActions, type CardActionHandlers } from '@/components/CardActions';
import { SelectionLookup } from '@/components/SelectionLookup';
import cardCss from '@/components/EntityCard.css?inline';

export const CARD_HOST_TAG = 'backstory-card';
/** Used when the page itself defines `backstory-card`. */
const FALLBACK_HOST_TAG = 'backstory-card-host';
const VIEWPORT_MARGIN_PX = 8;
const GAP_PX = 6;
const FOCUSABLE = 'button, [href], [tabindex]:not([tabindex="-1"])';

export type ShowRequest = {
  mention: Element;
  entity: Entity;
  reason?: MentionReason;
  pointer: { x: number; y: number } | null;
  pointerType: CardLayoutInput['pointerType'];
};

/** A lookup of selected text (lib/lookup-selection.ts): its card, a list, or a plain "no match". */
export type LookupRequest = {
  /** The selection, or null to float at the top of the viewport (a selection in a frame). */
  anchor: Range | null;
  result:
    | Exclude<LookupResult, { kind: 'no-selection' }>
    | { kind: 'no-selection' };
  /** Move keyboard focus into it (the menu and the command do; a double-click does not). */
  focus: boolean;
  /** Close asked from inside (its close button, Tab past either end). */
  onRequestClose(restoreFocus: boolean): void;
};

export type CardHost = {
  show(request: ShowRequest): void;
  /** Shows a lookup; returns a token that `showing` recognises until anything else is shown or it hides. */
  showLookup(request: LookupRequest): number;
  /** True while the lookup shown with `token` is still the one on screen. */
  showing(token: number): boolean;
  hide(): void;
  /** True when `node` is the card host (events from inside the shadow root retarget to it). */
  isCard(node: EventTarget | null): boolean;
  /** Moves keyboard focus into the card; false when there is nothing to focus. */
  focusFirst(): boolean;
  readonly visible: boolean;
  remove(): void;
};

export type CardHostCallbacks = CardActionHandlers & {
  /** The card asks to close (its close button, its backdrop, Tab past its end). */
  onRequestClose(restoreFocus: boolean): void;
  /** Shift+Tab from the card's first control: back to the mention. */
  onFocusMention(): void;
  /** The page's date, for the card's line about time (null: the page has none). */
  pageDate(): PageDate | null;
};

function createHost(document: Document): {
  host: HTMLElement;
  shadow: ShadowRoot;
} {
  for (const tag of [CARD_HOST_TAG, FALLBACK_HOST_TAG]) {
    const host = document.createElement(tag);
    try {
      return { host, shadow: host.attachShadow({ mode: 'open' }) };
    } catch {
      // The page defined this element name (attachShadow throws NotSupportedError).
    }
  }
  throw new Error('Backstory: no element could host the card');
}

export function createCardHost(
  document: Document,
  dataset: Dataset,
  callbacks: CardHostCallbacks,
): CardHost {
  const { host, shadow } = createHost(document);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cardCss);
  shadow.adoptedStyleSheets = [sheet];
  const container = document.createElement('div');
  container.className = 'bs-layer';
  shadow.append(container);
  document.documentElement.append(host);

  let stopAutoUpdate: (() => void) | null = null;
  let visible = false;
  let shown = 0;

  const focusables = () => [
    ...container.querySelectorAll<HTMLElement>(FOCUSABLE),
  ];
  /** What Tab past the last control and Shift+Tab before the first do, for what is shown now. */
  let tabOut = {
    forward: () => callbacks.onRequestClose(true), // Back to the mention, so Tab continues in the page.
    backward: () => callbacks.onFocusMention(),
  };
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const items = focusables();
    const active = shadow.activeElement;
    if (!event.shiftKey && active === items[items.length - 1]) {
      event.preventDefault();
      tabOut.forward();
    } else if (event.shiftKey && active === items[0]) {
      event.preventDefault();
      tabOut.backward();
    }
  });

  const hide = () => {
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    render(null, container);
    visible = false;
    lookupToken = 0;
  };
  let lookupToken = 0;
  let tokens = 0;

  /** Places `floating` beside `reference` and keeps it there on scroll and resize. */
  const follow = (
    reference: Element | VirtualAnchor,
    floating: HTMLElement,
    placement: Extract<
      ReturnType<typeof chooseCardLayout>,
      { mode: 'popover' }
    >['placement'],
    pointer: { x: number; y: number } | null,
    isConnected: () => boolean,
  ) => {
    const place = () => {
      if (!isConnected()) return; // The page re-rendered under us: keep the card where it is.
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement,
        middleware: [
          // Anchor to the line of a wrapped mention that the pointer is on.
          inline(pointer ?? undefined),
          offset(GAP_PX),
          flip({ padding: VIEWPORT_MARGIN_PX }),
          shift({ padding: VIEWPORT_MARGIN_PX }),
          size({
            padding: VIEWPORT_MARGIN_PX,
            apply({ availableHeight }) {
              floating.style.maxHeight = `${Math.max(180, Math.min(availableHeight, 560))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
      });
    };
    stopAutoUpdate = autoUpdate(reference, floating, place);
  };

  /** Renders a dialog (popover or sheet) with `children`; returns its element. */
  const open = (
    isSheet: boolean,
    extraClass: string,
    children: ComponentChildren,
    onClose: () => void,
  ): HTMLElement => {
    render(
      <>
        {isSheet ? (
          // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a pointer-only way out; keyboard users close the sheet with Esc or its close button.
          <div class="bs-backdrop" onClick={onClose} />
        ) : null}
        <div
          class={`bs-popover${isSheet ? ' bs-popover--sheet' : ''}${extraClass}`}
          role="dialog"
          aria-modal="false"
          aria-labelledby="bs-card-name"
          aria-describedby="bs-card-description"
        >
          {children}
        </div>
      </>,
      container,
    );
    visible = true;
    return container.querySelector<HTMLElement>('.bs-popover')!;
  };

  return {
    get visible() {
      return visible;
    },
    isCard: (node) => node === host,
    hide,
    focusFirst() {
      const first = focusables()[0];
      first?.focus();
      return Boolean(first);
    },
    show({ mention, entity, reason, pointer, pointerType }) {
      stopAutoUpdate?.();
      shown += 1;
      lookupToken = 0;
      tabOut = {
        forward: () => callbacks.onRequestClose(true),
        backward: () => callbacks.onFocusMention(),
      };
      const line = lineUnderPointer(mention, pointer);
      const layout = chooseCardLayout({
        viewportWidth: document.documentElement.clientWidth,
        viewportHeight: document.documentElement.clientHeight,
        anchor: line,
        pointerType,
      });
      const isSheet = layout.mode === 'sheet';
      const floating = open(
        isSheet,
        '',
        <>
          {isSheet ? (
            <button
              type="button"
              class="bs-close"
              aria-label="Close"
              onClick={() => callbacks.onRequestClose(false)}
            >
              ×
            </button>
          ) : null}
          <CardNavigator
            key={shown}
            entityId={entity.id}
            dataset={dataset}
            reason={reason}
            headingId="bs-card-name"
            descriptionId="bs-card-description"
            pageDate={callbacks.pageDate()}
            actions={
              <CardActions
                entity={entity}
                mention={mention}
                handlers={callbacks}
              />
            }
          />
        </>,
        () => callbacks.onRequestClose(false),
      );
      if (layout.mode === 'sheet') return;
      follow(
        mention,
        floating,
        layout.placement,
        pointer,
        () => mention.isConnected,
      );
    },
    showLookup({ anchor, result, focus, onRequestClose }) {
      stopAutoUpdate?.();
      shown += 1;
      tokens += 1;
      const token = tokens;
      tabOut = {
        forward: () => onRequestClose(true),
        backward: () => onRequestClose(true),
      };
      const rect = anchor?.getBoundingClientRect();
      const usable = rect && (rect.width > 0 || rect.height > 0);
      const reference: VirtualAnchor = usable
        ? {
            getBoundingClientRect: () => anchor!.getBoundingClientRect(),
            getClientRects: () => anchor!.getClientRects(),
            contextElement:
              anchor!.startContainer instanceof Element
                ? anchor!.startContainer
                : (anchor!.startContainer.parentElement ?? undefined),
          }
        : topOfViewport(document);
      const box = reference.getBoundingClientRect();
      const layout = chooseCardLayout({
        viewportWidth: document.documentElement.clientWidth,
        viewportHeight: document.documentElement.clientHeight,
        anchor: box,
        pointerType: focus ? 'keyboard' : 'mouse',
      });
      const isSheet = layout.mode === 'sheet';
      const floating = open(
        isSheet,
        ' bs-popover--lookup',
        <SelectionLookup
          key={shown}
          result={result}
          dataset={dataset}
          pageDate={callbacks.pageDate()}
          headingId="bs-card-name"
          descriptionId="bs-card-description"
          autoFocus={focus}
          onClose={() => onRequestClose(true)}
        />,
        () => onRequestClose(false),
      );
      lookupToken = token;
      if (layout.mode === 'popover')
        follow(reference, floating, layout.placement, null, () => true);
      return token;
    },
    showing: (token) => visible && token !== 0 && token === lookupToken,
    remove() {
      hide();
      host.remove();
    },
  };
}

/** What floating-ui needs of an anchor that is not an element (a selection). */
type VirtualAnchor = {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
  contextElement?: Element;
};

/** Where a lookup floats when there is no selection to sit beside: top centre. */
function topOfViewport(document: Document): VirtualAnchor {
  const rect = () => {
    const x = document.documentElement.clientWidth / 2;
    return new DOMRect(x, 48, 0, 0);
  };
  return { getBoundingClientRect: rect, getClientRects: () => [rect()] };
}

/** The client rect of the line of `mention` under the pointer (or its first line). */
function lineUnderPointer(
  mention: Element,
  pointer: { x: number; y: number } | null,
): CardLayoutInput['anchor'] {
  const rects = [...mention.getClientRects()];
  const hit = pointer
    ? rects.find((r) => pointer.y >= r.top && pointer.y <= r.bottom)
    : undefined;
  const rect = hit ?? rects[0] ?? mention.getBoundingClientRect();
  return {
    top: rect.top,
    bottom: rect.bottom,
    left: rect.left,
    right: rect.right,
  };
}

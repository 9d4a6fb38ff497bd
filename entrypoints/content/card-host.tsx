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
import { render } from 'preact';
import type { Dataset, Entity } from '@/data/dataset-schema';
import type { MentionReason } from '@/lib/match-mentions';
import {
  chooseCardLayout,
  type CardLayoutInput,
} from '@/components/card-layout';
import { CardNavigator } from '@/components/CardNavigator';
import { CardActions, type CardActionHandlers } from '@/components/CardActions';
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

export type CardHost = {
  show(request: ShowRequest): void;
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
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const items = focusables();
    const active = shadow.activeElement;
    if (!event.shiftKey && active === items[items.length - 1]) {
      event.preventDefault();
      callbacks.onRequestClose(true); // Past the end: back to the mention, so Tab continues in the page.
    } else if (event.shiftKey && active === items[0]) {
      event.preventDefault();
      callbacks.onFocusMention();
    }
  });

  const hide = () => {
    stopAutoUpdate?.();
    stopAutoUpdate = null;
    render(null, container);
    visible = false;
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
      const line = lineUnderPointer(mention, pointer);
      const layout = chooseCardLayout({
        viewportWidth: document.documentElement.clientWidth,
        viewportHeight: document.documentElement.clientHeight,
        anchor: line,
        pointerType,
      });
      const isSheet = layout.mode === 'sheet';
      render(
        <>
          {isSheet ? (
            // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a pointer-only way out; keyboard users close the sheet with Esc or its close button.
            <div
              class="bs-backdrop"
              onClick={() => callbacks.onRequestClose(false)}
            />
          ) : null}
          <div
            class={isSheet ? 'bs-popover bs-popover--sheet' : 'bs-popover'}
            role="dialog"
            aria-modal="false"
            aria-labelledby="bs-card-name"
            aria-describedby="bs-card-description"
          >
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
              actions={
                <CardActions
                  entity={entity}
                  mention={mention}
                  handlers={callbacks}
                />
              }
            />
          </div>
        </>,
        container,
      );
      visible = true;
      if (layout.mode === 'sheet') return;
      const floating = container.querySelector<HTMLElement>('.bs-popover')!;
      const place = () => {
        if (!mention.isConnected) return; // The page re-rendered under us: keep the card where it is.
        void computePosition(mention, floating, {
          strategy: 'fixed',
          placement: layout.placement,
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
      stopAutoUpdate = autoUpdate(mention, floating, place);
    },
    remove() {
      hide();
      host.remove();
    },
  };
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

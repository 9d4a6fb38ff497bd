/**
 * One shadow-root host for the whole page, holding at most one card.
 *
 * The host is `<backstory-card>` (the DOM contract), appended to <html> rather
 * than <body> so the page's body transforms and overflow cannot clip it. Styles
 * come through adoptedStyleSheets from an inlined CSS string: no <style> text,
 * nothing web-accessible, unaffected by the page's CSP.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { Dataset, Entity } from '@/data/dataset-schema';
import { EntityCard } from '@/components/EntityCard';
import cardCss from './card.css?inline';

export const CARD_HOST_TAG = 'backstory-card';
/** Used when the page itself defines `backstory-card` and we cannot attach a shadow root to it. */
const FALLBACK_HOST_TAG = 'backstory-card-host';
const VIEWPORT_MARGIN_PX = 8;
const GAP_PX = 6;

export type CardHost = {
  show(mention: Element, entity: Entity, pointer: { x: number; y: number } | null): void;
  hide(): void;
  /** True when `node` is the card host (events from inside the shadow root retarget to it). */
  isCard(node: EventTarget | null): boolean;
  readonly visible: boolean;
  remove(): void;
};

function createHost(document: Document): { host: HTMLElement; shadow: ShadowRoot } {
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

export function createCardHost(document: Document, dataset: Dataset): CardHost {
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
    show(mention, entity, pointer) {
      stopAutoUpdate?.();
      render(
        <div class="bs-popover" role="tooltip" aria-labelledby="bs-card-name" aria-describedby="bs-card-description">
          <EntityCard entity={entity} dataset={dataset} headingId="bs-card-name" descriptionId="bs-card-description" />
        </div>,
        container,
      );
      visible = true;
      const floating = container.firstElementChild as HTMLElement;
      const place = () => {
        void computePosition(mention, floating, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            // Anchor to the line of a wrapped mention that the pointer is on.
            inline(pointer ?? undefined),
            offset(GAP_PX),
            flip({ padding: VIEWPORT_MARGIN_PX }),
            shift({ padding: VIEWPORT_MARGIN_PX }),
            size({
              padding: VIEWPORT_MARGIN_PX,
              apply({ availableHeight }) {
                floating.style.maxHeight = `${Math.max(160, availableHeight)}px`;
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

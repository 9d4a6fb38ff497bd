// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CARD_HOST_TAG,
  type CardHostCallbacks,
  createCardHost,
  type ShowRequest,
} from '../../../entrypoints/content/card-host';
import { TEST_DATASET } from '../../helpers';

const [sessions, trump] = TEST_DATASET.entities;

/** Every callback as a spy, for example.com; an undated page (tests/e2e/time-aware-cards.test.ts has the notices). */
function spyCallbacks() {
  return {
    host: 'example.com',
    onDismissMention: vi.fn(),
    onRestoreMention: vi.fn(),
    onHideOnSite: vi.fn(async () => {}),
    onShowOnSite: vi.fn(async () => {}),
    onRequestClose: vi.fn(),
    onFocusMention: vi.fn(),
    pageDate: () => null,
  } satisfies CardHostCallbacks;
}

function setUp(viewportWidth = 1280) {
  document.body.innerHTML =
    '<p><backstory-mention id="m">Jeff Sessions</backstory-mention> spoke.</p>';
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(
    viewportWidth,
  );
  vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(
    800,
  );
  const callbacks = spyCallbacks();
  const card = createCardHost(document, TEST_DATASET, callbacks);
  const mention = document.querySelector('#m')!;
  const request = (overrides: Partial<ShowRequest> = {}): ShowRequest => ({
    mention,
    entity: sessions!,
    pointer: null,
    pointerType: 'mouse',
    ...overrides,
  });
  const host = () =>
    document.documentElement.querySelector(':scope > backstory-card');
  const shadow = () => host()!.shadowRoot!;
  const dialog = () => shadow().querySelector('[role="dialog"]');
  const show = (overrides: Partial<ShowRequest> = {}) =>
    act(() => card.show(request(overrides)));
  const key = (target: Element, init: KeyboardEventInit) => {
    const event = new KeyboardEvent('keydown', {
      key: 'Tab',
      bubbles: true,
      cancelable: true,
      composed: true,
      ...init,
    });
    target.dispatchEvent(event);
    return event;
  };
  const focusables = () => [
    ...shadow().querySelectorAll<HTMLElement>(
      'button, [href], [tabindex]:not([tabindex="-1"])',
    ),
  ];
  return {
    card,
    callbacks,
    mention,
    host,
    shadow,
    dialog,
    show,
    key,
    focusables,
  };
}

describe('createCardHost', () => {
  beforeEach(() => {
    for (const element of document.documentElement.querySelectorAll(
      ':scope > backstory-card, :scope > backstory-card-host',
    ))
      element.remove();
  });
  afterEach(() => vi.restoreAllMocks());

  it('mounts one open shadow root on <html> (out of reach of body transforms), with its styles adopted, showing nothing', () => {
    const { card, host, shadow, dialog } = setUp();
    expect(host()?.localName).toBe(CARD_HOST_TAG);
    expect(host()!.parentElement).toBe(document.documentElement);
    expect(shadow().mode).toBe('open');
    // The card's CSS, inlined at build time (vitest loads CSS as empty text).
    expect(shadow().adoptedStyleSheets).toHaveLength(1);
    expect(shadow().querySelector('style, link')).toBeNull();
    expect(shadow().querySelector('.bs-layer')).not.toBeNull();
    expect(dialog()).toBeNull();
    expect(card.visible).toBe(false);
  });

  it('shows a non-modal dialog named by the entity, with its actions, as a popover on a wide screen', () => {
    const { card, show, dialog, shadow, host, mention } = setUp();
    show();
    expect(card.visible).toBe(true);
    expect(dialog()!.getAttribute('aria-modal')).toBe('false');
    const name = shadow().getElementById(
      dialog()!.getAttribute('aria-labelledby')!,
    );
    expect(name?.textContent).toBe('Jeff Sessions');
    expect(
      shadow().getElementById(dialog()!.getAttribute('aria-describedby')!)
        ?.textContent,
    ).toBe(sessions!.description);
    expect(dialog()!.classList.contains('bs-popover--sheet')).toBe(false);
    expect(shadow().querySelector('.bs-close')).toBeNull();
    expect(shadow().textContent).toContain('Not this person');
    expect(card.isCard(host())).toBe(true);
    expect(card.isCard(mention)).toBe(false);
  });

  it.each([
    ['a phone-sized screen', 390, 'mouse'],
    ['touch on a tablet', 800, 'touch'],
  ] as const)(
    'on %s it is a bottom sheet with a close button and a backdrop, both asking to close',
    (_, width, pointerType) => {
      const { show, dialog, shadow, callbacks } = setUp(width);
      show({ pointerType });
      expect(dialog()!.classList.contains('bs-popover--sheet')).toBe(true);
      act(() => shadow().querySelector<HTMLElement>('.bs-close')!.click());
      act(() => shadow().querySelector<HTMLElement>('.bs-backdrop')!.click());
      expect(callbacks.onRequestClose.mock.calls).toEqual([[false], [false]]);
    },
  );

  it('shows the next entity in place of the last, from its start', () => {
    const { show, shadow } = setUp();
    show();
    show({ entity: trump! });
    expect(shadow().querySelectorAll('[role="dialog"]')).toHaveLength(1);
    expect(shadow().querySelector('h2')!.textContent).toBe('Donald Trump');
  });

  it('hide() empties the card and keeps the host; remove() takes the host away', () => {
    const { card, show, host, dialog } = setUp();
    show();
    act(() => card.hide());
    expect(dialog()).toBeNull();
    expect(card.visible).toBe(false);
    expect(host()).not.toBeNull();
    card.remove();
    expect(host()).toBeNull();
  });

  it('Tab past the last control asks to close and return focus; Shift+Tab before the first goes back to the mention', () => {
    const { show, key, focusables, callbacks, card, shadow } = setUp();
    show();
    const controls = focusables();
    expect(controls.length).toBeGreaterThan(1);
    expect(card.focusFirst()).toBe(true);
    expect(shadow().activeElement).toBe(controls[0]);

    // Within the card, Tab is the browser's.
    expect(key(controls[0]!, {}).defaultPrevented).toBe(false);
    expect(callbacks.onRequestClose).not.toHaveBeenCalled();

    act(() => controls.at(-1)!.focus());
    expect(key(controls.at(-1)!, {}).defaultPrevented).toBe(true);
    expect(callbacks.onRequestClose).toHaveBeenCalledWith(true);

    act(() => controls[0]!.focus());
    expect(key(controls[0]!, { shiftKey: true }).defaultPrevented).toBe(true);
    expect(callbacks.onFocusMention).toHaveBeenCalledOnce();
  });

  it('focusFirst() says when there is nothing to focus', () => {
    const { card } = setUp();
    expect(card.focusFirst()).toBe(false);
  });
});

// Last: custom element names cannot be undefined again in this document.
describe('createCardHost on a page that took our element name', () => {
  it('falls back to backstory-card-host, and says so when both names are taken', () => {
    for (const element of document.documentElement.querySelectorAll(
      ':scope > backstory-card',
    ))
      element.remove(); // Defining the name would upgrade hosts left by other tests.
    class Squatter extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' });
      }
    }
    customElements.define('backstory-card', Squatter);
    const callbacks = spyCallbacks();
    const card = createCardHost(document, TEST_DATASET, callbacks);
    const host = document.documentElement.querySelector(
      ':scope > backstory-card-host',
    );
    expect(host?.shadowRoot).not.toBeNull();
    expect(card.isCard(host)).toBe(true);
    card.remove();

    customElements.define('backstory-card-host', class extends Squatter {});
    expect(() => createCardHost(document, TEST_DATASET, callbacks)).toThrow(
      /no element could host the card/,
    );
  });
});

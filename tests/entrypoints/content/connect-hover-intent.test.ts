// @vitest-environment happy-dom
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HIDE_DELAY_MS } from '../../../components/hover-intent';
import type { CardHost } from '../../../entrypoints/content/card-host';
import { connectHoverIntent } from '../../../entrypoints/content/connect-hover-intent';
import { entityIndex } from '../../../lib/entity-index';
import { TEST_DATASET } from '../../helpers';

const entities = entityIndex(TEST_DATASET.entities);

/**
 * The glue over a page with two mentions (one a tab stop), one inside a link,
 * and plain text; and a stand-in card host. Focus inside the card is focus on
 * the host, as the page sees it (events and activeElement retarget to the
 * host), so the stand-in focuses the host itself.
 */
function setUp() {
  document.body.innerHTML = `
    <p>
      <backstory-mention id="a" data-backstory-entity="jeff-sessions" tabindex="0">Jeff Sessions</backstory-mention>
      and <backstory-mention id="b" data-backstory-entity="donald-trump">Donald Trump</backstory-mention>;
      <a id="link" href="#later"><backstory-mention id="linked" data-backstory-entity="donald-trump">Trump</backstory-mention></a>
      <span id="plain">and plain text</span>
    </p>`;
  const host = document.createElement('backstory-card');
  host.tabIndex = -1;
  document.body.append(host);
  let delay = 500;
  let visible = false;
  const log: string[] = [];
  const card: CardHost = {
    show(request) {
      visible = true;
      log.push(`show ${request.entity.id} (${request.pointerType})`);
    },
    hide() {
      visible = false;
      log.push('hide');
    },
    isCard: (node) => node === host,
    focusFirst() {
      host.focus();
      return true;
    },
    get visible() {
      return visible;
    },
    // Hover wiring never shows a lookup (entrypoints/content/selection-lookup.ts does).
    showLookup() {
      throw new Error('hover wiring opened a lookup');
    },
    showing: () => false,
    remove() {},
  };
  const ctx = new ContentScriptContext('connect-hover-intent-test');
  const intent = connectHoverIntent(ctx, {
    card,
    hoverDelayMs: () => delay,
    mentionOf: (target) =>
      target instanceof Element ? target.closest('backstory-mention') : null,
    entityOf: (mention) =>
      entities.get(mention.getAttribute('data-backstory-entity') ?? '') ?? null,
    reasonOf: () => undefined,
  });
  const $ = (id: string) => document.getElementById(id)!;
  const pointer = (
    type: string,
    target: Element,
    init: PointerEventInit = {},
  ) => {
    const event = new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      pointerType: 'mouse',
      clientX: 10,
      clientY: 10,
      ...init,
    });
    target.dispatchEvent(event);
    return event;
  };
  /** The pointer moves from `from` to `to`, as the browser reports it. */
  const move = (from: Element | null, to: Element) => {
    if (from) pointer('pointerout', from, { relatedTarget: to });
    pointer('pointerover', to, { relatedTarget: from });
  };
  const key = (
    target: Element,
    keyName: string,
    init: KeyboardEventInit = {},
  ) => {
    const event = new KeyboardEvent('keydown', {
      key: keyName,
      bubbles: true,
      cancelable: true,
      composed: true,
      ...init,
    });
    target.dispatchEvent(event);
    return event;
  };
  return {
    ctx,
    intent,
    host,
    log,
    $,
    pointer,
    move,
    key,
    setDelay: (ms: number) => {
      delay = ms;
    },
  };
}

const wait = (ms: number) => vi.advanceTimersByTime(ms);

describe('connectHoverIntent', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('shows the card once the pointer has rested on a mention for the reader’s delay, and marks the mention', () => {
    const { log, $, move } = setUp();
    move($('plain'), $('a'));
    wait(499);
    expect(log).toEqual([]);
    wait(1);
    expect(log).toEqual(['show jeff-sessions (mouse)']);
    expect($('a').hasAttribute('data-backstory-active')).toBe(true);
    expect($('a').getAttribute('aria-expanded')).toBe('true');
  });

  it('reads the reader’s delay at each event, so a change in the popup applies at once', () => {
    const { log, $, move, setDelay } = setUp();
    setDelay(800);
    move($('plain'), $('a'));
    wait(799);
    expect(log).toEqual([]);
    wait(1);
    expect(log).toEqual(['show jeff-sessions (mouse)']);
  });

  it('shows nothing for a pointer that flies over', () => {
    const { log, $, move } = setUp();
    move($('plain'), $('a'));
    wait(100);
    move($('a'), $('plain'));
    wait(5000);
    expect(log).toEqual([]);
  });

  it(`keeps the card for ${HIDE_DELAY_MS} ms after the pointer leaves, and for as long as it is in the card`, () => {
    const { log, $, move, host } = setUp();
    move($('plain'), $('a'));
    wait(500);
    move($('a'), host);
    wait(5000);
    expect(log).toEqual(['show jeff-sessions (mouse)']);
    move(host, $('plain'));
    wait(HIDE_DELAY_MS - 1);
    expect(log).toHaveLength(1);
    wait(1);
    expect(log).toEqual(['show jeff-sessions (mouse)', 'hide']);
    expect($('a').hasAttribute('data-backstory-active')).toBe(false);
    expect($('a').getAttribute('aria-expanded')).toBe('false');
  });

  it('moving to another mention shows that one’s card after the delay', () => {
    const { log, $, move } = setUp();
    move($('plain'), $('a'));
    wait(500);
    move($('a'), $('b'));
    wait(500);
    expect(log).toEqual([
      'show jeff-sessions (mouse)',
      'show donald-trump (mouse)',
    ]);
    expect($('a').hasAttribute('data-backstory-active')).toBe(false);
    expect($('b').hasAttribute('data-backstory-active')).toBe(true);
  });

  it('a click elsewhere closes the card; a click on the mention or in the card does not', () => {
    const { log, $, move, pointer, host } = setUp();
    move($('plain'), $('a'));
    wait(500);
    pointer('pointerdown', $('a'));
    pointer('pointerdown', host);
    expect(log).toEqual(['show jeff-sessions (mouse)']);
    pointer('pointerdown', $('plain'));
    expect(log).toEqual(['show jeff-sessions (mouse)', 'hide']);
  });

  describe('keyboard', () => {
    it('focus opens the card; Tab from the mention moves into it; Esc closes it and focus returns to the mention', () => {
      const { log, $, key, host } = setUp();
      $('a').focus();
      wait(500);
      expect(log).toEqual(['show jeff-sessions (keyboard)']);
      expect(key($('a'), 'Tab').defaultPrevented).toBe(true);
      expect(document.activeElement).toBe(host);
      // Focus moved into the card: the card stays.
      wait(5000);
      expect(log).toHaveLength(1);
      key(host, 'Escape');
      expect(log).toEqual(['show jeff-sessions (keyboard)', 'hide']);
      expect(document.activeElement).toBe($('a'));
      // Returning focus is not a new intent.
      wait(5000);
      expect(log).toHaveLength(2);
    });

    it('Shift+Tab and other keys are the browser’s', () => {
      const { $, key } = setUp();
      $('a').focus();
      wait(500);
      expect(key($('a'), 'Tab', { shiftKey: true }).defaultPrevented).toBe(
        false,
      );
      expect(key($('a'), 'ArrowDown').defaultPrevented).toBe(false);
    });

    it('a focused link stands for the mention inside it', () => {
      const { log, $ } = setUp();
      $('link').focus();
      wait(500);
      expect(log).toEqual(['show donald-trump (keyboard)']);
    });

    it('leaving the mention by keyboard closes the card after the grace', () => {
      const { log, $ } = setUp();
      $('a').focus();
      wait(500);
      $('a').blur();
      wait(HIDE_DELAY_MS);
      expect(log).toEqual(['show jeff-sessions (keyboard)', 'hide']);
    });
  });

  describe('touch', () => {
    it.each([
      // [tap target id, expected log]
      ['a', ['show jeff-sessions (touch)']],
      ['linked', []], // A tap on a mention inside a link follows the link.
    ])('a tap on #%s', (id, expected) => {
      const { log, $, pointer } = setUp();
      pointer('pointerover', $(id), { pointerType: 'touch' });
      pointer('pointerup', $(id), { pointerType: 'touch' });
      wait(5000);
      expect(log).toEqual(expected);
    });

    it('a tap outside closes the card; a tap in the card does not', () => {
      const { log, $, pointer, host } = setUp();
      pointer('pointerup', $('a'), { pointerType: 'touch' });
      pointer('pointerup', host, { pointerType: 'touch' });
      expect(log).toEqual(['show jeff-sessions (touch)']);
      pointer('pointerup', $('plain'), { pointerType: 'touch' });
      expect(log).toEqual(['show jeff-sessions (touch)', 'hide']);
    });

    it('a long press on a linked mention opens its card instead of the link menu', () => {
      const { log, $, pointer } = setUp();
      pointer('pointerup', $('plain'), { pointerType: 'touch' });
      const menu = new MouseEvent('contextmenu', {
        bubbles: true,
        cancelable: true,
      });
      $('linked').dispatchEvent(menu);
      expect(menu.defaultPrevented).toBe(true);
      expect(log).toEqual(['show donald-trump (touch)']);
    });

    it('the mouse’s context menu stays the browser’s', () => {
      const { log, $, move } = setUp();
      move($('plain'), $('linked'));
      const menu = new MouseEvent('contextmenu', {
        bubbles: true,
        cancelable: true,
      });
      $('linked').dispatchEvent(menu);
      expect(menu.defaultPrevented).toBe(false);
      expect(log).toEqual([]);
    });
  });

  it('dismiss() closes the card; focusMention() focuses its mention', () => {
    const { log, $, move, intent } = setUp();
    move($('plain'), $('a'));
    wait(500);
    intent.focusMention();
    expect(document.activeElement).toBe($('a'));
    intent.dismiss(false);
    expect(log).toEqual(['show jeff-sessions (mouse)', 'hide']);
  });

  it('does nothing once the content script’s context is invalidated (the extension was reloaded)', () => {
    const { log, $, move, ctx } = setUp();
    move($('plain'), $('a'));
    ctx.abort();
    wait(5000);
    move($('a'), $('b'));
    wait(5000);
    expect(log).toEqual([]);
  });
});

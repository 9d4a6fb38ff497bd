/**
 * Glue between page events and the pure hover-intent machine
 * (components/hover-intent.ts): translates pointer, focus, key and touch
 * events into intent events, and runs the machine's commands with ctx-owned
 * timers.
 *
 * Touch: a tap on a mention opens its card (a bottom sheet on narrow
 * screens); a tap elsewhere closes it. A tap on a mention inside a link
 * follows the link, as the page intended; a long press opens the card instead.
 */
import type { ContentScriptContext } from '#imports';
import type { Entity } from '@/data/dataset-schema';
import type { MentionReason } from '@/lib/match-mentions';
import {
  DEFAULT_INTENT_CONFIG,
  initialIntentState,
  stepIntent,
  type IntentCommand,
  type IntentEvent,
} from '@/components/hover-intent';
import type { CardHost, ShowRequest } from './card-host';
import { setCtxTimeout } from './ctx-timers';

const ACTIVE_ATTRIBUTE = 'data-backstory-active';

export type HoverIntentDeps = {
  card: CardHost;
  /** The reader's dwell setting, read at each event so popup changes apply at once. */
  hoverDelayMs: () => number;
  /** Our (not dismissed) mention element at or above an event target, or null. */
  mentionOf(target: EventTarget | null): Element | null;
  entityOf(mention: Element): Entity | null;
  reasonOf(mention: Element): MentionReason | undefined;
};

export type HoverIntent = {
  /** Closes the card, returning focus to its mention when asked. */
  dismiss(restoreFocus: boolean): void;
  /** Focuses the mention the card is shown for. */
  focusMention(): void;
};

export function connectHoverIntent(
  ctx: ContentScriptContext,
  deps: HoverIntentDeps,
): HoverIntent {
  const { card, mentionOf, entityOf, reasonOf, hoverDelayMs } = deps;
  let state = initialIntentState<Element>();
  let pointer: { x: number; y: number } | null = null;
  let pointerType: ShowRequest['pointerType'] = 'mouse';
  let active: Element | null = null;
  /** A mention we are about to focus ourselves: not a new intent. */
  let refocusing: Element | null = null;

  const setActive = (mention: Element | null) => {
    active?.removeAttribute(ACTIVE_ATTRIBUTE);
    active?.setAttribute('aria-expanded', 'false');
    active = mention;
    active?.setAttribute(ACTIVE_ATTRIBUTE, '');
    if (active?.hasAttribute('tabindex'))
      active.setAttribute('aria-expanded', 'true');
  };

  const focusQuietly = (mention: Element) => {
    if (!(mention instanceof HTMLElement)) return;
    refocusing = mention;
    mention.focus();
    refocusing = null;
  };

  const run = (command: IntentCommand<Element>) => {
    switch (command.type) {
      case 'start-timer':
        setCtxTimeout(
          ctx,
          () => dispatch({ type: 'timer', token: command.token }),
          command.ms,
        );
        break;
      case 'show': {
        const entity = entityOf(command.target);
        if (!entity) return;
        card.show({
          mention: command.target,
          entity,
          reason: reasonOf(command.target),
          pointer,
          pointerType,
        });
        setActive(command.target);
        break;
      }
      case 'hide': {
        const focusWasInCard = card.isCard(document.activeElement);
        card.hide();
        setActive(null);
        // Return focus only when it was inside the card; otherwise it never left the page.
        if (command.restoreFocusTo && focusWasInCard)
          focusQuietly(command.restoreFocusTo);
        break;
      }
    }
  };

  function dispatch(event: IntentEvent<Element>): void {
    const step = stepIntent(state, event, {
      ...DEFAULT_INTENT_CONFIG,
      showDelayMs: hoverDelayMs(),
    });
    state = step.state;
    step.commands.forEach(run);
  }

  const listen = <K extends keyof DocumentEventMap>(
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    passive = true,
  ) =>
    ctx.addEventListener(document, type, handler, { capture: true, passive });

  /** A focused link that contains mentions stands for its first mention (links are the tab stop there). */
  const mentionForFocus = (target: EventTarget | null): Element | null => {
    const direct = mentionOf(target);
    if (direct) return direct;
    if (target instanceof HTMLAnchorElement) {
      for (const candidate of target.querySelectorAll(
        '[data-backstory-entity]',
      )) {
        const mention = mentionOf(candidate);
        if (mention) return mention;
      }
    }
    return null;
  };

  listen('pointerover', (event) => {
    pointerType =
      event.pointerType === 'touch' || event.pointerType === 'pen'
        ? event.pointerType
        : 'mouse';
    if (event.pointerType === 'touch') return; // Touch opens on tap instead.
    pointer = { x: event.clientX, y: event.clientY };
    if (card.isCard(event.target)) return dispatch({ type: 'enter-card' });
    const mention = mentionOf(event.target);
    if (mention) dispatch({ type: 'enter-mention', target: mention });
  });
  listen('pointermove', (event) => {
    if (event.pointerType !== 'touch')
      pointer = { x: event.clientX, y: event.clientY };
  });
  listen('pointerout', (event) => {
    if (event.pointerType === 'touch') return;
    if (card.isCard(event.target) && !card.isCard(event.relatedTarget))
      return dispatch({ type: 'leave-card' });
    const mention = mentionOf(event.target);
    if (mention && mentionOf(event.relatedTarget) !== mention)
      dispatch({ type: 'leave-mention' });
  });
  listen('pointerup', (event) => {
    if (event.pointerType !== 'touch') return;
    pointerType = 'touch';
    pointer = { x: event.clientX, y: event.clientY };
    if (card.isCard(event.target)) return;
    const mention = mentionOf(event.target);
    if (mention && !mention.closest('a[href]'))
      dispatch({ type: 'tap-mention', target: mention });
    else if (!mention) dispatch({ type: 'dismiss', restoreFocus: false });
  });
  listen(
    'contextmenu',
    (event) => {
      // A long press on a linked mention: the card instead of the browser's link menu.
      if (pointerType !== 'touch') return;
      const mention = mentionOf(event.target);
      if (!mention?.closest('a[href]')) return;
      event.preventDefault();
      dispatch({ type: 'tap-mention', target: mention });
    },
    false,
  );
  listen('pointerdown', (event) => {
    if (event.pointerType === 'touch') return;
    if (!card.isCard(event.target) && !mentionOf(event.target))
      dispatch({ type: 'dismiss', restoreFocus: false });
  });
  listen('focusin', (event) => {
    if (card.isCard(event.target)) return dispatch({ type: 'enter-card' });
    const mention = mentionForFocus(event.target);
    if (mention && mention !== refocusing) {
      pointer = null;
      pointerType = 'keyboard';
      dispatch({ type: 'focus-mention', target: mention });
    }
  });
  listen('focusout', (event) => {
    if (card.isCard(event.relatedTarget)) return;
    if (card.isCard(event.target)) return dispatch({ type: 'leave-card' });
    if (mentionForFocus(event.target)) dispatch({ type: 'blur-mention' });
  });
  listen(
    'keydown',
    (event) => {
      if (!card.visible) return;
      if (event.key === 'Escape') {
        dispatch({ type: 'dismiss', restoreFocus: true });
        return;
      }
      // Tab from the mention whose card is open goes into the card.
      const fromMention =
        state.shown !== null && mentionForFocus(event.target) === state.shown;
      if (
        event.key === 'Tab' &&
        !event.shiftKey &&
        fromMention &&
        card.focusFirst()
      )
        event.preventDefault();
    },
    false,
  );

  return {
    dismiss: (restoreFocus) => dispatch({ type: 'dismiss', restoreFocus }),
    focusMention: () => {
      if (state.shown) focusQuietly(state.shown);
    },
  };
}

/**
 * Glue between page events and the pure hover-intent machine
 * (components/hover-intent.ts): translates pointer, focus and key events into
 * intent events, and runs the machine's commands with ctx-owned timers.
 */
import type { ContentScriptContext } from '#imports';
import type { Entity } from '@/data/dataset-schema';
import {
  DEFAULT_INTENT_CONFIG,
  initialIntentState,
  stepIntent,
  type IntentCommand,
  type IntentEvent,
} from '@/components/hover-intent';
import type { CardHost } from './card-host';

const ACTIVE_ATTRIBUTE = 'data-backstory-active';

export type HoverIntentDeps = {
  card: CardHost;
  /** The reader's dwell setting, read at each event so popup changes apply at once. */
  hoverDelayMs: () => number;
  /** Our mention element at or above an event target, or null. */
  mentionOf(target: EventTarget | null): Element | null;
  entityOf(mention: Element): Entity | null;
};

export function connectHoverIntent(ctx: ContentScriptContext, deps: HoverIntentDeps): void {
  const { card, mentionOf, entityOf, hoverDelayMs } = deps;
  let state = initialIntentState<Element>();
  let pointer: { x: number; y: number } | null = null;
  let active: Element | null = null;
  /** A mention we are about to focus ourselves (Esc from inside the card): not a new intent. */
  let refocusing: Element | null = null;

  const setActive = (mention: Element | null) => {
    active?.removeAttribute(ACTIVE_ATTRIBUTE);
    active = mention;
    active?.setAttribute(ACTIVE_ATTRIBUTE, '');
  };

  const run = (command: IntentCommand<Element>) => {
    switch (command.type) {
      case 'start-timer':
        ctx.setTimeout(() => dispatch({ type: 'timer', token: command.token }), command.ms);
        break;
      case 'show': {
        const entity = entityOf(command.target);
        if (!entity) return;
        card.show(command.target, entity, pointer);
        setActive(command.target);
        break;
      }
      case 'hide':
        card.hide();
        setActive(null);
        // Return focus only when it was inside the card; otherwise it never left the page.
        if (command.restoreFocusTo instanceof HTMLElement && card.isCard(document.activeElement)) {
          refocusing = command.restoreFocusTo;
          command.restoreFocusTo.focus();
          refocusing = null;
        }
        break;
    }
  };

  function dispatch(event: IntentEvent<Element>): void {
    const step = stepIntent(state, event, { ...DEFAULT_INTENT_CONFIG, showDelayMs: hoverDelayMs() });
    state = step.state;
    step.commands.forEach(run);
  }

  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
    ctx.addEventListener(document, type, handler, { capture: true, passive: true });

  listen('pointerover', (event) => {
    if (event.pointerType === 'touch') return; // Touch opens on tap (pointerup) instead.
    pointer = { x: event.clientX, y: event.clientY };
    if (card.isCard(event.target)) return dispatch({ type: 'enter-card' });
    const mention = mentionOf(event.target);
    if (mention) dispatch({ type: 'enter-mention', target: mention });
  });
  listen('pointerout', (event) => {
    if (event.pointerType === 'touch') return;
    if (card.isCard(event.target) && !card.isCard(event.relatedTarget)) return dispatch({ type: 'leave-card' });
    const mention = mentionOf(event.target);
    if (mention && mentionOf(event.relatedTarget) !== mention) dispatch({ type: 'leave-mention' });
  });
  listen('pointerup', (event) => {
    if (event.pointerType !== 'touch') return;
    const mention = mentionOf(event.target);
    if (mention) dispatch({ type: 'tap-mention', target: mention });
    else if (!card.isCard(event.target)) dispatch({ type: 'dismiss', restoreFocus: false });
  });
  listen('pointerdown', (event) => {
    if (event.pointerType === 'touch') return;
    if (!card.isCard(event.target) && !mentionOf(event.target)) dispatch({ type: 'dismiss', restoreFocus: false });
  });
  listen('focusin', (event) => {
    if (card.isCard(event.target)) return dispatch({ type: 'enter-card' });
    const mention = mentionOf(event.target);
    if (mention && mention !== refocusing) {
      pointer = null;
      dispatch({ type: 'focus-mention', target: mention });
    }
  });
  listen('focusout', (event) => {
    if (card.isCard(event.relatedTarget)) return;
    if (card.isCard(event.target)) return dispatch({ type: 'leave-card' });
    if (mentionOf(event.target)) dispatch({ type: 'blur-mention' });
  });
  listen('keydown', (event) => {
    if (event.key === 'Escape' && card.visible) dispatch({ type: 'dismiss', restoreFocus: true });
  });
}

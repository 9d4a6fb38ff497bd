/**
 * Hover intent as a pure state machine: events in, state and commands out; no
 * timers inside. The content script runs the commands (starts timers, shows
 * and hides the card) and feeds timer expiries back as `timer` events.
 *
 * A timer carries the token it was started with; any later event bumps the
 * token, so a stale timer is ignored (the Page Previews pattern).
 */

/** Dwell before a card shows: Page Previews' 150 ms intent gate + 350 ms floor. */
export const SHOW_DELAY_MS = 500;
/** Grace after the pointer leaves mention and card: Page Previews, Radix closeDelay. */
export const HIDE_DELAY_MS = 300;

export type IntentPhase = 'idle' | 'pending' | 'open' | 'closing';

export type IntentState<Target> = {
  /** idle: nothing; pending: waiting to show `target`; open: showing; closing: grace before hiding. */
  phase: IntentPhase;
  /** The mention a card is about to be shown for (pending) or is shown for. */
  target: Target | null;
  /** The mention whose card is on screen now, if any (during pending, the previous card). */
  shown: Target | null;
  token: number;
};

export type IntentEvent<Target> =
  | { type: 'enter-mention'; target: Target }
  | { type: 'leave-mention' }
  | { type: 'focus-mention'; target: Target }
  | { type: 'blur-mention' }
  | { type: 'enter-card' }
  | { type: 'leave-card' }
  | { type: 'tap-mention'; target: Target }
  | { type: 'dismiss'; restoreFocus: boolean }
  | { type: 'timer'; token: number };

export type IntentCommand<Target> =
  | { type: 'start-timer'; ms: number; token: number }
  | { type: 'show'; target: Target }
  | { type: 'hide'; restoreFocusTo: Target | null };

export type IntentConfig = { showDelayMs: number; hideDelayMs: number };

export type IntentStep<Target> = {
  state: IntentState<Target>;
  commands: IntentCommand<Target>[];
};

export const DEFAULT_INTENT_CONFIG: IntentConfig = {
  showDelayMs: SHOW_DELAY_MS,
  hideDelayMs: HIDE_DELAY_MS,
};

export function initialIntentState<Target>(): IntentState<Target> {
  return { phase: 'idle', target: null, shown: null, token: 0 };
}

/** Advances the machine by one event. */
export function stepIntent<Target>(
  state: IntentState<Target>,
  event: IntentEvent<Target>,
  config: IntentConfig = DEFAULT_INTENT_CONFIG,
): IntentStep<Target> {
  const token = state.token + 1;
  const unchanged = { state, commands: [] };
  const startClosing = (): IntentStep<Target> => ({
    state: { phase: 'closing', target: state.shown, shown: state.shown, token },
    commands: [{ type: 'start-timer', ms: config.hideDelayMs, token }],
  });

  switch (event.type) {
    case 'enter-mention':
    case 'focus-mention':
      if (state.shown !== null && state.shown === event.target) {
        return {
          state: {
            phase: 'open',
            target: event.target,
            shown: state.shown,
            token,
          },
          commands: [],
        };
      }
      return {
        state: {
          phase: 'pending',
          target: event.target,
          shown: state.shown,
          token,
        },
        commands: [{ type: 'start-timer', ms: config.showDelayMs, token }],
      };
    case 'tap-mention':
      return {
        state: {
          phase: 'open',
          target: event.target,
          shown: event.target,
          token,
        },
        commands: [{ type: 'show', target: event.target }],
      };
    case 'leave-mention':
    case 'blur-mention':
    case 'leave-card':
      if (state.phase === 'idle' || state.phase === 'closing') return unchanged;
      if (state.shown === null) {
        return {
          state: { phase: 'idle', target: null, shown: null, token },
          commands: [],
        };
      }
      return startClosing();
    case 'enter-card':
      if (state.shown === null) return unchanged;
      return {
        state: {
          phase: 'open',
          target: state.shown,
          shown: state.shown,
          token,
        },
        commands: [],
      };
    case 'dismiss':
      if (state.phase === 'idle') return unchanged;
      return {
        state: { phase: 'idle', target: null, shown: null, token },
        commands:
          state.shown === null
            ? []
            : [
                {
                  type: 'hide',
                  restoreFocusTo: event.restoreFocus ? state.shown : null,
                },
              ],
      };
    case 'timer':
      if (event.token !== state.token) return unchanged;
      if (state.phase === 'pending' && state.target !== null) {
        return {
          state: {
            phase: 'open',
            target: state.target,
            shown: state.target,
            token: state.token,
          },
          commands: [{ type: 'show', target: state.target }],
        };
      }
      if (state.phase === 'closing') {
        return {
          state: {
            phase: 'idle',
            target: null,
            shown: null,
            token: state.token,
          },
          commands: [{ type: 'hide', restoreFocusTo: null }],
        };
      }
      return unchanged;
  }
}

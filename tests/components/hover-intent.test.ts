import { describe, expect, it } from 'vitest';
import {
  initialIntentState,
  stepIntent,
  type IntentCommand,
  type IntentEvent,
  type IntentState,
} from '../../components/hover-intent';

const config = { showDelayMs: 500, hideDelayMs: 300 };

/** Runs events in order, firing the latest timer when an event is the string 'timer'. */
function run(events: Array<IntentEvent<string> | 'timer'>) {
  let state: IntentState<string> = initialIntentState();
  const commands: IntentCommand<string>[] = [];
  for (const event of events) {
    const step = stepIntent(
      state,
      event === 'timer' ? { type: 'timer', token: state.token } : event,
      config,
    );
    state = step.state;
    commands.push(...step.commands);
  }
  return { state, shown: commands.filter((c) => c.type !== 'start-timer') };
}

describe('stepIntent', () => {
  it('shows a card only after the pointer dwells for the show delay', () => {
    const first = stepIntent(
      initialIntentState<string>(),
      { type: 'enter-mention', target: 'a' },
      config,
    );
    expect(first.commands).toEqual([
      { type: 'start-timer', ms: 500, token: 1 },
    ]);
    expect(
      run([{ type: 'enter-mention', target: 'a' }, 'timer']).shown,
    ).toEqual([{ type: 'show', target: 'a' }]);
  });

  it('shows nothing when the pointer flies over', () => {
    const { state, shown } = run([
      { type: 'enter-mention', target: 'a' },
      { type: 'leave-mention' },
      'timer',
    ]);
    expect(shown).toEqual([]);
    expect(state.phase).toBe('idle');
  });

  it('ignores a stale timer', () => {
    let state = initialIntentState<string>();
    state = stepIntent(
      state,
      { type: 'enter-mention', target: 'a' },
      config,
    ).state;
    const staleToken = state.token;
    state = stepIntent(state, { type: 'leave-mention' }, config).state;
    state = stepIntent(
      state,
      { type: 'enter-mention', target: 'b' },
      config,
    ).state;
    expect(
      stepIntent(state, { type: 'timer', token: staleToken }, config).commands,
    ).toEqual([]);
  });

  it('keeps the card while the pointer moves from the mention into the card', () => {
    const { state, shown } = run([
      { type: 'enter-mention', target: 'a' },
      'timer',
      { type: 'leave-mention' },
      { type: 'enter-card' },
    ]);
    expect(shown).toEqual([{ type: 'show', target: 'a' }]);
    expect(state.phase).toBe('open');
  });

  it('hides after the grace once both mention and card are left', () => {
    const { shown } = run([
      { type: 'enter-mention', target: 'a' },
      'timer',
      { type: 'leave-mention' },
      { type: 'enter-card' },
      { type: 'leave-card' },
      'timer',
    ]);
    expect(shown).toEqual([
      { type: 'show', target: 'a' },
      { type: 'hide', restoreFocusTo: null },
    ]);
  });

  it('cancels the hide when the pointer returns to the mention', () => {
    const { state, shown } = run([
      { type: 'enter-mention', target: 'a' },
      'timer',
      { type: 'leave-mention' },
      { type: 'enter-mention', target: 'a' },
      'timer',
    ]);
    expect(shown).toEqual([{ type: 'show', target: 'a' }]);
    expect(state.phase).toBe('open');
  });

  it('moves the one card to another mention after a dwell there, and hides it if the pointer flies on', () => {
    expect(
      run([
        { type: 'enter-mention', target: 'a' },
        'timer',
        { type: 'enter-mention', target: 'b' },
        'timer',
      ]).shown,
    ).toEqual([
      { type: 'show', target: 'a' },
      { type: 'show', target: 'b' },
    ]);
    const flyOn = run([
      { type: 'enter-mention', target: 'a' },
      'timer',
      { type: 'enter-mention', target: 'b' },
      { type: 'leave-mention' },
      'timer',
    ]);
    expect(flyOn.shown).toEqual([
      { type: 'show', target: 'a' },
      { type: 'hide', restoreFocusTo: null },
    ]);
  });

  it('shows on focus after the delay; Esc hides and returns focus to the mention', () => {
    const { shown, state } = run([
      { type: 'focus-mention', target: 'a' },
      'timer',
      { type: 'dismiss', restoreFocus: true },
    ]);
    expect(shown).toEqual([
      { type: 'show', target: 'a' },
      { type: 'hide', restoreFocusTo: 'a' },
    ]);
    expect(state.phase).toBe('idle');
  });

  it('opens at once on a tap, and a tap elsewhere dismisses', () => {
    expect(
      run([
        { type: 'tap-mention', target: 'a' },
        { type: 'dismiss', restoreFocus: false },
      ]).shown,
    ).toEqual([
      { type: 'show', target: 'a' },
      { type: 'hide', restoreFocusTo: null },
    ]);
  });
});

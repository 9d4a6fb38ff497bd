import { describe, expect, it } from 'vitest';
import { commonWordSignal } from '../../../lib/rules/name-case';
import { aliasOf, verdictIn } from './rule-helpers';

describe('case: names match in their own case', () => {
  it.each([
    ['Sessions conceded.', 'jeff-sessions', 'Sessions', 'Sessions', 'ok'],
    [
      'three training sessions a week',
      'jeff-sessions',
      'Sessions',
      'sessions',
      'refused',
    ],
    ['play your trump card', 'donald-trump', 'Trump', 'trump', 'refused'],
    [
      'TUBERVILLE DEFEATS SESSIONS',
      'jeff-sessions',
      'Sessions',
      'SESSIONS',
      'ok',
    ],
    [
      'He said SESSIONS loudly in an ordinary sentence.',
      'jeff-sessions',
      'Sessions',
      'SESSIONS',
      'refused',
    ],
    [
      'Follow @dougjones for updates',
      'doug-jones',
      '@DougJones',
      '@dougjones',
      'ok',
    ],
  ])('%s', (sentence, entity, alias, at, expected) => {
    expect(verdictIn(entity, alias, sentence, at)).toBe(expected);
  });

  it.each([
    ['donald-trump', 'the president'],
    ['donald-trump', 'the commander-in-chief'],
    ['alabama', 'Alabamians'],
  ])(
    'never looks for descriptions and demonyms, kept for lookup only: %s %s',
    (entity, alias) => {
      expect(() => aliasOf(entity, alias)).toThrow(/no alias/);
    },
  );

  it.each([
    ['Sessions start Monday at the gym.', 0, true],
    ['Bootcamp Sessions Start Monday For All', 9, true],
    ['Tuberville beat Sessions by 20 points.', 16, false],
  ])(
    'an everyday word capitalized by its place needs more evidence: %s',
    (text, at, weaker) => {
      const signals = commonWordSignal(
        aliasOf('jeff-sessions', 'Sessions'),
        text,
        at,
      );
      expect(signals.length > 0).toBe(weaker);
    },
  );
});

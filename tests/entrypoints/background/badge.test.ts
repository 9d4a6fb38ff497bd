import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../../entrypoints/background/badge';

describe('badgeFor', () => {
  it.each([
    [
      { count: 0, paused: false },
      { text: '', color: BADGE_COLORS.count },
    ],
    [
      { count: 7, paused: false },
      { text: '7', color: BADGE_COLORS.count },
    ],
    [
      { count: 999, paused: false },
      { text: '999', color: BADGE_COLORS.count },
    ],
    [
      { count: 1000, paused: false },
      { text: '999+', color: BADGE_COLORS.count },
    ],
    [
      { count: 0, paused: true },
      { text: 'off', color: BADGE_COLORS.paused },
    ],
    [
      { count: 12, paused: true },
      { text: 'off', color: BADGE_COLORS.paused },
    ],
  ])('%j → %j', (count, badge) => {
    expect(badgeFor(count)).toEqual(badge);
  });
});

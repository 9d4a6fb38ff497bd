/**
 * The toolbar badge, per tab: how many mentions the page has, or "off" on a
 * grey badge where annotations are paused or switched off.
 */
import { browser } from 'wxt/browser';
import type { MentionCount } from '@/lib/messages';

export const BADGE_COLORS = {
  count: '#3345a8',
  paused: '#6b7280',
  text: '#ffffff',
} as const;
export const PAUSED_BADGE_TEXT = 'off';

/** The badge for a page: nothing for no mentions, "999+" past three digits. */
export function badgeFor({
  count,
  paused,
}: Pick<MentionCount, 'count' | 'paused'>): { text: string; color: string } {
  if (paused) return { text: PAUSED_BADGE_TEXT, color: BADGE_COLORS.paused };
  return {
    text: count === 0 ? '' : count > 999 ? '999+' : String(count),
    color: BADGE_COLORS.count,
  };
}

/** `action` on MV3 (Chrome), `browserAction` on MV2 (Firefox). */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

/** Shows `count` (or paused) on the toolbar button for one tab. */
export async function showOnBadge(
  tabId: number,
  count: Pick<MentionCount, 'count' | 'paused'>,
): Promise<void> {
  const action = toolbarAction();
  const { text, color } = badgeFor(count);
  await action.setBadgeBackgroundColor({ tabId, color });
  // Chrome 110+ and Firefox pick their own text colour otherwise, which can be dark on grey.
  if (
    'setBadgeTextColor' in action &&
    typeof action.setBadgeTextColor === 'function'
  ) {
    await action.setBadgeTextColor({ tabId, color: BADGE_COLORS.text });
  }
  await action.setBadgeText({ tabId, text });
}

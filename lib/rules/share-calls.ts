/**
 * Share and follow calls: "Share on Twitter", "Follow us on Twitter". The
 * platform named there is the site's own chrome, wherever the markup puts
 * it; a reader gains nothing from a card on it.
 */
import { SHARE_CALLS } from '../../data/lexicon';

const CALL = new RegExp(
  `(?:^|[^\\p{L}])(?:${SHARE_CALLS.map((call) => call.replace(/ /g, '[ \\u00A0]+')).join('|')})[ \\u00A0]+$`,
  'iu',
);

/** True when the name at `start` is the target of a share or follow call. */
export function isShareCall(text: string, start: number): boolean {
  return CALL.test(text.slice(Math.max(0, start - 32), start));
}

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
/** "Follow Globe Wire on Twitter", "Find the Ledger on Twitter": a call naming the site itself. */
const NAMED_CALL =
  /(?:^|[^\p{L}])(?:[Ff]ollow|[Ff]ind|[Ll]ike|[Jj]oin|[Ss]ubscribe to)(?:[ \u00A0]+(?:the|us|our))?(?:[ \u00A0]+\p{Lu}[\p{L}.&'’-]*){1,4}[ \u00A0]+(?:on|at)[ \u00A0]+$/u;

/** True when the name at `start` is the target of a share or follow call. */
export function isShareCall(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  return CALL.test(before) || NAMED_CALL.test(before);
}

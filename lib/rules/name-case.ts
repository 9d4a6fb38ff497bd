/**
 * Case: is the text written the way this name is written? Names match in
 * their own case; a lower-case alias may be capitalized by a sentence start
 * or a title-case headline; ALL CAPS only in a shouting headline. Handles
 * match in any case. An alias that is also an everyday word ("Sessions",
 * "Auburn") capitalized only by its position gets a weaker start.
 */
import { aliasKey, type AliasEntry } from '../alias-table';
import { type Signal, WEIGHTS } from '../link-decision';
import {
  isAllCaps,
  isCapitalized,
  isShouting,
  isTitleCase,
  startsSentence,
} from '../text-words';

/** Lower-case descriptions of people ("the president"): kept for lookup, never linked in pages. */
export function isDescriptiveEpithet(alias: AliasEntry): boolean {
  // A demonym ("Alabamians") names people from a place, not the place.
  if (alias.form === 'demonym') return true;
  return (
    (alias.form === 'epithet' || alias.form === 'title') &&
    !isCapitalized(alias.text)
  );
}

/** Does the matched text have a case this alias may appear in here? */
export function caseFits(
  alias: AliasEntry,
  matched: string,
  text: string,
  start: number,
): boolean {
  if (alias.form === 'handle') return true;
  const want = aliasKey(alias.text);
  const got = aliasKey(matched);
  if (got === want) return true;
  const firstUpper = want[0]!.toUpperCase() + want.slice(1);
  const firstLower = want[0]!.toLowerCase() + want.slice(1);
  // A lower-case phrase capitalized at a sentence start or in a title-case headline.
  if (got === firstUpper && got !== want)
    return startsSentence(text, start) || isTitleCase(text);
  // A phrase capitalized only because the alias starts with it ("the first impeachment of Donald Trump").
  if (alias.form === 'phrase' && /\s/u.test(want) && got === firstLower)
    return true;
  if (isAllCaps(got) && got === want.toUpperCase()) return isShouting(text);
  if (got === titleCased(want)) return isTitleCase(text);
  return false;
}

/**
 * "Sessions start Monday", "Auburn and copper wigs": an alias that is also an
 * everyday word, capitalized where any word would be, needs more evidence.
 */
export function commonWordSignal(
  alias: AliasEntry,
  text: string,
  start: number,
): Signal[] {
  if (!alias.commonWord) return [];
  if (!startsSentence(text, start) && !isTitleCase(text) && !isShouting(text))
    return [];
  return [{ name: 'common-word', weight: WEIGHTS.commonWord }];
}

function titleCased(text: string): string {
  return text.replace(
    /(^|[\s-])(\p{Ll})/gu,
    (_all, space: string, letter: string) => space + letter.toUpperCase(),
  );
}

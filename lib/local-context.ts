/**
 * The local rules: is this occurrence of an alias a name at all, and this
 * entity's name? Decided from the text of the segment alone; page-wide
 * evidence comes later (match-mentions.ts). Each family of rules is a module
 * of its own in lib/rules/ with its own table of examples in tests/lib/rules/.
 * Pure.
 */
import type { AliasEntry, EntityFacts } from './alias-table';
import {
  caseFits,
  commonWordSignal,
  isDescriptiveEpithet,
} from './rules/name-case';
import { checkPersonName } from './rules/person-name';
import { checkPlaceOrOrganization } from './rules/place-organization';
import { isShareCall } from './rules/share-calls';
import { accept, type LocalVerdict, reject } from './rules/verdict';

export type { LocalVerdict } from './rules/verdict';

/** Plural nouns a bare event word qualifies when it is used generically ("recusal questions"). */
const GENERIC_HEADS =
  /^[ \u00A0]+(?:questions|issues|rules|decisions|requests|laws|standards|cases|proceedings|powers|process|procedures|clause|experts|scholars|motion|motions|petition|petitions)\b/u;

/** A lower-case event word used as a common noun: "questions of recusal", "recusal questions". */
export function isGenericUse(
  alias: AliasEntry,
  text: string,
  start: number,
  end: number,
): boolean {
  if (/[\s\u00A0]/u.test(alias.text)) return false;
  if (GENERIC_HEADS.test(text.slice(end, end + 20))) return true;
  const head = text.slice(Math.max(0, start - 16), start);
  return (
    /(?:^|[^\p{L}])(?:of|whether|any|no)[ \u00A0]+$/iu.test(head) &&
    !/articles?[ \u00A0]+of[ \u00A0]+$/iu.test(head)
  );
}

/** Does the alias itself name its event's place ("Alabama Senate race")? */
export function namesOwnPlace(alias: AliasEntry, facts: EntityFacts): boolean {
  return (alias.text.match(/\p{Lu}[\p{L}.]*/gu) ?? []).some((word) =>
    facts.placeWords.has(word),
  );
}

/** Applies every local rule to one occurrence of `alias` at [start, end) in `text`. */
export function checkLocalContext(
  alias: AliasEntry,
  facts: EntityFacts,
  text: string,
  start: number,
  end: number,
): LocalVerdict {
  if (isDescriptiveEpithet(alias)) return reject('a description, not a name');
  if (!caseFits(alias, text.slice(start, end), text, start))
    return reject('case does not fit a name');
  // "Share on Twitter": the platform of a share or follow button (a person's
  // handle after "Follow" is still that person).
  if (alias.kind === 'organization' && isShareCall(text, start))
    return reject('a share or follow button');
  const signals = commonWordSignal(alias, text, start);
  const verdict =
    alias.kind === 'person'
      ? checkPersonName(alias, facts, text, start, end)
      : alias.kind === 'event'
        ? accept()
        : checkPlaceOrOrganization(alias, facts, text, start, end);
  if (!verdict.ok) return verdict;
  return { ...verdict, signals: [...signals, ...verdict.signals] };
}

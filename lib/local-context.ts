/**
 * The local context rules: is this occurrence of an alias a name at all, and
 * this entity's name? Decided from the text around the match alone (page-wide
 * evidence comes later, in resolve-mentions.ts). Pure.
 */
import { aliasKey, titleFits, type AliasEntry, type EntityFacts } from './alias-table';
import { isAllCaps, isCapitalized, isShouting, isTitleCase, startsSentence, wordAfter, wordBefore } from './text-words';

/** Name suffixes: "Donald Trump Jr." is someone else. */
const SUFFIX = /^,?[ \u00A0]*(?:Jr\.?|Sr\.?|II|III|IV)(?![\p{L}\p{N}])/u;
/** Capitalized words that start sentences or clauses rather than names. */
const FUNCTION_WORDS = new Set(
  `A An And As At About After Against Also Although Among Asked Because Before Between Both But By Can Could Did
  Does During Earlier Even For From Had Has Have He Her Here His How However If In Including Instead Is It Its Later
  Like Meanwhile Might Must Neither No Nor Not Now Of On Only Or Over Per Said Says She Should Since So Still That
  The Their Then There These They This Those Though Through To Today Told Tonight Under Unlike Until Via Was We
  Well What When Where While Who Why Will With Without Would Yes Yesterday Yet Gov Sen Rep Thanks Dear Team Vs`.split(/\s+/),
);
/** Party and institution words that may stand before a politician's surname ("GOP Sessions", "Senate Republican Sessions"). */
const AFFILIATION_WORDS = new Set(
  'Republican Republicans Democrat Democratic Democrats GOP Independent Conservative Liberal Senate House U.S. US American Federal'.split(' '),
);
/** Words before an event phrase that make it a different event ("a second impeachment"). */
const OTHER_EVENT_QUALIFIERS =
  /(?:^|[^\p{L}])(?:second|third|fourth|another|new|next|latest|previous|prior|earlier|later|other|future|upcoming|possible|potential|2nd|3rd|failed)[\s\u00A0]+(?:[\p{L}-]+[\s\u00A0]+)?$/iu;
const YEAR = /(?<![\p{N}])(1[89]\d\d|20\d\d)(?![\p{N}])/gu;
const YEAR_WINDOW = 80;

export type LocalVerdict = { ok: true } | { ok: false; reason: string };
const OK: LocalVerdict = { ok: true };
const reject = (reason: string): LocalVerdict => ({ ok: false, reason });

/** Lower-case descriptions of people ("the president"): kept for lookup, never linked in pages. */
export function isDescriptiveEpithet(alias: AliasEntry): boolean {
  return (alias.form === 'epithet' || alias.form === 'title') && !isCapitalized(alias.text);
}

/** Does the matched text have a case this alias may appear in here? */
export function caseFits(alias: AliasEntry, matched: string, text: string, start: number): boolean {
  if (alias.form === 'handle') return true;
  const want = aliasKey(alias.text);
  const got = aliasKey(matched);
  if (got === want) return true;
  // A lower-case phrase capitalized at a sentence start or in a title-case headline.
  if (!isCapitalized(want) && got === want[0]!.toUpperCase() + want.slice(1)) {
    return startsSentence(text, start) || isTitleCase(text);
  }
  if (isAllCaps(got) && got === want.toUpperCase()) return isShouting(text);
  if (got === titleCased(want)) return isTitleCase(text);
  return false;
}

function titleCased(text: string): string {
  return text.replace(/(^|[\s-])(\p{Ll})/gu, (_all, space: string, letter: string) => space + letter.toUpperCase());
}

/** Rules for people's names: suffixes, other first names or initials, titles that do not fit. */
function checkPersonName(alias: AliasEntry, facts: EntityFacts, text: string, start: number, end: number): LocalVerdict {
  if (SUFFIX.test(text.slice(end, end + 8).replace(/^[ \u00A0]+/u, ''))) {
    return reject('followed by a name suffix: someone else');
  }
  if (alias.form !== 'surname' && alias.form !== 'first-name') return OK;

  const before = wordBefore(text, start);
  if (before) {
    const { word } = before;
    const fit = titleFits(facts, word);
    if (fit === 'misfits') return reject(`the title "${word}" does not fit`);
    if (fit === 'not-a-title' && /^\p{Lu}\.$/u.test(word)) return reject(`an initial "${word}" before it: someone else`);
    if (fit === 'not-a-title' && isCapitalized(word) && !isTitleCase(text) && !isShouting(text)) {
      const bare = word.replace(/['’]s$/u, '');
      const harmless =
        bare !== word || // "Alabama's Sessions"
        FUNCTION_WORDS.has(word.replace(/\.$/u, '')) ||
        AFFILIATION_WORDS.has(word) ||
        facts.nameNeighbourWords.has(word);
      if (!harmless) return reject(`part of another name ("${word} ${text.slice(start, end)}")`);
    }
  }
  // "Trump Tower", "Jones Day": a capitalized word right after makes it part of a longer name.
  const after = wordAfter(text, end);
  if (after && isCapitalized(after) && !isTitleCase(text) && !isShouting(text) && !FUNCTION_WORDS.has(after)) {
    if (!facts.nameNeighbourWords.has(after) && !AFFILIATION_WORDS.has(after)) {
      return reject(`part of a longer name ("${text.slice(start, end)} ${after}")`);
    }
  }
  return OK;
}

/** Rules for event phrases: not another, later or earlier one, not someone else's. */
function checkEventPhrase(alias: AliasEntry, facts: EntityFacts, text: string, start: number, end: number): LocalVerdict {
  if (alias.safety === 'safe') return OK;
  const head = text.slice(Math.max(0, start - 40), start);
  if (OTHER_EVENT_QUALIFIERS.test(head)) return reject('qualified as another occurrence ("second", "new"...)');

  const entity = facts.entity;
  if (entity.kind === 'event') {
    const from = Number(entity.date.start.slice(0, 4));
    const to = Number((entity.date.end ?? entity.date.start).slice(0, 4));
    const window = text.slice(Math.max(0, start - YEAR_WINDOW), end + YEAR_WINDOW);
    const years = [...window.matchAll(YEAR)].map((match) => Number(match[1]));
    if (years.length && !years.some((year) => year >= from && year <= to)) {
      return reject(`dated ${years[0]} nearby, not ${from}`);
    }
  }
  const before = wordBefore(text, start);
  if (before && isCapitalized(before.word) && !isTitleCase(text) && !isShouting(text)) {
    const bare = before.word.replace(/['’]s$/u, '');
    if (!facts.friendlyWords.has(bare) && !AFFILIATION_WORDS.has(bare) && !FUNCTION_WORDS.has(bare)) {
      return reject(`"${before.word}" before it names a different one`);
    }
  }
  const of = /^[ \u00A0]+(?:of|in|against)[ \u00A0]+(?:the[ \u00A0]+)?((?:\p{Lu}[\p{L}.'’-]*[ \u00A0]*){1,3})/u.exec(text.slice(end, end + 60));
  if (of) {
    const words = of[1]!.trim().split(/[ \u00A0]+/u).map((word) => word.replace(/['’]s$/u, ''));
    if (!words.some((word) => facts.friendlyWords.has(word))) return reject(`"of ${of[1]!.trim()}": a different one`);
  }
  return OK;
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
  if (!caseFits(alias, text.slice(start, end), text, start)) return reject('case does not fit a name');
  if (alias.kind === 'person') return checkPersonName(alias, facts, text, start, end);
  if (alias.kind === 'event' || alias.form === 'phrase') return checkEventPhrase(alias, facts, text, start, end);
  return OK;
}

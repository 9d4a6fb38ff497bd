/**
 * The local context rules: is this occurrence of an alias a name at all, and
 * this entity's name? Decided from the text of the segment alone; page-wide
 * evidence comes later (match-mentions.ts). Pure.
 */
import {
  aliasKey,
  titleFits,
  type AliasEntry,
  type EntityFacts,
} from './alias-table';
import {
  US_STATES,
  isAllCaps,
  isCapitalized,
  isShouting,
  isTitleCase,
  startsSentence,
  wordAfter,
  wordBefore,
  wordsBefore,
} from './text-words';

/** Name suffixes: "Donald Trump Jr." is someone else. */
const SUFFIX = /^,?[ \u00A0]*(?:Jr\.?|Sr\.?|II|III|IV)(?![\p{L}\p{N}])/u;
/** Capitalized words that start sentences or clauses rather than names. */
const FUNCTION_WORDS = new Set(
  `A An And As At About After Against Also Although Among Asked Because Before Between Both But By Can Could Did
  Does During Earlier Even For From Had Has Have He Her Here His How However If In Including Instead Is It Its Later
  Like Meanwhile Might Must Neither No Nor Not Now Of On Only Or Over Per Said Says She Should Since So Still That
  The Their Then There These They This Those Though Through To Today Told Tonight Under Unlike Until Via Was We
  Well What When Where While Who Why Will With Without Would Yes Yesterday Yet Thanks Dear Vs Update Updated
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Breaking Analysis Opinion Photo Video Watch Read`.split(
    /\s+/,
  ),
);
/** Party and institution words that may stand before a politician's surname ("GOP Sessions"). */
const AFFILIATION_WORDS = new Set(
  'Republican Republicans Democrat Democratic Democrats GOP Independent Conservative Liberal Senate House U.S. US American Federal Former'.split(
    ' ',
  ),
);
/**
 * Occupations that identify someone; before a name ("actor Doug Jones") they
 * say who is meant, and they must fit the entity's own description.
 */
const ROLE_NOUNS = new Set(
  `actor actress comedian comic singer rapper musician songwriter drummer guitarist artist painter author novelist
  poet chef baker host anchor presenter model dancer director producer filmmaker designer photographer
  quarterback receiver linebacker pitcher shortstop striker goalkeeper forward guard center midfielder golfer boxer
  wrestler driver jockey swimmer sprinter skater rookie star defendant plaintiff suspect victim teacher professor
  student doctor nurse pastor priest rabbi bishop sheriff deputy officer detective firefighter mayor councilman
  councilwoman judge congressman congresswoman representative rep. youtuber influencer broadcaster`.split(
    /\s+/,
  ),
);
/** Words before an event phrase that make it a different event ("a second impeachment"). */
const OTHER_EVENT_QUALIFIERS =
  /(?:^|[^\p{L}])(?:second|third|fourth|another|new|next|latest|previous|prior|other|future|upcoming|possible|potential|2nd|3rd|failed|any|every|each|presidential|judicial|state|legislative|municipal|mayoral|district|county|city|primary)[\s\u00A0]+(?:[\p{L}-]+[\s\u00A0]+)?$/iu;
const YEAR = /(?<![\p{N}])(1[89]\d\d|20\d\d)(?![\p{N}])/gu;
const YEAR_WINDOW = 80;
const PLACE_WINDOW = 80;
/** Words that continue an institution's name without making it another one ("Senate Judiciary Committee"). */
const ORG_CONTINUATIONS = new Set(
  'Majority Minority Leader Leaders Judiciary Committee Intelligence Finance Foreign Armed Appropriations Banking Ethics Rules Republicans Democrats Tigers Football Chamber Floor'.split(
    ' ',
  ),
);
/** A sports score or a tally right after a name ("Alabama 38, Texas A&M 19"). */
const SCORE_AFTER =
  /^[ \u00A0]+\d{1,3}(?!\d)(?![ \u00A0]*(?:%|percent|points?\b))/u;

/** Why a local check refused an occurrence; `otherPerson` when it names someone else with that name. */
export type LocalVerdict =
  | { ok: true }
  | { ok: false; reason: string; otherPerson: boolean };
const OK: LocalVerdict = { ok: true };
const reject = (reason: string): LocalVerdict => ({
  ok: false,
  reason,
  otherPerson: false,
});
const someoneElse = (reason: string): LocalVerdict => ({
  ok: false,
  reason,
  otherPerson: true,
});

/** Lower-case descriptions of people ("the president"): kept for lookup, never linked in pages. */
export function isDescriptiveEpithet(alias: AliasEntry): boolean {
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

function titleCased(text: string): string {
  return text.replace(
    /(^|[\s-])(\p{Ll})/gu,
    (_all, space: string, letter: string) => space + letter.toUpperCase(),
  );
}

/** A word that ends a sentence ("Jones." before "Sessions shot back") rather than starting a name. */
function endsSentence(word: string): boolean {
  return /[.!?]$/u.test(word) && word.length > 3 && !/^\p{Lu}\.$/u.test(word);
}

/** Does an occupation before the name fit this entity's own description? */
function roleFits(facts: EntityFacts, role: string): boolean {
  const { entity } = facts;
  const about =
    `${entity.description} ${entity.summary} ${(entity.topics ?? []).join(' ')}`.toLowerCase();
  return about.includes(role.replace(/\.$/u, ''));
}

/** Rules for people's names: suffixes, other first names or initials, titles and roles that do not fit. */
function checkPersonName(
  alias: AliasEntry,
  facts: EntityFacts,
  text: string,
  start: number,
  end: number,
): LocalVerdict {
  if (SUFFIX.test(text.slice(end, end + 8).replace(/^[ \u00A0]+/u, ''))) {
    return someoneElse('followed by a name suffix');
  }
  // Asked only when a capitalized neighbour makes it matter (most names have none).
  const capsExempt = () => isTitleCase(text) || isShouting(text);
  const roleWords = wordsBefore(text, start, 2).map((word) =>
    word.toLowerCase(),
  );
  const role = roleWords.find((word) => ROLE_NOUNS.has(word));
  if (role && !roleFits(facts, role))
    return someoneElse(`"${role}" does not describe ${facts.entity.name}`);

  const singleWord = !/[\s\u00A0]/u.test(alias.text);
  if (alias.form === 'surname' || alias.form === 'first-name') {
    const before = wordBefore(text, start);
    if (before) {
      const { word } = before;
      const fit = titleFits(facts, word);
      if (fit === 'misfits')
        return someoneElse(`the title "${word}" does not fit`);
      if (fit === 'not-a-title' && /^\p{Lu}\.$/u.test(word))
        return someoneElse(`an initial "${word}" before it`);
      if (
        fit === 'not-a-title' &&
        isCapitalized(word) &&
        !endsSentence(word) &&
        !capsExempt()
      ) {
        const bare = word.replace(/['’]s$/u, '');
        const harmless =
          bare !== word || // "Alabama's Sessions"
          FUNCTION_WORDS.has(word.replace(/[.:]$/u, '')) ||
          AFFILIATION_WORDS.has(word) ||
          facts.nameNeighbourWords.has(word);
        if (!harmless)
          return someoneElse(
            `part of another name ("${word} ${text.slice(start, end)}")`,
          );
      }
    }
  }
  if (singleWord && alias.form !== 'handle') {
    // "Trump Tower", "Jones Day", "Coach Malzahn": a capitalized word right after makes it part of a longer name.
    const after = wordAfter(text, end);
    if (
      after &&
      isCapitalized(after) &&
      !FUNCTION_WORDS.has(after) &&
      !capsExempt()
    ) {
      if (
        !facts.nameNeighbourWords.has(after) &&
        !AFFILIATION_WORDS.has(after)
      ) {
        return reject(
          `part of a longer name ("${text.slice(start, end)} ${after}")`,
        );
      }
    }
  }
  return OK;
}

/** Rules for event phrases: not another, later or earlier one, not someone else's. */
function checkEventPhrase(
  alias: AliasEntry,
  facts: EntityFacts,
  text: string,
  start: number,
  end: number,
): LocalVerdict {
  if (alias.safety === 'safe') return OK;
  const head = text.slice(Math.max(0, start - 40), start);
  if (OTHER_EVENT_QUALIFIERS.test(head))
    return reject('qualified as another occurrence ("second", "new"...)');

  const entity = facts.entity;
  if (entity.kind === 'event') {
    const from = Number(entity.date.start.slice(0, 4));
    const to = Number((entity.date.end ?? entity.date.start).slice(0, 4));
    const window = text.slice(
      Math.max(0, start - YEAR_WINDOW),
      end + YEAR_WINDOW,
    );
    const years = [...window.matchAll(YEAR)].map((match) => Number(match[1]));
    if (years.length && !years.some((year) => year >= from && year <= to)) {
      return reject(`dated ${years[0]} nearby, not ${from}`);
    }
  }
  if (entity.kind === 'event' && entity.place && !namesOwnPlace(alias, facts)) {
    const near = text.slice(
      Math.max(0, start - PLACE_WINDOW),
      end + PLACE_WINDOW,
    );
    const other = [...near.matchAll(US_STATES)].find(
      (match) => !facts.placeWords.has(match[0]),
    );
    if (other) return reject(`near "${other[0]}": a race elsewhere`);
  }
  if (
    /^[ \u00A0]+runoff\b/iu.test(text.slice(end, end + 10)) &&
    !/runoff/iu.test(alias.text)
  ) {
    return reject('part of "… runoff": a different race');
  }
  const before = wordBefore(text, start);
  if (
    before &&
    isCapitalized(before.word) &&
    !isTitleCase(text) &&
    !isShouting(text) &&
    !endsSentence(before.word)
  ) {
    const bare = before.word.replace(/['’]s$/u, '');
    if (
      !facts.friendlyWords.has(bare) &&
      !AFFILIATION_WORDS.has(bare) &&
      !FUNCTION_WORDS.has(bare)
    ) {
      return reject(`"${before.word}" before it names a different one`);
    }
  }
  const of =
    /^[ \u00A0]+(?:of|in|against|for)[ \u00A0]+(?:the[ \u00A0]+)?((?:\p{Lu}[\p{L}.'’-]*[ \u00A0]*){1,3})/u.exec(
      text.slice(end, end + 60),
    );
  if (of) {
    const words = of[1]!
      .trim()
      .split(/[ \u00A0]+/u)
      .map((word) => word.replace(/['’]s$/u, ''));
    if (!words.some((word) => facts.friendlyWords.has(word)))
      return reject(`"of ${of[1]!.trim()}": a different one`);
  }
  return OK;
}

/** Does the alias itself name its event's place ("Alabama Senate race")? */
export function namesOwnPlace(alias: AliasEntry, facts: EntityFacts): boolean {
  return (alias.text.match(/\p{Lu}[\p{L}.]*/gu) ?? []).some((word) =>
    facts.placeWords.has(word),
  );
}

/** Words that mark sports writing: a state's name there is its team ("win over Alabama"). */
const SPORTS_WORDS =
  /(?<![\p{L}])(?:win over|receiver|quarterback|linebacker|running back|touchdown|Iron Bowl|Crimson Tide|Tigers|recruit|recruiting|Recruiting|five-star|four-star|bowl game|playoff|SEC|yards)(?![\p{L}])/u;
const SPORTS_WINDOW = 60;

/** Plural nouns a bare event word qualifies when it is used generically ("recusal questions"). */
const GENERIC_HEADS =
  /^[ \u00A0]+(?:questions|issues|rules|decisions|requests|laws|standards|cases|proceedings|powers|process|procedures|clause|experts|scholars)\b/u;

/** A one-word lower-case event phrase used as a common noun: "questions of recusal", "recusal questions". */
function isGenericUse(
  alias: AliasEntry,
  text: string,
  start: number,
  end: number,
): boolean {
  if (/[\s\u00A0]/u.test(alias.text) || isCapitalized(alias.text)) return false;
  if (GENERIC_HEADS.test(text.slice(end, end + 20))) return true;
  const head = text.slice(Math.max(0, start - 16), start);
  return (
    /(?:^|[^\p{L}])(?:of|whether|any|no)[ \u00A0]+$/iu.test(head) &&
    !/articles?[ \u00A0]+of[ \u00A0]+$/iu.test(head)
  );
}

/** Rules for places and organizations: a score after the name is a sports team. */
function checkPlaceOrOrganization(
  alias: AliasEntry,
  facts: EntityFacts,
  text: string,
  start: number,
  end: number,
): LocalVerdict {
  if (SCORE_AFTER.test(text.slice(end, end + 12)))
    return reject('followed by a score: a team');
  if (alias.kind === 'place') {
    const near = text.slice(
      Math.max(0, start - SPORTS_WINDOW),
      end + SPORTS_WINDOW,
    );
    if (SPORTS_WORDS.test(near))
      return reject('among sports words: the team, not the place');
  }
  if (
    alias.kind === 'organization' &&
    /(?:^|[^\p{L}])state[ \u00A0]+$/u.test(
      text.slice(Math.max(0, start - 8), start),
    )
  ) {
    return reject('"state Senate": a state legislature');
  }
  if (alias.safety === 'context') {
    // "Montgomery, Mobile and Auburn": one of a list of other names.
    const listed =
      /(\p{Lu}[\p{L}.'’-]*)(?:,[ \u00A0]*|[ \u00A0]+(?:and|or|&)[ \u00A0]+)$/u.exec(
        text.slice(Math.max(0, start - 40), start),
      );
    if (
      listed &&
      !facts.friendlyWords.has(listed[1]!) &&
      !AFFILIATION_WORDS.has(listed[1]!)
    ) {
      return reject(`listed after "${listed[1]}": one of several other names`);
    }
  }
  if (alias.safety === 'context' && !/[\s\u00A0]/u.test(alias.text)) {
    const after = wordAfter(text, end);
    if (
      after &&
      isCapitalized(after) &&
      !isTitleCase(text) &&
      !isShouting(text) &&
      !FUNCTION_WORDS.has(after)
    ) {
      if (
        !facts.friendlyWords.has(after) &&
        !AFFILIATION_WORDS.has(after) &&
        !ORG_CONTINUATIONS.has(after)
      ) {
        return reject(
          `part of a longer name ("${text.slice(start, end)} ${after}")`,
        );
      }
    }
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
  if (!caseFits(alias, text.slice(start, end), text, start))
    return reject('case does not fit a name');
  if (alias.kind === 'person')
    return checkPersonName(alias, facts, text, start, end);
  if (alias.kind === 'event') {
    const verdict = checkEventPhrase(alias, facts, text, start, end);
    if (!verdict.ok) return verdict;
  }
  if (isGenericUse(alias, text, start, end))
    return reject('used as a common noun ("questions of recusal")');
  return checkPlaceOrOrganization(alias, facts, text, start, end);
}

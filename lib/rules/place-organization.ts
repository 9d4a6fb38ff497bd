/**
 * Places and organizations: the name is part of something else. A score
 * after it or sports words around it make a place a team ("Alabama 38",
 * "Russia beat Spain 2-1"); a country before a legislature or party makes it
 * that country's ("the Nigerian Senate", "South Korea's Democratic Party");
 * "state Senate" is a legislature; a capitalized word next to it makes it
 * part of a longer name ("South China Sea", "Auburn Hills"); a list of other
 * names makes it one of them ("Montgomery, Mobile and Auburn").
 */
import {
  AFFILIATION_WORDS,
  FUNCTION_WORDS,
  OTHER_COUNTRIES,
  PLACE_CONTINUATIONS,
  NAMED_AFTER_PLACE,
  PLACE_REGIONS,
  TEAM_SPORT_WORDS,
  US_STATES,
} from '../../data/lexicon';
import type { AliasEntry, EntityFacts } from '../alias-table';
import {
  isCapitalized,
  isShouting,
  isTitleCase,
  startsSentence,
  wordAfter,
  wordBefore,
} from '../text-words';
import { accept, type LocalVerdict, reject } from './verdict';

const AFFILIATION = new Set(AFFILIATION_WORDS);
const FUNCTION = new Set(FUNCTION_WORDS);
const COUNTRIES: ReadonlySet<string> = new Set(OTHER_COUNTRIES);
const CONTINUATIONS = new Set(PLACE_CONTINUATIONS);
const REGIONS = new Set(PLACE_REGIONS);
const INSTITUTION_OF = new RegExp(
  `(?<![\\p{L}])(?:${NAMED_AFTER_PLACE.join('|')})[ \\u00A0]+of[ \\u00A0]+(?:the[ \\u00A0]+)?(?:(?:${PLACE_REGIONS.join('|')})[ \\u00A0]+)?$`,
  'u',
);

/** A sports score or a tally right after a name ("Alabama 38, Texas A&M 19", "Alabama6-2" in a table). */
const SCORE_AFTER =
  /^(?:[ \u00A0]+\d{1,3}(?!\d)(?![ \u00A0]*(?:%|percent|points?\b))|\d{1,2}-\d{1,2}(?!\d))/u;
/** Words that make the place next to them a team: "beat Alabama", "Russia edge Spain", "against Alabama on Saturday". */
const TEAM_VERBS_BEFORE =
  /(?:^|[^\p{L}])(?:beat|beats|beating|edge|edged|vs\.?|versus|defeated|defeating|topped|routed|upset|upsets|hosts|hosted|visits|visited)[ \u00A0]+$/u;
const TEAM_VERBS_AFTER =
  /^(?:['’]s)?[ \u00A0]+(?:beat|beats|edge|edges|edged|defeated|routed|topped|rolls|rolled|won|lost|drew|tied|scored|leads|trails|hosts|visits)[ \u00A0]+(?:\p{Lu}|\d|the[ \u00A0]+\p{Lu})/u;
/** Where a town is meant, not an organization named after it: "in Auburn", "Auburn, Alabama". */
const PLACE_PREPOSITION_BEFORE =
  /(?:^|[^\p{L}])(?:in|near|outside|around|downtown|from|to|toward|towards|through|across)[ \u00A0]+$/u;
const US_STATE_AFTER = new RegExp(
  `^,[ \\u00A0]+(?:${US_STATES.join('|')})(?![\\p{L}])`,
  'u',
);
/**
 * A legislature or party in a paragraph about another country is that
 * country's: "Senate President Ahmad Lawan said the Senate would…" after
 * "the Nigerian Senate". Signs of the United States keep it ours.
 */
const FOREIGN_IN_SEGMENT = new RegExp(
  `(?<![\\p{L}])(?:${OTHER_COUNTRIES.filter((word) => !/^(Peoples|People's|Liberal|European)$/u.test(word)).join('|')})(?![\\p{L}])`,
  'u',
);
const AMERICAN_IN_SEGMENT = new RegExp(
  `(?<![\\p{L}])(?:U\\.S\\.|US|United States|American|Americans|Washington|Congress|Capitol|White House|${US_STATES.join('|')})(?![\\p{L}])`,
  'u',
);
/** A match score nearby ("2-1", "11-0"). */
const MATCH_SCORE = /(?<![\p{N}-])\d{1,2}[-–]\d{1,2}(?![\p{N}-])/u;
const SPORTS = new RegExp(
  `(?<![\\p{L}])(?:${TEAM_SPORT_WORDS.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`,
  'u',
);
const SPORTS_WINDOW = 60;

/** Legislatures and parties: every country has one with the same name. */
function isGovernmentOrParty(facts: EntityFacts): boolean {
  return /\b(?:Senate|Party|House|Congress|Parliament)\b/u.test(
    facts.entity.name,
  );
}

export function checkPlaceOrOrganization(
  alias: AliasEntry,
  facts: EntityFacts,
  text: string,
  start: number,
  end: number,
): LocalVerdict {
  if (SCORE_AFTER.test(text.slice(end, end + 12)))
    return reject('followed by a score: a team');
  if (
    alias.kind === 'place' &&
    (TEAM_VERBS_BEFORE.test(text.slice(Math.max(0, start - 16), start)) ||
      TEAM_VERBS_AFTER.test(text.slice(end, end + 24)))
  )
    return reject('beaten, beating or playing: a team');
  if (
    alias.kind === 'place' &&
    INSTITUTION_OF.test(text.slice(Math.max(0, start - 40), start))
  )
    return reject('part of an institution’s name ("University of …")');
  if (alias.placeName) {
    if (
      PLACE_PREPOSITION_BEFORE.test(
        text.slice(Math.max(0, start - 12), start),
      ) ||
      US_STATE_AFTER.test(text.slice(end, end + 20))
    )
      return reject('the town of that name');
  }
  if (
    alias.kind === 'organization' &&
    isGovernmentOrParty(facts) &&
    FOREIGN_IN_SEGMENT.test(text) &&
    !AMERICAN_IN_SEGMENT.test(text)
  )
    return reject('in a paragraph about another country');
  if (alias.kind === 'place') {
    const near = text.slice(
      Math.max(0, start - SPORTS_WINDOW),
      end + SPORTS_WINDOW,
    );
    if (
      SPORTS.test(near) ||
      (MATCH_SCORE.test(near) &&
        /\b(?:beat|beats|edge|edged|drew|lost|won|defeated|draw)\b/u.test(near))
    )
      return reject('among sports words: the team, not the place');
  }
  const headline = isTitleCase(text) || isShouting(text);
  const before = wordBefore(text, start);
  if (alias.kind === 'organization') {
    if (
      /(?:^|[^\p{L}])state[ \u00A0]+$/u.test(
        text.slice(Math.max(0, start - 8), start),
      )
    )
      return reject('"state Senate": a state legislature');
    // "the Nigerian Senate", "South Korea's Democratic Party".
    const country = before?.word.replace(/['’]s$/u, '');
    if (country && COUNTRIES.has(country))
      return reject(`"${before!.word}" before it: another country's`);
    if (
      /^[ \u00A0]+of[ \u00A0]+(?:the[ \u00A0]+)?\p{Lu}/u.test(
        text.slice(end, end + 24),
      )
    ) {
      const of = /^[ \u00A0]+of[ \u00A0]+(?:the[ \u00A0]+)?([\p{L}]+)/u.exec(
        text.slice(end, end + 40),
      );
      if (of && COUNTRIES.has(of[1]!))
        return reject(`"of ${of[1]}": another country's`);
    }
  }
  if (
    alias.safety === 'context' &&
    (alias.kind === 'place' || alias.placeName)
  ) {
    // "Montgomery, Mobile and Auburn": one of a list of other towns. (A list of
    // organizations, "Facebook, Instagram and Twitter", is still Twitter.)
    const listed =
      /(\p{Lu}[\p{L}.'’-]*)(?:,[ \u00A0]*|[ \u00A0]+(?:and|or|&)[ \u00A0]+)$/u.exec(
        text.slice(Math.max(0, start - 40), start),
      );
    if (
      listed &&
      !facts.friendlyWords.has(listed[1]!) &&
      !AFFILIATION.has(listed[1]!)
    ) {
      return reject(`listed after "${listed[1]}": one of several other names`);
    }
  }
  if (!headline && !/[\s\u00A0]/u.test(alias.text)) {
    // "South China Sea", "China Grove", "Auburn Hills", "Peoples Democratic Party".
    const after = wordAfter(text, end);
    if (
      after &&
      isCapitalized(after) &&
      !FUNCTION.has(after) &&
      !facts.friendlyWords.has(after) &&
      !AFFILIATION.has(after) &&
      !CONTINUATIONS.has(after.replace(/['’]s$/u, ''))
    ) {
      return reject(
        `part of a longer name ("${text.slice(start, end)} ${after}")`,
      );
    }
    if (
      before &&
      isCapitalized(before.word) &&
      !/[.!?:]$/u.test(before.word) &&
      !startsSentence(text, before.start) &&
      !FUNCTION.has(before.word) &&
      !facts.friendlyWords.has(before.word.replace(/['’]s$/u, '')) &&
      !AFFILIATION.has(before.word) &&
      !REGIONS.has(before.word) &&
      !/['’]s$/u.test(before.word)
    ) {
      return reject(
        `part of a longer name ("${before.word} ${text.slice(start, end)}")`,
      );
    }
  }
  return accept();
}

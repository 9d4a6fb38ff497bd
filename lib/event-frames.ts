/**
 * Events as frames, not strings. An event is referred to by a head word
 * ("runoff", "impeachment", "recused") with qualifiers around it: "the July 14
 * GOP Senate runoff in Alabama" is one head with a date, a party, an office
 * and a state. `readEventPhrase` finds the phrase and its qualifiers;
 * `judgeFrame` compares them with what an event's frame says it is:
 *
 * - every qualifier fits → this event ("fits"), with how specific it is;
 * - one qualifier conflicts (another state, year, office, party, ordinal, or
 *   another person's name) → another event ("other");
 * - no qualifier ("the runoff") → "bare": the paragraph or the page must be
 *   about the event before it links.
 *
 * Pure: strings in, offsets and verdicts out. The word lists are data
 * (data/lexicon.ts); the frames are curated (data/sources/…/entities.yaml).
 */
import type { EventEntity } from '../data/dataset-schema';
import {
  EVENT_PHRASE_FILLERS,
  FUNCTION_WORDS,
  TITLE_CLASSES,
  MONTH_ABBREVIATIONS,
  MONTHS,
  OFFICE_WORDS,
  ORDINAL_WORDS,
  PARTY_WORDS,
  STAGE_WORDS,
  US_STATES,
} from '../data/lexicon';

export type Qualifier =
  | { slot: 'state'; value: string }
  | { slot: 'year'; value: number }
  | { slot: 'date'; month: number; day: number | null }
  | {
      slot: 'party' | 'office' | 'ordinal' | 'stage';
      value: string;
    }
  /** A capitalized name that is none of the above: "Clinton", "Mueller", "FBI". */
  | { slot: 'name'; value: string }
  /** One of the frame's own cues: "Super Tuesday", "Russia". */
  | { slot: 'cue'; value: string }
  /** A word that makes the phrase generic: "any impeachment", "primary debate". */
  | { slot: 'generic'; value: string };

export type EventPhrase = {
  start: number;
  end: number;
  qualifiers: Qualifier[];
};

/** How far an event phrase reaches on each side of its head, in words. */
const MAX_LEFT_WORDS = 7;
const MAX_RIGHT_WORDS = 8;

/** Nouns that continue an event's head as a compound: "runoff election", "impeachment trial". */
const HEAD_CONTINUATIONS = new Set(
  'race election contest vote voting night results result campaign trial inquiry proceedings ballot day'.split(
    ' ',
  ),
);
/** Prepositions that attach a qualifier after the head: "runoff in Alabama", "runoff for the Republican nomination". */
const ATTACHING_PREPOSITIONS = new Set(
  'in for on of between against from into over at'.split(' '),
);
/**
 * Nouns that make a head generic when it modifies them: "primary
 * challenger", "primary vote history", "runoff rules" speak of primaries and
 * runoffs in general. ("Runoff voters" and "the primary debate" are still
 * about the event and keep it.)
 */
const ATTRIBUTIVE_NOUNS = new Set(
  'challenger challengers fights fight battles battle history calendar calendars schedule system systems law laws rules rule process season standard standards threshold thresholds procedure procedures requirement requirements'.split(
    ' ',
  ),
);
const ORDINAL_NUMBER = /^\d+(?:st|nd|rd|th)$/u;
/** Determiners that make a phrase about any such event, not one: "any impeachment". */
const GENERIC_DETERMINERS = new Set([
  'any',
  'every',
  'each',
  'all',
  'no',
  'statewide',
  'one',
  'other',
]);

/** Nouns that close a prepositional qualifier: "for the Republican nomination", "for the Senate seat". */
const OBJECT_NOUNS = new Set([
  'nomination',
  'seat',
  'seats',
  'nominee',
  'interference',
  'election',
  'elections',
]);

/** Words a prepositional qualifier may hold besides qualifiers and names. */
const OBJECT_FILLERS = new Set(
  "the a an his her their its nomination seat seats party party's state state's nominee special counsel counsel's and election elections interference".split(
    ' ',
  ),
);
const FILLERS = new Set(EVENT_PHRASE_FILLERS.map((word) => word.toLowerCase()));

type Lexeme = { slot: Qualifier['slot']; value: string; words: string[] };

/** Every multi- or single-word qualifier, longest first, so "U.S. Senate" wins over "Senate". */
const LEXEMES: Lexeme[] = (() => {
  const lexemes: Lexeme[] = [];
  const add = (
    slot: Qualifier['slot'],
    table: Record<string, readonly string[]>,
  ) => {
    for (const [value, phrases] of Object.entries(table))
      for (const phrase of phrases)
        lexemes.push({ slot, value, words: phrase.split(' ') });
  };
  add('office', OFFICE_WORDS);
  add('party', PARTY_WORDS);
  add('ordinal', ORDINAL_WORDS);
  add('stage', STAGE_WORDS);
  for (const state of US_STATES)
    lexemes.push({ slot: 'state', value: state, words: state.split(' ') });
  return lexemes.sort((a, b) => b.words.length - a.words.length);
})();

/** Words that start a typed qualifier ("House", "Senate", "Texas", "GOP"): never a person. */
const LEXEME_FIRST_WORDS = new Set(LEXEMES.map((lexeme) => lexeme.words[0]!));

type Token = { text: string; start: number; end: number };
const TOKEN = /[\p{L}\p{N}@#][\p{L}\p{M}\p{N}.'’&-]*|[,;:!?()"“”—–]/gu;

/** Tokens of the sentence-sized window around [from, to). */
function tokensAround(text: string, from: number, to: number): Token[] {
  const windowStart = Math.max(0, from - 160);
  const windowEnd = Math.min(text.length, to + 200);
  const slice = text.slice(windowStart, windowEnd);
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(slice); match; match = TOKEN.exec(slice)) {
    // A token ending in a full stop ends a sentence unless it is an initial or abbreviation.
    tokens.push({
      text: match[0],
      start: windowStart + match.index,
      end: windowStart + match.index + match[0].length,
    });
  }
  return tokens;
}

const possessive = (word: string) => /['’]s?$/u.test(word) && word.length > 2;
const bare = (word: string) => word.replace(/['’]s?$/u, '').replace(/\.$/u, '');
const isCapitalized = (word: string) => /^\p{Lu}/u.test(word);
const YEAR = /^(1[89]\d\d|20\d\d)(?:['’]s)?$/u;
const DAY = /^([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[,.]?$/u;
/** Titles inside a prepositional object ("against President Trump") stand before the name. */
const TITLE_WORDS_IN_OBJECTS: ReadonlySet<string> = new Set(
  TITLE_CLASSES.flat().filter((word) => /^\p{Lu}/u.test(word)),
);

/** Capitalized words that are not names: sentence openers ("In", "Once"), titles ("President"), months. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  ...TITLE_CLASSES.flat().map((word) => word.replace(/\.$/u, '')),
  ...MONTHS,
  ...Object.keys(MONTH_ABBREVIATIONS).map((word) => word.replace(/\.$/u, '')),
]);

function monthOf(word: string): number | null {
  const index = MONTHS.indexOf(bare(word) as (typeof MONTHS)[number]);
  if (index >= 0) return index + 1;
  return MONTH_ABBREVIATIONS[word] ?? null;
}

/** Ends a sentence: "." after a lower-case word or a long one ("runoff." not "U.S." or "Sen."). */
function endsSentence(token: Token): boolean {
  if (/^[!?;:]$/u.test(token.text)) return true;
  if (!token.text.endsWith('.')) return false;
  const word = token.text.slice(0, -1);
  if (/^\p{Lu}(\.\p{Lu})*$/u.test(word)) return false; // U.S., J.
  return !/^(Sen|Rep|Gov|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No|Ala|Tenn|Ga|Fla|Miss|Calif)$/u.test(
    word,
  );
}

/** The qualifier that starts at `tokens[i]`, and how many tokens it takes. */
function qualifierAt(
  tokens: readonly Token[],
  i: number,
  cues: readonly string[][],
): { qualifier: Qualifier; length: number } | null {
  const word = tokens[i]!.text;
  for (const cue of cues) {
    if (matchesWords(tokens, i, cue))
      return {
        qualifier: { slot: 'cue', value: cue.join(' ') },
        length: cue.length,
      };
  }
  for (const lexeme of LEXEMES) {
    if (matchesWords(tokens, i, lexeme.words)) {
      const qualifier = { slot: lexeme.slot, value: lexeme.value } as Qualifier;
      return { qualifier, length: lexeme.words.length };
    }
  }
  const year = YEAR.exec(word);
  if (year)
    return { qualifier: { slot: 'year', value: Number(year[1]) }, length: 1 };
  const month = monthOf(word);
  if (month !== null) {
    const next = tokens[i + 1];
    const day = next ? DAY.exec(next.text) : null;
    return {
      qualifier: { slot: 'date', month, day: day ? Number(day[1]) : null },
      length: day ? 2 : 1,
    };
  }
  if (
    isCapitalized(word) &&
    !FILLERS.has(word.toLowerCase()) &&
    !NOT_NAMES.has(bare(word))
  ) {
    return { qualifier: { slot: 'name', value: bare(word) }, length: 1 };
  }
  return null;
}

/** Do the tokens from `i` read `words` (possessive and full stop allowed on the last)? */
function matchesWords(
  tokens: readonly Token[],
  i: number,
  words: readonly string[],
): boolean {
  for (let k = 0; k < words.length; k += 1) {
    const token = tokens[i + k];
    if (!token) return false;
    const text =
      k === words.length - 1 ? token.text.replace(/['’]s$/u, '') : token.text;
    if (text !== words[k] && text.replace(/\.$/u, '') !== words[k])
      return false;
  }
  return true;
}

/**
 * The phrase around the head at [headStart, headEnd) with its qualifiers:
 * left over determiners, fillers and qualifier words; right over compound
 * nouns ("runoff election"), a reflexive ("recused himself") and one
 * prepositional qualifier ("in Alabama", "for the Republican nomination").
 */
export function readEventPhrase(
  text: string,
  headStart: number,
  headEnd: number,
  cueWords: readonly string[] = [],
  /** Heads of other events: a qualifier after the head stops before another event's phrase. */
  stopWords: ReadonlySet<string> = new Set(),
  /** A verb's subject is not part of its phrase ("Sessions recused himself"): no left side. */
  isVerb = false,
): EventPhrase {
  const cues = cueWords
    .map((cue) => cue.split(' '))
    .sort((a, b) => b.length - a.length);
  const tokens = tokensAround(text, headStart, headEnd);
  const head = tokens.findIndex((token) => token.start >= headStart);
  if (head < 0) return { start: headStart, end: headEnd, qualifiers: [] };
  let headLast = head;
  while (headLast + 1 < tokens.length && tokens[headLast + 1]!.start < headEnd)
    headLast += 1;
  const qualifiers: Qualifier[] = [];
  let start = headStart;

  // Left: back from the head while words are phrase material.
  let taken = 0;
  for (let i = isVerb ? -1 : head - 1; i >= 0 && taken < MAX_LEFT_WORDS; ) {
    const token = tokens[i]!;
    if (endsSentence(token) || /^[,;:!?()"“”—–]$/u.test(token.text)) {
      // "July 14, 2020 runoff": a comma inside a date is part of the phrase.
      if (token.text === ',' && i > 0 && DAY.test(tokens[i - 1]!.text)) {
        i -= 1;
        continue;
      }
      break;
    }
    let found: { qualifier: Qualifier; length: number } | null = null;
    // Multi-word qualifiers end at i: try each start from the longest.
    for (let length = 3; length >= 1 && !found; length -= 1) {
      const from = i - length + 1;
      if (from < 0) continue;
      const candidate = qualifierAt(tokens, from, cues);
      if (candidate && candidate.length === length) found = candidate;
    }
    if (found) {
      // A capitalized word that only starts the sentence is not a name ("Tonight's runoff").
      const first = tokens[i - found.length + 1]!;
      const atSentenceStart =
        i - found.length < 0 || endsSentence(tokens[i - found.length]!);
      if (
        found.qualifier.slot === 'name' &&
        atSentenceStart &&
        !possessive(first.text)
      ) {
        break;
      }
      qualifiers.push(found.qualifier);
      start = first.start;
      i -= found.length;
      taken += found.length;
      continue;
    }
    const lower = token.text.toLowerCase();
    if (GENERIC_DETERMINERS.has(lower)) {
      qualifiers.push({ slot: 'generic', value: lower });
      start = token.start;
      break;
    }
    if (FILLERS.has(lower) || FILLERS.has(lower.replace(/['’]s$/u, "'s"))) {
      if (/^(the|a|an|this|that|his|her|their|its|our)$/u.test(lower))
        start = token.start;
      i -= 1;
      taken += 1;
      continue;
    }
    if (DAY.test(token.text)) {
      i -= 1;
      continue;
    }
    break;
  }

  // Right: compounds, a reflexive, then up to two prepositional qualifiers.
  let end = tokens[headLast]!.end;
  let j = headLast + 1;
  while (
    j < tokens.length &&
    HEAD_CONTINUATIONS.has(tokens[j]!.text.toLowerCase())
  ) {
    end = tokens[j]!.end;
    j += 1;
  }
  // "primary debate", "runoff ballots": the head modifies another noun, and
  // the phrase is about that noun, not the event.
  const nextWord = tokens[j]?.text.replace(/[.,;:!?]+$/u, '');
  const attributive =
    !isVerb &&
    nextWord !== undefined &&
    /^\p{Ll}[\p{Ll}-]+$/u.test(nextWord) &&
    ATTRIBUTIVE_NOUNS.has(nextWord);
  if (
    j < tokens.length &&
    /^(himself|herself|themselves|yourself)$/u.test(tokens[j]!.text)
  ) {
    end = tokens[j]!.end;
    j += 1;
  }
  for (let phrases = 0; phrases < 2; phrases += 1) {
    const preposition = tokens[j];
    if (
      !preposition ||
      !ATTACHING_PREPOSITIONS.has(preposition.text.toLowerCase())
    )
      break;
    const found: Qualifier[] = [];
    /** Where the phrase ends if this object belongs to it (-1: it does not). */
    let objectEnd = -1;
    let otherEvent = false;
    let namesAfterHead = false;
    let k = j + 1;
    for (
      let taken = 0;
      k < tokens.length && taken < MAX_RIGHT_WORDS;
      taken += 1
    ) {
      const token = tokens[k]!;
      if (/^[,;:!?()"“”—–]$/u.test(token.text)) break;
      if (stopWords.has(token.text.toLowerCase())) {
        otherEvent = true;
        break;
      }
      const qualifier = qualifierAt(tokens, k, cues);
      if (
        qualifier &&
        tokens
          .slice(k, k + qualifier.length)
          .some((t) => stopWords.has(t.text.toLowerCase()))
      ) {
        // "from the Russia investigation": a cue that holds another event's head.
        found.push(qualifier.qualifier);
        otherEvent = true;
        break;
      }
      if (qualifier?.qualifier.slot === 'name') {
        // "the runoff between Sessions and Tuberville": the names qualify the
        // phrase but stay mentions of their own, outside its span.
        found.push(qualifier.qualifier);
        k += qualifier.length;
        namesAfterHead = true;
        continue;
      }
      if (qualifier) {
        found.push(qualifier.qualifier);
        k += qualifier.length;
        if (!namesAfterHead) objectEnd = tokens[k - 1]!.end;
        if (endsSentence(tokens[k - 1]!)) break;
        continue;
      }
      const word = token.text.toLowerCase().replace(/[.,;:!?]+$/u, '');
      if (
        OBJECT_FILLERS.has(word) ||
        // "of President Bill Clinton": the title is not the name.
        TITLE_WORDS_IN_OBJECTS.has(token.text.replace(/[,;:]+$/u, '')) ||
        DAY.test(token.text) ||
        ORDINAL_NUMBER.test(word)
      ) {
        // A noun after the qualifier ends the object: "for the Republican nomination".
        if (found.length && OBJECT_NOUNS.has(word))
          objectEnd = token.start + word.length;
        k += 1;
        if (endsSentence(token)) break;
        continue;
      }
      break;
    }
    if (!found.length) break;
    qualifiers.push(...found);
    // "recused himself from the Russia investigation": the object is an
    // event of its own; its words count, but it keeps its own span.
    if (otherEvent) break;
    if (objectEnd > 0) end = objectEnd;
    if (namesAfterHead) break;
    j = k;
  }
  if (attributive) qualifiers.push({ slot: 'generic', value: nextWord! });
  // "impeached Trump again", "impeached twice": another time than this one.
  const after = tokens
    .slice(headLast + 1, headLast + 5)
    .map((token) => token.text.replace(/[.,;:!?]+$/u, ''));
  if (after.includes('again') || after.includes('twice'))
    qualifiers.push({ slot: 'ordinal', value: 'second' });
  // "the runoff there": the place named before, which may be another state.
  if (
    tokens[j]?.text.replace(/[.,;:!?]+$/u, '') === 'there' ||
    after[0] === 'there'
  ) {
    const state = stateBefore(text, start);
    if (state) qualifiers.push({ slot: 'state', value: state });
  }
  return { start, end: trimEnd(text, start, end), qualifiers };
}

/** A phrase never ends on a full stop or comma of the sentence. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (
    at > start &&
    /[.,]/u.test(text[at - 1]!) &&
    !/\p{Lu}\.$/u.test(text.slice(at - 3, at))
  )
    at -= 1;
  return at;
}

/**
 * The nearest name before a verb in its sentence: the subject of "recused"
 * ("Sessions recused himself") or a pronoun. Null when the sentence has none.
 */
export function subjectBefore(
  text: string,
  verbStart: number,
): { type: 'name'; value: string } | { type: 'pronoun' } | null {
  const tokens = tokensAround(text, verbStart, verbStart);
  let i = tokens.findIndex((token) => token.start >= verbStart) - 1;
  if (i < -1) i = tokens.length - 1;
  for (let taken = 0; i >= 0 && taken < 14; i -= 1, taken += 1) {
    const token = tokens[i]!;
    if (endsSentence(token)) return null;
    if (/^(he|she|who|him|He|She|Who)$/u.test(token.text))
      return { type: 'pronoun' };
    if (
      LEXEME_FIRST_WORDS.has(bare(token.text)) ||
      NOT_NAMES.has(bare(token.text))
    )
      continue; // "the House impeached": an office, not a person.
    if (isCapitalized(token.text) && !FILLERS.has(token.text.toLowerCase())) {
      const atSentenceStart = i === 0 || endsSentence(tokens[i - 1]!);
      if (
        atSentenceStart &&
        !possessive(token.text) &&
        !/^\p{Lu}[\p{Ll}]+$/u.test(token.text)
      )
        continue;
      if (atSentenceStart && FUNCTION_LIKE.test(token.text)) continue;
      return { type: 'name', value: bare(token.text) };
    }
  }
  return null;
}
const FUNCTION_LIKE =
  /^(The|A|An|In|On|At|As|After|Before|When|While|If|But|And|Then|Since|Once|Although|Because|Still|Yet|So)$/u;

/** Capitalized names after a verb in its sentence (its object): "impeached Trump". */
export function namesAfter(text: string, verbEnd: number): string[] {
  const tokens = tokensAround(text, verbEnd, verbEnd);
  const names: string[] = [];
  let i = tokens.findIndex((token) => token.start >= verbEnd);
  for (
    let taken = 0;
    i >= 0 && i < tokens.length && taken < 6;
    i += 1, taken += 1
  ) {
    const token = tokens[i]!;
    if (isCapitalized(token.text) && !FILLERS.has(token.text.toLowerCase()))
      names.push(bare(token.text));
    if (endsSentence(token)) break;
  }
  return names;
}

export type FrameFacts = {
  event: EventEntity;
  /** Words that name the event's place ("Alabama"). */
  placeWords: ReadonlySet<string>;
  /** Surnames, first names and other name words of the participants. */
  participantWords: ReadonlySet<string>;
  /** Years the event covers, from its date and other dates. */
  years: ReadonlySet<number>;
  /** Known days and months as [month, day | null]. */
  dates: ReadonlyArray<readonly [number, number | null]>;
};

/** Strong qualifiers say which event on their own; weak ones only narrow it down. */
const STRONG_SLOTS = new Set<Qualifier['slot']>([
  'date',
  'state',
  'name',
  'cue',
]);

export type FrameVerdict =
  | { verdict: 'fits'; strong: Qualifier[]; weak: Qualifier[] }
  | { verdict: 'other'; conflict: Qualifier }
  | { verdict: 'bare' };

export function judgeFrame(
  facts: FrameFacts,
  qualifiers: readonly Qualifier[],
): FrameVerdict {
  const frame = facts.event.frame;
  const strong: Qualifier[] = [];
  const weak: Qualifier[] = [];
  for (const qualifier of qualifiers) {
    const fit = qualifierFits(facts, qualifier);
    if (fit === 'conflicts') return { verdict: 'other', conflict: qualifier };
    if (fit === 'neutral') continue;
    // A month alone ("the March primary") narrows; a day ("March 3") names.
    const isStrong =
      STRONG_SLOTS.has(qualifier.slot) &&
      !(qualifier.slot === 'date' && qualifier.day === null);
    (isStrong ? strong : weak).push(qualifier);
  }
  if (!frame) return { verdict: 'bare' };
  return strong.length || weak.length
    ? { verdict: 'fits', strong, weak }
    : { verdict: 'bare' };
}

function qualifierFits(
  facts: FrameFacts,
  qualifier: Qualifier,
): 'fits' | 'conflicts' | 'neutral' {
  const frame = facts.event.frame!;
  switch (qualifier.slot) {
    case 'generic':
      return 'conflicts';
    case 'cue':
      return 'fits';
    case 'state':
      return facts.placeWords.has(qualifier.value) ? 'fits' : 'conflicts';
    case 'year':
      return facts.years.has(qualifier.value) ? 'fits' : 'conflicts';
    case 'date':
      return facts.dates.some(
        ([month, day]) =>
          month === qualifier.month &&
          (qualifier.day === null || day === null || day === qualifier.day),
      )
        ? 'fits'
        : 'conflicts';
    case 'party':
      if (!frame.party) return 'neutral';
      return frame.party === qualifier.value ? 'fits' : 'conflicts';
    case 'office':
      if (!frame.office) return 'neutral';
      return frame.office === qualifier.value ? 'fits' : 'conflicts';
    case 'ordinal':
      return (frame.ordinal ?? 'first') === qualifier.value
        ? 'fits'
        : 'conflicts';
    case 'stage': {
      if (!frame.stage || frame.stage === qualifier.value) return 'fits';
      // "primary runoff": a runoff is the second round of a primary.
      if (frame.stage === 'runoff' && qualifier.value === 'primary')
        return 'fits';
      return 'conflicts';
    }
    case 'name':
      if (facts.participantWords.has(qualifier.value)) return 'fits';
      if (facts.placeWords.has(qualifier.value)) return 'fits';
      return 'conflicts';
  }
}

/** The facts `judgeFrame` needs about one event, from the dataset. */
export function frameFactsOf(
  event: EventEntity,
  placeWords: ReadonlySet<string>,
  participantWords: ReadonlySet<string>,
): FrameFacts {
  const days = [
    event.date.start,
    event.date.end,
    ...(event.frame?.otherDates ?? []),
  ].filter((day): day is string => day !== undefined);
  const years = new Set(days.map((day) => Number(day.slice(0, 4))));
  // A span of years ("2017-05-17 – 2019-03-22") covers the years between.
  const sorted = [...years].sort();
  for (let year = sorted[0]!; year <= sorted[sorted.length - 1]!; year += 1)
    years.add(year);
  const dates = days.map((day) => {
    const [, month, date] = day.split('-');
    return [Number(month), date === undefined ? null : Number(date)] as const;
  });
  return { event, placeWords, participantWords, years, dates };
}

/**
 * The nearest capitalized name before `at` in the text, across sentences:
 * the antecedent of "he" in "Whitaker … He declined to recuse". Sentence
 * starts and function words are not names.
 */
export function nameBefore(text: string, at: number): string | null {
  const tokens = tokensAround(text, at, at);
  let i = tokens.findIndex((token) => token.start >= at) - 1;
  if (i < -1) i = tokens.length - 1;
  for (; i >= 0; i -= 1) {
    const token = tokens[i]!;
    if (!isCapitalized(token.text) || FILLERS.has(token.text.toLowerCase()))
      continue;
    const atSentenceStart = i === 0 || endsSentence(tokens[i - 1]!);
    if (atSentenceStart && !possessive(token.text)) continue;
    const word = bare(token.text);
    if (FUNCTION_LIKE.test(word) || NOT_NAMES.has(word)) continue;
    if (LEXEME_FIRST_WORDS.has(word)) continue; // "Democrats", "House", "Texas": not a person.
    return word;
  }
  return null;
}

/** The nearest US state named before `at` (within a few sentences): what "there" points to. */
function stateBefore(text: string, at: number): string | null {
  const before = text.slice(Math.max(0, at - 400), at);
  let found: string | null = null;
  for (const state of US_STATES) {
    const index = before.lastIndexOf(state);
    if (index >= 0 && (found === null || index > before.lastIndexOf(found)))
      found = state;
  }
  return found;
}

/**
 * The sentence around a mention: the qualifiers a bare event phrase borrows
 * from it (another state, year, day or office makes it another event), the
 * owner of a nominalized verb ("Sessions’s decision to"), the description
 * words near a name, and how qualifiers read in a card. Pure.
 */
import { US_STATES } from './text-words';
import type { FrameFacts, Qualifier } from './event-frames';

/**
 * A qualifier elsewhere in the sentence that makes a bare or weakly
 * qualified phrase another event: another state (when the event's own is not
 * there too), another year, another office ("House", "congressional").
 */
export function sentenceConflict(
  facts: FrameFacts,
  text: string,
  start: number,
  end: number,
): boolean {
  const from = sentenceStart(text, start);
  const to = sentenceEnd(text, end);
  const sentence = text.slice(from, to);
  let ownState = false;
  let otherState = false;
  US_STATES.lastIndex = 0;
  for (
    let match = US_STATES.exec(sentence);
    match;
    match = US_STATES.exec(sentence)
  ) {
    if (facts.placeWords.has(match[0])) ownState = true;
    else otherState = true;
  }
  if (otherState && !ownState) return true;
  for (const match of sentence.matchAll(
    /(?<![\p{N}])(1[89]\d\d|20\d\d)(?![\p{N}])/gu,
  )) {
    if (!facts.years.has(Number(match[1]))) {
      // A year right before the phrase or inside it decides; a year elsewhere
      // in a long sentence only when the event's own years are absent.
      if (![...facts.years].some((year) => sentence.includes(String(year))))
        return true;
    }
  }
  // Days named in the sentence, none of them this event's: another one ("is June 9").
  const days = [...sentence.matchAll(SENTENCE_DAY)].map((match) => [
    MONTH_NUMBERS.get(match[1]!.replace(/\.$/u, '')) ?? 0,
    Number(match[2]),
  ]);
  if (
    days.length &&
    !days.some(([month, day]) =>
      facts.dates.some(([m, d]) => m === month && (d === null || d === day)),
    )
  )
    return true;
  const office = facts.event.frame?.office;
  if (
    office &&
    office !== 'house' &&
    /(?<![\p{L}])(?:House seat|House seats|congressional|Congressional|[0-9]+(?:st|nd|rd|th) (?:Congressional )?District|state Senate|state House|Rep\.)(?![\p{L}])/u.test(
      sentence,
    )
  )
    return true;
  return false;
}

const MONTH_NUMBERS = new Map<string, number>([
  ...[
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ].map((name, index) => [name, index + 1] as const),
  ...(['Jan', 'Feb', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec'] as const).map(
    (name) =>
      [
        name,
        (
          {
            Jan: 1,
            Feb: 2,
            Aug: 8,
            Sept: 9,
            Sep: 9,
            Oct: 10,
            Nov: 11,
            Dec: 12,
          } as const
        )[name],
      ] as const,
  ),
]);
const SENTENCE_DAY =
  /(?<![\p{L}])(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)[ \u00A0]+(\d{1,2})(?![\p{N}])/gu;

export function sentenceStart(text: string, at: number): number {
  let from = 0;
  for (const stop of ['. ', '? ', '! ', '; ']) {
    const found = text.lastIndexOf(stop, at - 1);
    if (found >= 0) from = Math.max(from, found + stop.length);
  }
  return from;
}

export function sentenceEnd(text: string, at: number): number {
  let to = text.length;
  for (const stop of ['. ', '? ', '! ', '; ']) {
    const found = text.indexOf(stop, at);
    if (found >= 0) to = Math.min(to, found);
  }
  return to;
}

/**
 * "Sessions’s decision to", "his 2017 decision, weeks into his tenure, to":
 * a possessor and a noun for the act, right before the verb.
 */
export const OWNED_VERB_PHRASE =
  /(\p{Lu}[\p{L}-]+)['’]s?[ \u00A0]+(?:(?:\d{4}|later|early|own|first)[ \u00A0]+)?(?:decision|choice|move|refusal|willingness|vow|pledge|promise)(?:,[^,.;]{1,60},)?[ \u00A0]+to[ \u00A0]+$/u;

/** How far around a name its sentence is read for context words. */
const CONTEXT_WINDOW = 90;
const CONTEXT_WORD = /[\p{L}][\p{L}'’-]{3,}/gu;

/**
 * Words of the entity's own description and topics near the mention ("the
 * Democratic senator from Alabama, Doug Jones"): the classic context
 * similarity of entity linking, counted in distinct words.
 */
export function contextWordsAround(
  vocabulary: ReadonlySet<string>,
  text: string,
  start: number,
  end: number,
): string[] {
  if (!vocabulary.size) return [];
  const from = Math.max(0, start - CONTEXT_WINDOW);
  const to = Math.min(text.length, end + CONTEXT_WINDOW);
  const found = new Set<string>();
  const around = `${text.slice(from, start)} ${text.slice(end, to)}`;
  for (const match of around.matchAll(CONTEXT_WORD)) {
    const word = match[0].toLowerCase().replace(/['’]s$/u, '');
    if (vocabulary.has(word)) found.add(word);
  }
  return [...found];
}

/**
 * Qualifiers that identify an event on their own, even on a page about
 * another state: its state, its people, its cues. A date does not (Texas
 * held its runoff on July 14 too).
 */
export function identifies(qualifier: Qualifier): boolean {
  return (
    qualifier.slot === 'state' ||
    qualifier.slot === 'name' ||
    qualifier.slot === 'cue'
  );
}

export function describeQualifier(qualifier: Qualifier): string {
  switch (qualifier.slot) {
    case 'date':
      return qualifier.day === null
        ? monthName(qualifier.month)
        : `${monthName(qualifier.month)} ${qualifier.day}`;
    case 'year':
      return String(qualifier.value);
    case 'name':
    case 'cue':
    case 'state':
    case 'generic':
      return qualifier.value;
    case 'party':
      return qualifier.value === 'republican'
        ? 'Republican'
        : qualifier.value === 'democratic'
          ? 'Democratic'
          : qualifier.value;
    case 'office':
      return qualifier.value === 'senate' ? 'Senate' : qualifier.value;
    case 'stage':
    case 'ordinal':
      return qualifier.value;
  }
}

function monthName(month: number): string {
  return (
    [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ][month - 1] ?? String(month)
  );
}

export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

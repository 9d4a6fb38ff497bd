/**
 * Word-level helpers for the matcher's context rules: the word before or after
 * a match, sentence starts, title case and shouting (ALL CAPS). Pure.
 */

/** Letters, marks and digits: what a name may not touch on either side. */
export const WORD_CHAR_CLASS = '[\\p{L}\\p{M}\\p{N}]';
const WORD_BEFORE = /([\p{L}\p{M}\p{N}.'’&-]+)[ \t\u00A0\u202F]+$/u;
const WORD_AFTER = /^[ \t\u00A0\u202F]+([\p{L}\p{M}\p{N}.'’&-]+)/u;
const SENTENCE_END = /(?:^|[.!?…:;"“”(\[—–-])\s*$/u;
const WORD = /[\p{L}\p{M}\p{N}'’]+/gu;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const UPPER_ALL = /\p{Lu}/gu;
const LOWER_ALL = /\p{Ll}/gu;

/** The word right before `offset`, separated from it by spaces only (no punctuation), or null. */
export function wordBefore(text: string, offset: number): { word: string; start: number } | null {
  const head = text.slice(Math.max(0, offset - 40), offset);
  const match = WORD_BEFORE.exec(head);
  if (!match) return null;
  return { word: match[1]!, start: offset - head.length + match.index };
}

/** The word right after `offset`, separated from it by spaces only, or null. */
export function wordAfter(text: string, offset: number): string | null {
  const match = WORD_AFTER.exec(text.slice(offset, offset + 40));
  return match ? match[1]! : null;
}

/** True when `offset` starts a sentence (or the segment). */
export function startsSentence(text: string, offset: number): boolean {
  return SENTENCE_END.test(text.slice(Math.max(0, offset - 6), offset));
}

export function isCapitalized(word: string): boolean {
  return UPPER.test(word[0] ?? '');
}

export function isAllCaps(word: string): boolean {
  return UPPER.test(word) && !LOWER.test(word);
}

/** A full stop followed by a capital: a second sentence (or an abbreviation such as "Rep. Pete"). */
const INNER_SENTENCE = /[.!?][ \u00A0]+\p{Lu}/u;

/**
 * A title-case headline: short, one sentence, and nearly every longer word
 * capitalized ("How To Play Your Trump Card"). Capitalization there says
 * nothing about names. Name-heavy prose ("Jeff Sessions and Pete Sessions")
 * must not pass for one, so the bar is high.
 */
export function isTitleCase(text: string): boolean {
  // The rules ask about the same segment for each candidate in it: remember the last answer.
  if (text === titleCaseMemo.text) return titleCaseMemo.value;
  titleCaseMemo.text = text;
  titleCaseMemo.value = computeTitleCase(text);
  return titleCaseMemo.value;
}

const titleCaseMemo = { text: '', value: false };
const shoutingMemo = { text: '', value: false };

function computeTitleCase(text: string): boolean {
  if (text.length > 160 || INNER_SENTENCE.test(text.trim())) return false;
  const words = (text.match(WORD) ?? []).filter((word) => word.length > 3);
  if (words.length < 4) return false;
  const capitalized = words.filter(isCapitalized).length;
  return capitalized / words.length >= 0.85;
}

/** Mostly upper-case letters: a shouting headline or kicker ("TUBERVILLE DEFEATS SESSIONS"). */
export function isShouting(text: string): boolean {
  if (text === shoutingMemo.text) return shoutingMemo.value;
  const sample = text.length > 600 ? text.slice(0, 600) : text;
  const upper = sample.match(UPPER_ALL)?.length ?? 0;
  const lower = sample.match(LOWER_ALL)?.length ?? 0;
  shoutingMemo.text = text;
  shoutingMemo.value = upper >= 4 && lower / (upper + lower) < 0.25;
  return shoutingMemo.value;
}

/** Up to `count` words right before `offset` (nearest last), stopping at punctuation other than spaces. */
export function wordsBefore(text: string, offset: number, count: number): string[] {
  const head = text.slice(Math.max(0, offset - 60), offset);
  const match = /((?:[\p{L}\p{M}\p{N}.'’&-]+[ \t\u00A0\u202F]+)+)$/u.exec(head);
  if (!match) return [];
  return match[1]!.trim().split(/[ \t\u00A0\u202F]+/u).slice(-count);
}

/** The fifty states, for telling one state's race from another's. */
export const US_STATES =
  /(?<![\p{L}])(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming)(?![\p{L}])/gu;

/**
 * Word-level helpers for the matcher's context rules: the word before or after
 * a match, sentence starts, title case and shouting (ALL CAPS). Pure.
 */

/** Letters, marks and digits: what a name may not touch on either side. */
export const WORD_CHAR_CLASS = '[\\p{L}\\p{M}\\p{N}]';
const WORD_AFTER = /^[ \t\u00A0\u202F]+([\p{L}\p{M}\p{N}.'’&-]+)/u;
const SENTENCE_END = /(?:^|[.!?…:;"“”([—–-])\s*$/u;
const WORD = /[\p{L}\p{M}\p{N}'’]+/gu;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

const WORDISH = /[\p{L}\p{M}\p{N}.'’&-]/u;
const GAP = /[ \t\u00A0\u202F]/u;
/** Word characters of a name and its neighbours (letters, marks, digits, . ' ’ & -); ASCII first, for speed. */
function isWordish(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) {
    return (
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      code === 46 ||
      code === 39 ||
      code === 38 ||
      code === 45
    );
  }
  return WORDISH.test(char);
}
function isGap(char: string): boolean {
  return char === ' ' || GAP.test(char);
}

/** The word right before `offset`, separated from it by spaces only (no punctuation), or null. */
export function wordBefore(
  text: string,
  offset: number,
): { word: string; start: number } | null {
  // Scanned backwards by hand: a `…$`-anchored RegExp retries from every position of the text.
  let end = offset;
  while (end > 0 && offset - end < 40 && isGap(text[end - 1]!)) end -= 1;
  if (end === offset) return null;
  let start = end;
  while (start > 0 && end - start < 40 && isWordish(text[start - 1]!))
    start -= 1;
  if (start === end) return null;
  return { word: text.slice(start, end), start };
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
  if (text.length > 160) return false;
  const words = (text.match(WORD) ?? []).filter((word) => word.length > 3);
  if (words.length < 4) return false;
  const capitalized = words.filter(isCapitalized).length;
  // A headline of two sentences ("Did Sessions Have to Recuse? Trump Says No.")
  // must be title case through and through; one sentence, nearly so.
  const bar = INNER_SENTENCE.test(text.trim()) ? 1 : 0.85;
  return capitalized / words.length >= bar;
}

/** Mostly upper-case letters: a shouting headline or kicker ("TUBERVILLE DEFEATS SESSIONS"). */
export function isShouting(text: string): boolean {
  if (text === shoutingMemo.text) return shoutingMemo.value;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length && i < 240; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) upper += 1;
    else if (code >= 97 && code <= 122) lower += 1;
    else if (code >= 128) {
      const char = text[i]!;
      if (UPPER.test(char)) upper += 1;
      else if (LOWER.test(char)) lower += 1;
    }
  }
  shoutingMemo.text = text;
  shoutingMemo.value = upper >= 4 && lower / (upper + lower) < 0.25;
  return shoutingMemo.value;
}

/** Up to `count` words right before `offset` (nearest last), stopping at punctuation other than spaces. */
export function wordsBefore(
  text: string,
  offset: number,
  count: number,
): string[] {
  const words: string[] = [];
  let at = offset;
  while (words.length < count) {
    const previous = wordBefore(text, at);
    if (!previous) break;
    words.unshift(previous.word);
    at = previous.start;
  }
  return words;
}

/** The fifty states, for telling one state's race from another's. */
export const US_STATES =
  /(?<![\p{L}])(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming)(?![\p{L}])/gu;

/**
 * Evidence quotes are compared with their source after normalizing only
 * whitespace and quote-mark styles, so a curator may type straight quotes for
 * curly ones and wrap long quotes, but may not change a single word.
 */
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const WHITESPACE_RUN = /\s+/gu;

/** Folds quote marks to ASCII and whitespace runs to one space; trims. */
export function normalizeQuoteText(text: string): string {
  return text
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}

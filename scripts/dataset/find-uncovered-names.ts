/**
 * Coverage check: lists the proper names in a source that no entity alias
 * covers. compromise (a small, well-kept NLP library) tags people,
 * organizations, places and other proper nouns; a tagged word is covered when
 * an alias occurrence in the text overlaps it.
 */
import nlp from 'compromise';
import type { Dataset } from '../../data/dataset-schema';

export type UncoveredName = { name: string; context: string };

type Term = {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
};

const NAME_TAGS = new Set([
  'ProperNoun',
  'Person',
  'Place',
  'Organization',
  'Acronym',
]);
/** Starts with an upper-case letter, a digit or '@'/'#': lower-case words are never names. */
const LOOKS_LIKE_NAME = /^[@#]?[\p{Lu}\p{Lt}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Character ranges of every alias occurrence (whole words, any case). */
function aliasRanges(text: string, aliases: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const alias of aliases) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(alias)}(?![\\p{L}\\p{N}])`,
      'giu',
    );
    for (const match of text.matchAll(pattern))
      ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}

/** Proper names in `text` that no alias in `dataset` covers, in order of appearance, once each. */
export function findUncoveredNames(
  text: string,
  dataset: Pick<Dataset, 'entities'>,
): UncoveredName[] {
  const aliases = dataset.entities.flatMap((entity) =>
    entity.aliases.map((alias) => alias.text),
  );
  const covered = aliasRanges(text, aliases);
  const isCovered = (start: number, end: number) =>
    covered.some(([from, to]) => start < to && from < end);

  const terms = (
    nlp(text).json({ offset: true }) as Array<{ terms: Term[] }>
  ).flatMap((s) => s.terms);
  const names: UncoveredName[] = [];
  let run: Term[] = [];
  const flush = () => {
    if (!run.length) return;
    const start = run[0]!.offset.start;
    const last = run[run.length - 1]!;
    const end = last.offset.start + last.offset.length;
    const name = text.slice(start, end).replace(/[\s\p{P}]+$/u, '');
    const context = text
      .slice(Math.max(0, start - 30), Math.min(text.length, end + 30))
      .replace(/\s+/g, ' ');
    if (!names.some((n) => n.name === name))
      names.push({ name, context: `…${context}…` });
    run = [];
  };
  for (const term of terms) {
    const word = term.text.replace(/^[\p{P}]+/u, '');
    const isName =
      term.tags.some((tag) => NAME_TAGS.has(tag)) && LOOKS_LIKE_NAME.test(word);
    const { start, length } = term.offset;
    if (isName && !isCovered(start, start + length)) run.push(term);
    else flush();
  }
  flush();
  return names;
}

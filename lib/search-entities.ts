/**
 * Ranked lookup for the popup: "who is Tuberville again?". Finds entities by
 * name, alias (handles included) and description words; folds case and accents;
 * tolerates typos with a small edit distance scaled by the query's length.
 *
 * Ranking, best first: exact name > name prefix > exact alias > a later word
 * of the name > alias prefix > a name or alias with typos > description words.
 * Ties go to the match that covers more of the name, then to dataset order.
 * Pure: strings in, plain data out.
 */
import type { Entity } from '../data/dataset-schema';
import { ENTITY_KINDS } from '../data/id-rules';

/** How an entity matched the query; the popup may say which alias it was. */
export type MatchKind =
  | 'all'
  | 'name'
  | 'name-prefix'
  | 'name-word'
  | 'alias'
  | 'alias-prefix'
  | 'fuzzy'
  | 'text';

export type SearchHit = {
  entity: Entity;
  match: MatchKind;
  /** The alias that matched, as written in the dataset (only for alias matches). */
  via?: string;
  score: number;
};

const SCORES = {
  name: 100,
  'name-prefix': 90,
  alias: 85,
  'name-word': 80,
  'alias-prefix': 70,
  fuzzyName: 60,
  fuzzyAlias: 55,
  text: 30,
} as const;
/** Points lost per typo, so one typo beats two at the same tier. */
const TYPO_PENALTY = 10;

/** Letters that NFD does not decompose but a reader types without the stroke. */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Folds text for comparison: no accents, lower case, handle and hashtag signs,
 * dots and apostrophes dropped ("U.S." → "us", "Cryin'" → "cryin"), other
 * punctuation becomes a space, spaces collapse.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđþı]/g, (letter) => EXTRA_FOLDS[letter] ?? letter)
    .replace(/[@#.'’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein without reusing a
 * substring): insertions, deletions, substitutions and swaps of neighbours
 * each cost 1. Stops early and returns `max + 1` once the distance must exceed `max`.
 */
export function editDistance(
  a: string,
  b: string,
  max = Number.POSITIVE_INFINITY,
): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Typos allowed for a query of this many letters: none below 4, then 1, 2 from 7, 3 from 11. */
export function allowedTypos(letters: number): number {
  if (letters < 4) return 0;
  if (letters < 7) return 1;
  if (letters < 11) return 2;
  return 3;
}

type Key = { folded: string; words: string[]; original: string };
type Indexed = {
  entity: Entity;
  order: number;
  name: Key;
  aliases: Key[];
  textWords: Set<string>;
};

function key(text: string): Key {
  const folded = foldForSearch(text);
  return { folded, words: folded.split(' ').filter(Boolean), original: text };
}

/** A prepared index over one dataset's entities; build once, search on every keystroke. */
export class EntitySearch {
  private readonly indexed: Indexed[];

  constructor(entities: readonly Entity[]) {
    this.indexed = entities.map((entity, order) => {
      const name = key(entity.name);
      const aliases = entity.aliases
        .map((alias) => key(alias.text))
        .filter((alias) => alias.folded !== name.folded);
      const textWords = new Set<string>();
      for (const text of [entity.description, ...(entity.topics ?? [])]) {
        for (const word of key(text).words) textWords.add(word);
      }
      for (const { words } of [name, ...aliases])
        for (const word of words) textWords.add(word);
      return { entity, order, name, aliases, textWords };
    });
  }

  /**
   * The entities matching `query`, best first. An empty query gives every
   * entity, by kind (people, organizations, places, events), then by name.
   */
  search(query: string, limit = Number.POSITIVE_INFINITY): SearchHit[] {
    const q = key(query);
    if (!q.folded) return this.everything().slice(0, limit);
    const hits: (SearchHit & { coverage: number; order: number })[] = [];
    for (const item of this.indexed) {
      const hit = matchEntity(item, q);
      if (hit) hits.push({ ...hit, entity: item.entity, order: item.order });
    }
    hits.sort(
      (a, b) =>
        b.score - a.score || b.coverage - a.coverage || a.order - b.order,
    );
    return hits
      .slice(0, limit)
      .map(({ entity, match, via, score }) =>
        via ? { entity, match, via, score } : { entity, match, score },
      );
  }

  private everything(): SearchHit[] {
    const kindOrder = (entity: Entity) => ENTITY_KINDS.indexOf(entity.kind);
    return [...this.indexed]
      .sort(
        (a, b) =>
          kindOrder(a.entity) - kindOrder(b.entity) ||
          (a.name.folded < b.name.folded
            ? -1
            : a.name.folded > b.name.folded
              ? 1
              : a.order - b.order),
      )
      .map(({ entity }) => ({ entity, match: 'all' as const, score: 0 }));
  }
}

type Candidate = {
  match: MatchKind;
  score: number;
  coverage: number;
  via?: string;
};

function matchEntity(item: Indexed, q: Key): Candidate | null {
  const found: Candidate[] = [];
  const consider = (candidate: Candidate) => found.push(candidate);
  const coverage = (target: Key) =>
    q.folded.length / Math.max(target.folded.length, 1);
  const compact = (text: string) => text.replace(/ /g, '');

  const name = item.name;
  if (name.folded === q.folded || compact(name.folded) === compact(q.folded)) {
    return { match: 'name', score: SCORES.name, coverage: 1 };
  }
  if (name.folded.startsWith(q.folded))
    consider({
      match: 'name-prefix',
      score: SCORES['name-prefix'],
      coverage: coverage(name),
    });
  else if (` ${name.folded}`.includes(` ${q.folded}`))
    consider({
      match: 'name-word',
      score: SCORES['name-word'],
      coverage: coverage(name),
    });

  for (const alias of item.aliases) {
    if (
      alias.folded === q.folded ||
      compact(alias.folded) === compact(q.folded)
    ) {
      consider({
        match: 'alias',
        score: SCORES.alias,
        coverage: 1,
        via: alias.original,
      });
    } else if (` ${alias.folded}`.includes(` ${q.folded}`)) {
      consider({
        match: 'alias-prefix',
        score: SCORES['alias-prefix'],
        coverage: coverage(alias),
        via: alias.original,
      });
    }
  }
  if (found.length) return pickBest(found);

  const max = allowedTypos(compact(q.folded).length);
  if (max > 0) {
    const fuzzyName = typos(q, name, max);
    if (fuzzyName !== null)
      consider({
        match: 'fuzzy',
        score: SCORES.fuzzyName - fuzzyName * TYPO_PENALTY,
        coverage: coverage(name),
      });
    for (const alias of item.aliases) {
      const fuzzyAlias = typos(q, alias, max);
      if (fuzzyAlias !== null) {
        consider({
          match: 'fuzzy',
          score: SCORES.fuzzyAlias - fuzzyAlias * TYPO_PENALTY,
          coverage: coverage(alias),
          via: alias.original,
        });
      }
    }
    if (found.length) return pickBest(found);
  }

  const text = matchWords(q.words, item.textWords);
  return text === null
    ? null
    : { match: 'text', score: SCORES.text - text, coverage: 0 };
}

function pickBest(candidates: readonly Candidate[]): Candidate {
  return candidates.reduce((best, candidate) =>
    candidate.score > best.score ||
    (candidate.score === best.score && candidate.coverage > best.coverage)
      ? candidate
      : best,
  );
}

/**
 * Typos between the query and the best-fitting run of the target's words (as
 * many words as the query has): the whole run, or its start when the reader is
 * still typing (half a typo dearer). Null when more than `max`.
 */
function typos(q: Key, target: Key, max: number): number | null {
  let best = Number.POSITIVE_INFINITY;
  const span = Math.min(q.words.length, target.words.length);
  for (let start = 0; start + span <= target.words.length; start += 1) {
    const run = target.words.slice(start, start + span).join(' ');
    best = Math.min(best, editDistance(q.folded, run, max));
    if (run.length > q.folded.length) {
      for (const length of [
        q.folded.length - 1,
        q.folded.length,
        q.folded.length + 1,
      ]) {
        if (length < run.length)
          best = Math.min(
            best,
            editDistance(q.folded, run.slice(0, length), max) + 0.5,
          );
      }
    }
  }
  return best <= max ? best : null;
}

/**
 * Every query word must be one of the entity's words: exactly, as the start
 * of one (3 letters or more), or with one typo (5 letters or more). Returns
 * the penalty (0 for all exact), or null.
 */
function matchWords(
  queryWords: readonly string[],
  words: ReadonlySet<string>,
): number | null {
  let penalty = 0;
  for (const queryWord of queryWords) {
    if (words.has(queryWord)) continue;
    let found: number | null = null;
    for (const word of words) {
      if (queryWord.length >= 3 && word.startsWith(queryWord))
        found = Math.min(found ?? 2, 2);
      else if (queryWord.length >= 5 && editDistance(queryWord, word, 1) <= 1)
        found = Math.min(found ?? 5, 5);
    }
    if (found === null) return null;
    penalty += found;
  }
  return penalty;
}

/**
 * What to show when the reader looks up selected text (context menu,
 * keyboard command, or a double-click where the reader turned that on): the
 * one entity that fits, a short list when several do, or a plain "no match".
 * Uses the popup's ranked, typo-tolerant search (lib/search-entities.ts).
 * Pure: text in, a decision out.
 */
import type { Entity } from '../data/dataset-schema';
import type { EntitySearch, MatchKind, SearchHit } from './search-entities';

/** Longer selections are sentences, not names: the reader is asked to select the name. */
export const MAX_LOOKUP_CHARS = 100;
export const MAX_LOOKUP_WORDS = 8;
/** At most this many entities in the "which one?" list. */
export const MAX_LOOKUP_CHOICES = 5;
/** Hits this close to the best one (in search points) are as plausible. */
const PLAUSIBLE_WITHIN = 10;
/** Search scores a typo match at 60 (name) or 55 (alias) less 10 per typo: this is one typo. */
const DOUBLE_CLICK_MIN_FUZZY_SCORE = 45;

export type LookupTrigger = 'menu' | 'command' | 'double-click';

export type LookupResult =
  | { kind: 'card'; query: string; entity: Entity }
  | { kind: 'list'; query: string; hits: SearchHit[] }
  | { kind: 'none'; query: string }
  | { kind: 'too-long'; query: string }
  | { kind: 'no-selection' };

/** Characters that surround a name in running text but are not part of it. */
const EDGE =
  /^[\s"'“”‘’«»‹›()[\]{}<>,.;:!?…–—-]+|[\s"'“”‘’«»‹›()[\]{}<>,;:!?…–—-]+$/gu;

/**
 * The selection as a query: spaces collapsed, quotes and punctuation around
 * it dropped, a possessive dropped ("Trump’s" → "Trump"). A final dot stays
 * ("U.S."); search ignores dots anyway.
 */
export function cleanSelection(text: string): string {
  let query = text.replace(/\s+/g, ' ').replace(EDGE, '');
  // A sentence's full stop goes; an abbreviation's dots ("U.S.") stay.
  if (!/(?:^|[\s.])\p{L}\.$/u.test(query)) query = query.replace(/\.+$/u, '');
  return query.replace(/['’]s$/u, '').replace(EDGE, '');
}

/**
 * Decides what a lookup shows:
 * - exactly one entity whose name or an alias is the query → its card;
 *   several → the list of those;
 * - otherwise the hits within a few points of the best (prefixes, typos) →
 *   a card when there is one, a list when there are more;
 * - a query under 4 letters ("the", "New") takes exact names and aliases
 *   only ("GOP"); description words count only for a longer query
 *   ("speaker of the house", "senator");
 * - a double-click takes a name, an alias, a later word of a name (a
 *   surname) or one of those with one typo, nothing looser: it must stay quiet on
 *   ordinary words and on titles ("Senator", "President").
 */
export function decideLookup(
  search: EntitySearch,
  text: string | null | undefined,
  trigger: LookupTrigger,
): LookupResult {
  const query = cleanSelection(text ?? '');
  if (!query) return { kind: 'no-selection' };
  const words = query.split(' ');
  if (query.length > MAX_LOOKUP_CHARS || words.length > MAX_LOOKUP_WORDS)
    return { kind: 'too-long', query: shorten(query) };
  const letters = query.replace(/[^\p{L}\p{N}]/gu, '').length;
  const allowed = allowedMatches(trigger, letters, words.length);
  const hits = search.search(query, 20).filter(
    (hit) =>
      allowed.has(hit.match) &&
      // A double-click allows one typo, not two ("senator" is not "Senate").
      (trigger !== 'double-click' ||
        hit.match !== 'fuzzy' ||
        hit.score >= DOUBLE_CLICK_MIN_FUZZY_SCORE),
  );
  if (!hits.length) return { kind: 'none', query };
  const exact = hits.filter(
    (hit) => hit.match === 'name' || hit.match === 'alias',
  );
  const plausible = exact.length
    ? exact
    : hits.filter((hit) => hit.score >= hits[0]!.score - PLAUSIBLE_WITHIN);
  if (plausible.length === 1)
    return { kind: 'card', query, entity: plausible[0]!.entity };
  return {
    kind: 'list',
    query,
    hits: plausible.slice(0, MAX_LOOKUP_CHOICES),
  };
}

const EXACT: readonly MatchKind[] = ['name', 'alias'];

function allowedMatches(
  trigger: LookupTrigger,
  letters: number,
  words: number,
): ReadonlySet<MatchKind> {
  if (letters < 4) return new Set(EXACT);
  if (trigger === 'double-click')
    return new Set<MatchKind>([...EXACT, 'name-word', 'fuzzy']);
  const all: MatchKind[] = [
    ...EXACT,
    'name-prefix',
    'name-word',
    'alias-prefix',
    'fuzzy',
  ];
  return new Set(words > 1 || letters >= 5 ? [...all, 'text'] : all);
}

/** A long selection cut for display: the first words and an ellipsis. */
function shorten(query: string): string {
  return query.length > 40 ? `${query.slice(0, 40).trimEnd()}…` : query;
}

/**
 * Finds mentions of dataset entities in plain text: strings in, offsets out.
 * No DOM here; entrypoints/content maps the offsets back onto text nodes.
 *
 * One combined RegExp of every alias, longest first, so "Jeff Sessions" wins
 * over "Sessions" at the same position. Word boundaries are Unicode-aware: a
 * name never matches inside a longer word ("Trumpé", "Sessionsville") nor
 * before a combining mark. A possessive ("Sessions's", "Trump’s") leaves the
 * name itself as the mention.
 */
import type { Alias, Entity } from '../data/dataset-schema';

export type Mention = {
  /** Offset of the first UTF-16 code unit of the mention. */
  start: number;
  /** Offset just past the mention. */
  end: number;
  entityId: string;
  /** The alias as curated, which may differ in spacing from the page text. */
  alias: string;
};

export type MatcherOptions = {
  /** Which alias safeties to match; the first slice links full names only. */
  safeties?: ReadonlyArray<Alias['safety']>;
};

export type Matcher = {
  /** Every mention in `text`, in order, never overlapping. */
  find(text: string): Mention[];
  /** Number of alias spellings compiled into the pattern. */
  readonly aliasCount: number;
};

/** Letters, marks and digits: what a name may not touch on either side. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alias as a pattern: any run of white space (including no-break spaces) between its words. */
function aliasPattern(text: string): string {
  return text.trim().split(/\s+/u).map(escapeRegExp).join('\\s+');
}

/** Compiles the aliases of `entities` into one matcher. */
export function compileMatcher(entities: readonly Entity[], options: MatcherOptions = {}): Matcher {
  const safeties = new Set(options.safeties ?? ['safe', 'context']);
  const byAlias = new Map<string, { entityId: string; alias: string }>();
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      if (!safeties.has(alias.safety)) continue;
      const key = alias.text.trim().replace(/\s+/gu, ' ');
      // First claim wins: the build rejects unmarked duplicates, so this only
      // orders aliases the curation marked ambiguous.
      if (!byAlias.has(key)) byAlias.set(key, { entityId: entity.id, alias: alias.text });
    }
  }
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (aliases.length === 0) return { find: () => [], aliasCount: 0 };

  const pattern = new RegExp(
    `(?<!${WORD_CHAR})(?:${aliases.map(aliasPattern).join('|')})(?!${WORD_CHAR})`,
    'gu',
  );
  const lookup = (matched: string) => byAlias.get(matched.replace(/\s+/gu, ' '));

  return {
    aliasCount: aliases.length,
    find(text) {
      const mentions: Mention[] = [];
      for (const match of text.matchAll(pattern)) {
        const entry = lookup(match[0]);
        if (!entry) continue;
        mentions.push({ start: match.index, end: match.index + match[0].length, ...entry });
      }
      return mentions;
    },
  };
}

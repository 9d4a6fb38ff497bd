/**
 * A cheap test that proves a text holds no candidate for the matcher, so a
 * page that mentions nobody (nearly every page) never pays for building it.
 *
 * The matcher (match-mentions.ts) compiles every key of the alias table
 * (`buildAliasTable`, folded by `aliasKey`) into one case-insensitive RegExp
 * in which a space stands for any run of spaces, an apostrophe for any
 * apostrophe and a hyphen for any dash; every other character stands for
 * itself. So each word of an alias (split at those three) occurs, in some
 * case, in any text the alias matches. The prefilter keeps one word of each
 * alias (`prefilterWords`: as few and as rare as it can), and tests a text for any of them
 * with the matcher's own flags (`iu`), anywhere, without word boundaries:
 * only false positives can come from that, never a miss, even when the text
 * is a whole page's `textContent` (which runs blocks together, "Jeff" +
 * "Sessions" → "JeffSessions"). Invisible characters the matcher drops
 * (soft hyphens, zero-width spaces) are dropped here too.
 *
 * The words are computed when the extension is built (`npm run dataset`
 * writes data/prefilter.json from the same alias table), so the content
 * script ships a list of words instead of parsing the dataset on every page.
 * tests/lib/prefilter.test.ts proves that every alias passes and that every
 * text in which the matcher finds anything passes. Pure.
 */
import type { Entity } from '../data/dataset-schema';
import { aliasKey, buildAliasTable, needsCue } from './alias-table';
import { trieSource } from './alias-trie';
import { hasInvisible, removeInvisible } from './segment-text';

/** The characters that stand for a class of characters in the matcher's RegExp (see alias-trie.ts). */
const SEPARATORS = /[ '-]+/;

/** The words of a folded, lower-cased alias key, as the prefilter sees them. */
export function aliasWords(key: string): string[] {
  const words = key.split(SEPARATORS).filter(Boolean);
  return words.length ? words : [''];
}

/**
 * One trigger word for every alias the matcher looks for, as few and as rare
 * as possible: a one-word alias is its own trigger; a longer alias needs no
 * word of its own when it contains a trigger already ("Attorney General Jeff
 * Sessions" has "sessions"), else its longest word. Sorted, no duplicates. An
 * alias made only of separators gives the empty word, which makes the
 * prefilter pass everything (safe, never wrong).
 */
export function prefilterWords(entities: readonly Entity[]): string[] {
  const { aliases, facts } = buildAliasTable(entities);
  const keys: string[][] = [];
  for (const alias of aliases) {
    const frame = facts.get(alias.entityId)?.frame?.event.frame;
    // An everyday phrase ("stepped aside") or an everyday head ("the
    // investigation") links only with one of its frame's cues in its
    // sentence: the cues are its triggers, not the everyday words.
    if (needsCue(alias, facts.get(alias.entityId))) {
      for (const cue of frame?.cues ?? [])
        keys.push(aliasWords(aliasKey(cue).toLowerCase()));
      continue;
    }
    keys.push(aliasWords(aliasKey(alias.text).toLowerCase()));
  }
  keys.sort((a, b) => a.length - b.length);
  const chosen = new Set<string>();
  for (const words of keys) {
    if (words.some((word) => chosen.has(word))) continue;
    let longest = '';
    for (const word of words) if (word.length >= longest.length) longest = word;
    chosen.add(longest);
  }
  return [...chosen].sort();
}

/** The JSON text of data/prefilter.json. */
export function serializePrefilter(words: readonly string[]): string {
  return `${JSON.stringify(
    {
      about:
        'Generated from data/dataset.json by `npm run dataset` (lib/prefilter.ts): one word per alias. Do not edit.',
      words,
    },
    null,
    2,
  )}\n`;
}

/** True when `text` may hold a mention: it contains one of `words` in any case. */
export type Prefilter = (text: string) => boolean;

export function createPrefilter(words: readonly string[]): Prefilter {
  if (!words.length) return () => false;
  if (words.includes('')) return () => true;
  // The matcher's flags, so case folding is the same; compiled on first use.
  const pattern = new RegExp(trieSource(words), 'iu');
  // The text as it is first: on a page that names someone this stops at the first word, and a page
  // without invisible characters (most) needs no second look. Only a miss on a text that has them
  // is checked again with them removed, as the matcher would see it.
  return (text) =>
    pattern.test(text) ||
    (hasInvisible(text) && pattern.test(removeInvisible(text)));
}

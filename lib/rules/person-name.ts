/**
 * People's names: someone else with the same name is recognized from the
 * words around it. A suffix ("Donald Trump Jr."), another first name or an
 * initial ("Pete Sessions", "J. Sessions"), a title the person never held
 * ("Rep. Sessions"), an occupation not theirs ("actor Doug Jones"), or a
 * capitalized word after a one-word name ("Trump Tower") each say it is not
 * this person. Words that merely start a sentence ("Once Trump took
 * office") say nothing.
 */
import {
  AFFILIATION_WORDS,
  FUNCTION_WORDS,
  ROLE_NOUNS,
} from '../../data/lexicon';
import { titleFits, type AliasEntry, type EntityFacts } from '../alias-table';
import {
  isCapitalized,
  isShouting,
  isTitleCase,
  wordAfter,
  wordBefore,
  wordsBefore,
} from '../text-words';
import { accept, type LocalVerdict, reject, someoneElse } from './verdict';

/** Name suffixes: "Donald Trump Jr." is someone else. */
const SUFFIX = /^,?[ \u00A0]*(?:Jr\.?|Sr\.?|II|III|IV)(?![\p{L}\p{N}])/u;
const FUNCTION = new Set(FUNCTION_WORDS);
const AFFILIATION = new Set(AFFILIATION_WORDS);
const ROLES = new Set(ROLE_NOUNS);

/** A word that ends a sentence ("Jones." before "Sessions shot back") rather than starting a name. */
function endsSentence(word: string): boolean {
  return /[.!?]$/u.test(word) && word.length > 3 && !/^\p{Lu}\.$/u.test(word);
}

/** Does an occupation before the name fit this entity's own description? */
function roleFits(facts: EntityFacts, role: string): boolean {
  const { entity } = facts;
  const about =
    `${entity.description} ${entity.summary} ${(entity.topics ?? []).join(' ')}`.toLowerCase();
  return about.includes(role.replace(/\.$/u, ''));
}

export function checkPersonName(
  alias: AliasEntry,
  facts: EntityFacts,
  text: string,
  start: number,
  end: number,
): LocalVerdict {
  if (SUFFIX.test(text.slice(end, end + 8).replace(/^[ \u00A0]+/u, ''))) {
    return someoneElse('followed by a name suffix');
  }
  // Asked only when a capitalized neighbour makes it matter (most names have none).
  const capsExempt = () => isTitleCase(text) || isShouting(text);
  // The occupation right before the name ("actor Doug Jones", "former pitcher Doug Jones").
  const previous = wordsBefore(text, start, 1)[0];
  const role =
    previous && /^\p{Ll}/u.test(previous) && ROLES.has(previous)
      ? previous
      : undefined;
  if (role && !roleFits(facts, role))
    return someoneElse(`"${role}" does not describe ${facts.entity.name}`);

  // "Schumer the comedian", "Mr. Jones the actor": an occupation right after.
  const apposition = /^[ \u00A0]+the[ \u00A0]+([\p{Ll}.]+)/u.exec(
    text.slice(end, end + 24),
  );
  if (
    apposition &&
    ROLES.has(apposition[1]!) &&
    !roleFits(facts, apposition[1]!)
  )
    return someoneElse(
      `"the ${apposition[1]}" does not describe ${facts.entity.name}`,
    );

  const singleWord = !/[\s\u00A0]/u.test(alias.text);
  if (alias.form === 'surname' || alias.form === 'first-name') {
    const before = wordBefore(text, start);
    if (before) {
      const { word } = before;
      const fit = titleFits(facts, word);
      if (fit === 'misfits')
        return someoneElse(`the title "${word}" does not fit`);
      if (fit === 'not-a-title' && /^\p{Lu}\.$/u.test(word))
        return someoneElse(`an initial "${word}" before it`);
      if (fit === 'not-a-title' && isCapitalized(word) && !endsSentence(word)) {
        const bare = word.replace(/['’]s$/u, '');
        const harmless =
          bare !== word || // "Alabama's Sessions"
          FUNCTION.has(word.replace(/[.:,]$/u, '')) ||
          AFFILIATION.has(word) ||
          facts.nameNeighbourWords.has(word);
        if (!harmless && capsExempt()) {
          const verdict = accept();
          return { ...verdict, neighbour: word } as LocalVerdict;
        }
        if (!harmless)
          return someoneElse(
            `part of another name ("${word} ${text.slice(start, end)}")`,
            word,
          );
      }
    }
  }
  if (singleWord && alias.form !== 'handle') {
    // "Trump Tower", "Jones Day", "Coach Malzahn": a capitalized word right after makes it part of a longer name.
    const after = wordAfter(text, end);
    if (
      after &&
      isCapitalized(after) &&
      !FUNCTION.has(after) &&
      !capsExempt() &&
      !facts.nameNeighbourWords.has(after) &&
      !AFFILIATION.has(after)
    ) {
      return reject(
        `part of a longer name ("${text.slice(start, end)} ${after}")`,
      );
    }
  }
  return accept();
}

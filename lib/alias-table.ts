/**
 * The alias table the matcher compiles: every alias of every entity, with the
 * facts about its entity the context rules need (titles that fit, related
 * entities, words that may stand before an event phrase). Built once per
 * dataset. Pure.
 */
import type { Alias, Entity, EntityKind } from '../data/dataset-schema';
import {
  NEUTRAL_TITLES as NEUTRAL_TITLE_LIST,
  TITLE_CLASSES,
} from '../data/lexicon';
import { entityIndex } from './entity-index';
import { frameFactsOf, type FrameFacts } from './event-frames';

/**
 * One surface form the matcher looks for. Besides the curated aliases, an
 * event's frame adds its head words (`event-head`: "runoff") and verbs
 * (`event-verb`: "recused"), which are read as phrases, not names.
 */
export type AliasEntry = Omit<Alias, 'form'> & {
  form: Alias['form'] | 'event-head' | 'event-verb' | 'event-paraphrase';
  entityId: string;
  kind: EntityKind;
};

/** Folds the spellings a page may use for the same alias: spacing, apostrophes, dashes. */
/** Anything `aliasKey` would change: other white space, double or edge spaces, curly quotes, dashes. */
const NEEDS_FOLDING = /[^\S ]| {2}|^ | $|[’‘`´‐‑–]/u;

export function aliasKey(text: string): string {
  // Most names on a page are already in folded form ("Sessions"): skip the replacements.
  if (!NEEDS_FOLDING.test(text)) return text;
  return text
    .replace(/[\s\u00A0\u202F]+/gu, ' ')
    .replace(/[’‘`´]/gu, "'")
    .replace(/[‐‑–]/gu, '-')
    .trim();
}

const TITLE_WORDS = new Map(
  TITLE_CLASSES.flatMap((words, index) =>
    words.map((word) => [word, index] as const),
  ),
);
/** Honorifics that fit anyone. Mr./Mrs./Ms. are titles like any other: they fit when an alias uses them. */
const NEUTRAL_TITLES = new Set(NEUTRAL_TITLE_LIST);

export type EntityFacts = {
  entity: Entity;
  /** Title classes this entity's title aliases use ("Sen. Doug Jones" → the senator class). */
  titleClasses: Set<number>;
  /** Ids of entities this one is related to, in either direction (relations, participants, place). */
  related: Set<string>;
  /** Capitalized words that may stand right before this entity's phrases ("Alabama", "Trump"). */
  friendlyWords: Set<string>;
  /**
   * Capitalized words that may stand next to this person's surname: words of
   * their own aliases and of related places, organizations and events
   * ("Alabama Republican Sessions"), but never other people's names.
   */
  nameNeighbourWords: Set<string>;
  /** Capitalized words naming the event's place ("Alabama"): a phrase that names its own place is about it. */
  placeWords: Set<string>;
  /** Lower-case keys of this person's surname aliases ("sessions"): a bare surname's coreference key. */
  surnames: string[];
  /** For events with a frame: what its phrases may say (event-frames.ts). */
  frame?: FrameFacts;
  /**
   * Entities within two steps (related, and related to those): the story this
   * entity belongs to. A page naming several of them is coherent with it.
   */
  story: Set<string>;
  /**
   * Lower-case words of the entity's description and topics, its own name
   * words left out: the words that describe it in running text.
   */
  contextWords: Set<string>;
};

const WORDS = /[\p{L}\p{M}\p{N}.'’-]+/gu;

/** Decides whether a capitalized title word before a surname fits the entity. */
export function titleFits(
  facts: EntityFacts,
  word: string,
): 'fits' | 'misfits' | 'not-a-title' {
  if (NEUTRAL_TITLES.has(word)) return 'fits';
  const titleClass = TITLE_WORDS.get(word);
  if (titleClass === undefined) return 'not-a-title';
  return facts.titleClasses.has(titleClass) ? 'fits' : 'misfits';
}

export function buildAliasTable(entities: readonly Entity[]): {
  aliases: AliasEntry[];
  facts: Map<string, EntityFacts>;
} {
  const byId = entityIndex(entities);
  const facts = new Map<string, EntityFacts>();
  for (const entity of entities) {
    facts.set(entity.id, {
      entity,
      titleClasses: new Set(),
      related: new Set(),
      friendlyWords: new Set(),
      nameNeighbourWords: new Set(),
      placeWords: new Set(
        (entity.kind === 'event' && entity.place
          ? (byId.get(entity.place)?.aliases ?? [])
          : []
        )
          .flatMap((alias) => alias.text.match(WORDS) ?? [])
          .filter((word) => /^\p{Lu}/u.test(word)),
      ),
      surnames: entity.aliases
        .filter((alias) => alias.form === 'surname')
        .map((alias) => aliasKey(alias.text).toLowerCase()),
      story: new Set(),
      contextWords: contextVocabulary(entity),
    });
  }
  const link = (a: string, b: string) => {
    if (a === b || !facts.has(a) || !facts.has(b)) return;
    facts.get(a)!.related.add(b);
    facts.get(b)!.related.add(a);
  };
  for (const entity of entities) {
    for (const relation of entity.relations) link(entity.id, relation.target);
    if (entity.kind === 'event') {
      for (const id of entity.participants) link(entity.id, id);
      if (entity.place) link(entity.id, entity.place);
    }
    for (const alias of entity.aliases) {
      if (alias.form !== 'title') continue;
      for (const word of alias.text.match(WORDS) ?? []) {
        const titleClass = TITLE_WORDS.get(word);
        if (titleClass !== undefined)
          facts.get(entity.id)!.titleClasses.add(titleClass);
      }
    }
  }
  for (const entityFacts of facts.values()) {
    for (const id of entityFacts.related) {
      entityFacts.story.add(id);
      for (const next of facts.get(id)!.related)
        if (next !== entityFacts.entity.id) entityFacts.story.add(next);
    }
    const sources = [
      entityFacts.entity,
      ...[...entityFacts.related].map((id) => byId.get(id)!),
    ];
    for (const source of sources) {
      const nextToNames =
        source === entityFacts.entity || source.kind !== 'person';
      for (const alias of source.aliases) {
        for (const word of alias.text.match(WORDS) ?? []) {
          if (!/^\p{Lu}/u.test(word)) continue;
          const bare = word.replace(/['’]s$/u, '');
          entityFacts.friendlyWords.add(bare);
          if (nextToNames && !/^\p{Lu}\.$/u.test(bare))
            entityFacts.nameNeighbourWords.add(bare);
        }
      }
    }
  }
  const aliases: AliasEntry[] = [];
  for (const entity of entities) {
    const frame = entity.kind === 'event' ? entity.frame : undefined;
    const eventWords = new Set(
      [
        ...(frame?.heads ?? []),
        ...(frame?.genericHeads ?? []),
        ...(frame?.verbs ?? []),
        ...(frame?.paraphrases ?? []),
      ].map((word) => word.toLowerCase()),
    );
    for (const alias of entity.aliases) {
      // Descriptions ("the president") and demonyms ("Alabamians") are for
      // lookup only: never linked on a page, so never looked for.
      if (neverLinked(alias)) continue;
      // A frame reads every phrase with its head ("the runoff", "GOP runoff"):
      // those aliases stay for lookup, the frame does the matching.
      const words = aliasKey(alias.text)
        .toLowerCase()
        .split(/[\s'’]+/u);
      if (words.some((word) => eventWords.has(word))) continue;
      aliases.push({ ...alias, entityId: entity.id, kind: entity.kind });
    }
    if (entity.kind === 'event' && frame) {
      const own = facts.get(entity.id)!;
      own.frame = frameFactsOf(
        entity,
        own.placeWords,
        participantWords(entity.participants, byId),
      );
      for (const head of [...frame.heads, ...(frame.genericHeads ?? [])])
        aliases.push(eventWord(head, 'event-head', entity));
      for (const verb of frame.verbs ?? [])
        aliases.push(eventWord(verb, 'event-verb', entity));
      for (const phrase of frame.paraphrases ?? [])
        aliases.push(eventWord(phrase, 'event-paraphrase', entity));
    }
  }
  return { aliases, facts };
}

function eventWord(
  text: string,
  form: 'event-head' | 'event-verb' | 'event-paraphrase',
  entity: Entity,
): AliasEntry {
  return {
    text,
    form,
    safety: 'context',
    entityId: entity.id,
    kind: entity.kind,
  };
}

/** Capitalized name words of the participants' aliases ("Jeff", "Sessions"), titles left out. */
function participantWords(
  ids: readonly string[],
  byId: ReadonlyMap<string, Entity>,
): Set<string> {
  const words = new Set<string>();
  for (const id of ids) {
    for (const alias of byId.get(id)?.aliases ?? []) {
      if (alias.form === 'epithet' || alias.form === 'handle') continue;
      for (const word of alias.text.match(WORDS) ?? []) {
        const bare = word.replace(/['’]s$/u, '');
        if (
          /^\p{Lu}/u.test(bare) &&
          !TITLE_WORDS.has(bare) &&
          !/^\p{Lu}\.$/u.test(bare)
        )
          words.add(bare);
      }
    }
  }
  return words;
}

/** Words too common to say anything about whom a sentence describes. */
const CONTEXT_STOPWORDS = new Set(
  'about after also among been being from have into more most other over said says some than that their them then there these they this those through time under were what when which while with would former whose running story article major first last year years state'.split(
    ' ',
  ),
);

function contextVocabulary(entity: Entity): Set<string> {
  const own = new Set(
    entity.aliases.flatMap((alias) =>
      (alias.text.match(WORDS) ?? []).map((word) => word.toLowerCase()),
    ),
  );
  const words = new Set<string>();
  for (const text of [entity.description, ...(entity.topics ?? [])]) {
    for (const word of text.match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? []) {
      const lower = word.toLowerCase().replace(/['’]s$/u, '');
      if (!own.has(lower) && !CONTEXT_STOPWORDS.has(lower)) words.add(lower);
    }
  }
  return words;
}

/** Aliases kept for lookup only: lower-case descriptions of people and demonyms. */
function neverLinked(alias: Alias): boolean {
  if (alias.form === 'demonym') return true;
  return (
    (alias.form === 'epithet' || alias.form === 'title') &&
    !/^[\p{Lu}@#]/u.test(alias.text)
  );
}

/** True for an event head that needs a cue near it: an everyday word for this event. */
export function needsCue(
  alias: AliasEntry,
  facts: EntityFacts | undefined,
): boolean {
  const frame = facts?.entity.kind === 'event' ? facts.entity.frame : undefined;
  if (!frame) return false;
  if (alias.form === 'event-paraphrase') return true;
  if (alias.form !== 'event-head') return false;
  return (
    frame.needsQualifier === true ||
    (frame.genericHeads ?? []).some(
      (head) => head.toLowerCase() === alias.text.toLowerCase(),
    )
  );
}

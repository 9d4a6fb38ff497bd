/**
 * Finds mentions of dataset entities in text: strings in, offsets out. No DOM.
 *
 * Two steps, so that every decision can use evidence from the whole page:
 *
 * 1. `scan(text)` (per segment): one combined RegExp of every surface form,
 *    longest first ("Jeff Sessions" over "Sessions"), with Unicode word
 *    boundaries. Names go through the local rules (local-context.ts), which
 *    refuse what is not a name here ("Pete Sessions", "trump card") and
 *    note soft signals ("Sessions" capitalized only by a sentence start).
 *    Event head words go through the event frames (event-frames.ts): the
 *    whole phrase around the head ("the July 14 GOP Senate runoff in
 *    Alabama") is read, and owns its words.
 * 2. `resolve(scan, evidence)`: every candidate is decided by one function
 *    with named signals and weights (link-decision.ts): the form's prior,
 *    the page's evidence (the entity named in full, related entities, topic
 *    words), coherence (a page about sports or another state), the frame's
 *    fit. The signals that carried a link are its reason, shown in the card.
 */
import type { Entity, EntityKind } from '../data/dataset-schema';
import { OFF_TOPIC_DOMAINS, OFF_TOPIC_MIN_WORDS } from '../data/lexicon';
import {
  aliasKey,
  buildAliasTable,
  type AliasEntry,
  type EntityFacts,
} from './alias-table';
import { trieSource } from './alias-trie';
import {
  judgeFrame,
  nameBefore,
  namesAfter,
  readEventPhrase,
  subjectBefore,
  type FrameFacts,
  type FrameVerdict,
  type Qualifier,
} from './event-frames';
import {
  decide,
  reasonOf,
  type MentionReason,
  type Signal,
  WEIGHTS,
} from './link-decision';
import {
  checkLocalContext,
  isGenericUse,
  namesOwnPlace,
} from './local-context';
import {
  isShouting,
  isTitleCase,
  startsSentence,
  US_STATES,
  WORD_CHAR_CLASS,
} from './text-words';

export type { MentionReason } from './link-decision';

/** How an event phrase's words fit its frame. */
export type FrameReading = {
  verdict: FrameVerdict;
  /** For everyday heads: a cue or participant somewhere in the sentence. */
  cueInSentence: boolean;
};

export type Candidate = {
  start: number;
  end: number;
  alias: AliasEntry;
  /** Candidates inside this one, used if this one is not linked. */
  fallback: Candidate[];
  /** Soft signals from the local rules. */
  local: Signal[];
  /** Set for event phrases read through a frame. */
  frame?: FrameReading;
  /** A capitalized word before a surname in a headline (see `LocalVerdict`). */
  neighbour?: string;
  /** An event phrase with an indefinite article ("a runoff"): often any runoff. */
  indefinite?: boolean;
};

/**
 * A full name seen in a segment, for coreference: `entityId` null when it is
 * someone else with the same surname ("Pete Sessions", "actor Doug Jones").
 */
export type NameEvent = {
  key: string;
  entityId: string | null;
  offset: number;
  /** For someone else: the first name that told ("Pete" Sessions). */
  firstWord?: string;
};

export type SegmentScan = {
  candidates: Candidate[];
  topics: string[];
  /** US state names in the segment, as written. */
  states: string[];
  /** Off-topic domain words in the segment (sports, screen), lower case. */
  offTopic?: string[];
  /** Aliases that are also everyday words, seen here in lower case ("auburn hair"). */
  lowercaseWords?: string[];
  names: NameEvent[];
  /** Entities found in this segment (locally accepted, fallbacks included). */
  entities: Set<string>;
  /** Set by `PageEvidence.add`: the segment's place in page order. */
  sequence?: number;
};

export type Mention = {
  /** Offset of the first UTF-16 code unit of the mention. */
  start: number;
  /** Offset just past the mention. */
  end: number;
  entityId: string;
  /** The alias as curated, or the head word of an event phrase. */
  alias: string;
  reason: MentionReason;
};

export type ResolveOptions = {
  /** Kinds to link; all when absent. */
  kinds?: ReadonlySet<EntityKind>;
  /** Entities the reader hid. */
  hidden?: ReadonlySet<string>;
  /** Link each entity once per page; `linked` carries what is already linked across calls. */
  firstMentionOnly?: boolean;
  linked?: Set<string>;
};

const WORD_CHAR = new RegExp(WORD_CHAR_CLASS, 'u');
const isEventWord = (alias: AliasEntry) =>
  alias.form === 'event-head' ||
  alias.form === 'event-verb' ||
  alias.form === 'event-paraphrase';

/**
 * Keeps candidates that do not overlap: longer first ("Chuck Schumer" over
 * "Cryin' Chuck" inside "Cryin' Chuck Schumer"; an event phrase over the
 * names inside it), then full names.
 */
function nonOverlapping(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      Number(b.alias.safety === 'safe') - Number(a.alias.safety === 'safe') ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const candidate of ranked) {
    if (
      !kept.some(
        (other) => candidate.start < other.end && other.start < candidate.end,
      )
    )
      kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Segment offsets and sequence numbers combine into one page order. */
const ORDER_STRIDE = 1e7;

/** What the page as a whole says: who is named in full, which topic words occur, in what order. */
export class PageEvidence {
  /** Entity id → the first full name found for it. */
  readonly named = new Map<string, string>();
  readonly topics = new Set<string>();
  /** Full names per surname key, in page order, for bare-surname coreference. */
  readonly names = new Map<
    string,
    Array<{ entityId: string | null; order: number }>
  >();
  /** How many full names per surname key belong to each entity (null: someone else). */
  readonly nameCounts = new Map<string, Map<string | null, number>>();
  /** How often each US state is named on the page. */
  readonly states = new Map<string, number>();
  /** Distinct off-topic words per domain. */
  readonly offTopic = new Map<string, Set<string>>();
  /** Everyday-word aliases the page also uses in lower case: it means the word. */
  readonly lowercaseWords = new Set<string>();
  /** Per surname key, the first names the page gives other people with it ("Pete", "Melania"). */
  readonly otherFirstWords = new Map<string, Set<string>>();
  private sequence = 0;

  add(scan: SegmentScan, text: string): void {
    scan.sequence = this.sequence;
    this.sequence += 1;
    this.addContext(scan);
    for (const word of scan.lowercaseWords ?? []) this.lowercaseWords.add(word);
    for (const event of scan.names) {
      const list = this.names.get(event.key) ?? [];
      const order = scan.sequence * ORDER_STRIDE + event.offset;
      // Kept sorted by page order (segments arrive in order; within one, nearly so).
      let at = list.length;
      while (at > 0 && list[at - 1]!.order > order) at -= 1;
      list.splice(at, 0, { entityId: event.entityId, order });
      this.names.set(event.key, list);
      const counts =
        this.nameCounts.get(event.key) ?? new Map<string | null, number>();
      counts.set(event.entityId, (counts.get(event.entityId) ?? 0) + 1);
      this.nameCounts.set(event.key, counts);
      if (event.firstWord !== undefined) {
        const words = this.otherFirstWords.get(event.key) ?? new Set<string>();
        words.add(event.firstWord.replace(/['’]s$/u, ''));
        this.otherFirstWords.set(event.key, words);
      }
    }
    const visit = (candidate: Candidate) => {
      if (
        candidate.alias.safety !== 'safe' ||
        candidate.alias.kind === 'event'
      ) {
        for (const inner of candidate.fallback) visit(inner);
        return;
      }
      if (!this.named.has(candidate.alias.entityId)) {
        this.named.set(
          candidate.alias.entityId,
          text.slice(candidate.start, candidate.end),
        );
      }
    };
    for (const candidate of scan.candidates) visit(candidate);
  }

  /** Topic words, state names and off-topic words of a segment (order does not matter for these). */
  addContext(context: {
    topics: readonly string[];
    states: readonly string[];
    offTopic?: readonly string[];
  }): void {
    for (const topic of context.topics) this.topics.add(topic);
    for (const state of context.states)
      this.states.set(state, (this.states.get(state) ?? 0) + 1);
    for (const word of context.offTopic ?? []) {
      const domain = OFF_TOPIC_DOMAIN_OF.get(word);
      if (!domain) continue;
      const words = this.offTopic.get(domain) ?? new Set<string>();
      words.add(word);
      this.offTopic.set(domain, words);
    }
  }

  /** The off-topic domain the page is about, if any (enough distinct words of it). */
  offTopicDomain(): string | null {
    let best: string | null = null;
    let most = OFF_TOPIC_MIN_WORDS - 1;
    for (const [domain, words] of this.offTopic) {
      if (words.size > most) {
        best = domain;
        most = words.size;
      }
    }
    return best;
  }
}

const OFF_TOPIC_DOMAIN_OF = new Map<string, string>(
  Object.entries(OFF_TOPIC_DOMAINS).flatMap(([domain, words]) =>
    words.map((word) => [word.toLowerCase(), domain] as const),
  ),
);

/**
 * One RegExp for many words: a trie of their folded keys, with a Unicode word
 * boundary after it. The boundary before a match is checked in code
 * (`startsWord`): a leading lookbehind would run at every position of the
 * text and keep the engine from skipping ahead to the words' first letters.
 */
function wordAlternation(keys: string[]): RegExp | null {
  const folded = new Set(keys.map((key) => key.toLowerCase()).filter(Boolean));
  if (!folded.size) return null;
  return new RegExp(`(?:${trieSource(folded)})(?!${WORD_CHAR_CLASS})`, 'giu');
}

/** True when a match at `index` is not inside a longer word. */
function startsWord(text: string, index: number): boolean {
  return index === 0 || !WORD_CHAR.test(text[index - 1]!);
}

/** Where a candidate sits, for signals that look beyond the alias itself. */
type Placement = {
  order: number;
  segmentEntities: ReadonlySet<string>;
  segmentTopics: readonly string[];
};
const NOWHERE: Placement = {
  order: 0,
  segmentEntities: new Set(),
  segmentTopics: [],
};
/** Full names more than this many segments away do not decide who a bare surname is. */
const COREFERENCE_WINDOW = 3 * ORDER_STRIDE;

export class MentionMatcher {
  private readonly pattern: RegExp | null;
  /** A second instance for searches inside a match, so the outer search keeps its place. */
  private readonly innerPattern: RegExp | null;
  private readonly topicPattern: RegExp | null;
  private readonly offTopicPattern: RegExp | null;
  private readonly byKey = new Map<string, AliasEntry[]>();
  readonly facts: Map<string, EntityFacts>;
  readonly aliasCount: number;

  constructor(entities: readonly Entity[]) {
    const table = buildAliasTable(entities);
    this.facts = table.facts;
    for (const alias of table.aliases) {
      const key = aliasKey(alias.text).toLowerCase();
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), alias]);
    }
    this.aliasCount = table.aliases.length;
    this.pattern = wordAlternation(
      table.aliases.map((alias) => aliasKey(alias.text)),
    );
    this.innerPattern =
      this.pattern && new RegExp(this.pattern.source, this.pattern.flags);
    this.topicPattern = wordAlternation(
      entities.flatMap((entity) => (entity.topics ?? []).map(aliasKey)),
    );
    this.offTopicPattern = wordAlternation([...OFF_TOPIC_DOMAIN_OF.keys()]);
  }

  /** Candidates in `text` that pass the local rules, plus the topic words and full names it contains. */
  scan(text: string, { context = true } = {}): SegmentScan {
    const { topics, states, offTopic } = context
      ? this.scanContext(text)
      : { topics: [], states: [], offTopic: [] };
    const names: NameEvent[] = [];
    const entities = new Set<string>();
    if (!this.pattern)
      return { candidates: [], topics, states, offTopic, names, entities };
    this.lowercaseSeen = [];
    const candidates = this.findCandidates(
      this.pattern,
      text,
      0,
      text.length,
      names,
      true,
    );
    const lowercaseWords = this.lowercaseSeen;
    const visit = (candidate: Candidate) => {
      entities.add(candidate.alias.entityId);
      for (const inner of candidate.fallback) visit(inner);
    };
    for (const candidate of candidates) visit(candidate);
    return {
      candidates,
      topics,
      states,
      offTopic,
      names,
      entities,
      ...(lowercaseWords.length ? { lowercaseWords } : {}),
    };
  }
  /** Lower-case uses of everyday-word aliases in the segment being scanned. */
  private lowercaseSeen: string[] = [];

  /**
   * The context words of a text: topic words, US state names and off-topic
   * domain words. Only needed once a page has any name on it, so a caller may
   * defer this for pages that never match (`scan(text, { context: false })`,
   * then `PageEvidence.addContext`).
   */
  scanContext(text: string): {
    topics: string[];
    states: string[];
    offTopic: string[];
  } {
    const topics = this.wordsOf(this.topicPattern, text);
    const offTopic = this.wordsOf(this.offTopicPattern, text);
    const states: string[] = [];
    US_STATES.lastIndex = 0;
    for (let match = US_STATES.exec(text); match; match = US_STATES.exec(text))
      states.push(match[0]);
    return { topics, states, offTopic };
  }

  private wordsOf(pattern: RegExp | null, text: string): string[] {
    // exec loops, not matchAll: matchAll clones the RegExp on every call.
    const words: string[] = [];
    if (!pattern) return words;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (startsWord(text, match.index))
        words.push(aliasKey(match[0]).toLowerCase());
      else pattern.lastIndex = match.index + 1;
    }
    return words;
  }

  /** Matches in [from, to), each with the candidates inside it as its fallback. */
  private findCandidates(
    pattern: RegExp,
    text: string,
    from: number,
    to: number,
    names: NameEvent[],
    frames: boolean,
  ): Candidate[] {
    const haystack = to === text.length ? text : text.slice(0, to);
    pattern.lastIndex = from;
    const candidates: Candidate[] = [];
    /** The span of the last refused match, and what may not link inside it. */
    let refused: { end: number; entries: AliasEntry[] } | null = null;
    for (
      let match = pattern.exec(haystack);
      match;
      match = pattern.exec(haystack)
    ) {
      const start = match.index;
      if (!startsWord(text, start)) {
        pattern.lastIndex = start + 1; // Inside a longer word: look again from the next character.
        continue;
      }
      const end = start + match[0].length;
      let resumeAt = pattern.lastIndex;
      const entries = this.byKey.get(aliasKey(match[0]).toLowerCase()) ?? [];
      const eventEntries = entries.filter(isEventWord);
      if (eventEntries.length) {
        if (!frames) {
          pattern.lastIndex = start + 1;
          continue;
        }
        const phrase = this.readFrames(eventEntries, text, start, end);
        if (phrase) {
          // The phrase owns its words: names inside it become its fallback.
          const inside: Candidate[] = [];
          while (
            candidates.length &&
            candidates[candidates.length - 1]!.start >= phrase.start
          )
            inside.unshift(candidates.pop()!);
          if (phrase.end > end) {
            inside.push(
              ...this.findCandidates(
                this.innerPattern!,
                text,
                end,
                phrase.end,
                [],
                false,
              ),
            );
          }
          phrase.fallback = inside;
          candidates.push(phrase);
          pattern.lastIndex = Math.max(resumeAt, phrase.end);
          continue;
        }
        // Not this event ("a second Senate trial"): the names inside the
        // head may still match on their own.
        pattern.lastIndex = start + 1;
        continue;
      }
      let alias: AliasEntry | undefined;
      let local: Signal[] = [];
      let neighbour: string | undefined;
      /** Refusals that bind what may link inside this span: someone else's name. */
      const binding: AliasEntry[] = [];
      for (const entry of entries) {
        const facts = this.facts.get(entry.entityId)!;
        const verdict = checkLocalContext(entry, facts, text, start, end);
        if (!verdict.ok && verdict.otherPerson) binding.push(entry);
        if (
          !verdict.ok &&
          entry.commonWord &&
          /^\p{Ll}/u.test(text[start] ?? '')
        )
          this.lowercaseSeen.push(entry.text.toLowerCase());
        if (verdict.ok) {
          alias = entry;
          local = verdict.signals;
          neighbour = verdict.neighbour;
          if (entry.kind === 'person' && entry.safety === 'safe') {
            for (const key of facts.surnames)
              names.push({ key, entityId: entry.entityId, offset: start });
          }
          break;
        }
        if (!verdict.ok && verdict.otherPerson) {
          for (const key of facts.surnames)
            names.push({
              key,
              entityId: null,
              offset: start,
              ...(verdict.firstWord === undefined
                ? {}
                : { firstWord: verdict.firstWord }),
            });
        }
      }
      if (
        refused &&
        start < refused.end &&
        alias &&
        !keepsAfterRefusal(alias, refused.entries)
      )
        alias = undefined;
      if (!alias) {
        // Refused: look again from the next character, so a shorter or overlapping alias can still match.
        if (!refused || end > refused.end) refused = { end, entries: binding };
        pattern.lastIndex = start + 1;
        continue;
      }
      // The recursion reuses the inner RegExp; this loop keeps its own place.
      const fallback =
        end - start > 1 ? this.findInner(text, start, end, frames) : [];
      resumeAt = Math.max(resumeAt, pattern.lastIndex);
      pattern.lastIndex = resumeAt;
      const context = contextWordsAround(
        this.facts.get(alias.entityId)!.contextWords,
        text,
        start,
        end,
      );
      if (context.length)
        local = [
          ...local,
          {
            name: 'context-words',
            weight: Math.min(
              WEIGHTS.contextWordMax,
              context.length * WEIGHTS.contextWord,
            ),
            text: `its sentence says ${listJoin(context.slice(0, 3).map((word) => `“${word}”`))}`,
          },
        ];
      candidates.push({
        start,
        end,
        alias,
        fallback,
        local,
        ...(neighbour === undefined ? {} : { neighbour }),
      });
    }
    return candidates;
  }

  /**
   * Reads the event phrase around a head or verb, for each event it may be;
   * the best fitting reading wins. Null when every reading is another event
   * or not an event at all ("questions of recusal").
   */
  private readFrames(
    entries: readonly AliasEntry[],
    text: string,
    start: number,
    end: number,
  ): Candidate | null {
    let best: { candidate: Candidate; rank: number } | null = null;
    for (const entry of entries) {
      const facts = this.facts.get(entry.entityId)!;
      const frameFacts = facts.frame;
      if (!frameFacts) continue;
      const matched = text.slice(start, end);
      // Lower-case heads are common nouns; a capital only at a sentence start or in a headline.
      if (
        entry.text !== matched &&
        !/^\p{Lu}/u.test(entry.text) &&
        !startsSentence(text, start) &&
        !isTitleCase(text) &&
        !isShouting(text)
      )
        continue;
      const isParaphrase = entry.form === 'event-paraphrase';
      const isVerb = entry.form === 'event-verb' || isParaphrase;
      if (!isVerb && isGenericUse(entry, text, start, end)) continue;
      const phrase = readEventPhrase(
        text,
        start,
        end,
        frameFacts.event.frame?.cues ?? [],
        this.stopWords,
        isVerb,
      );
      const qualifiers: Qualifier[] = [...phrase.qualifiers];
      let phraseStart = phrase.start;
      // "his primary", "her recusal": the possessive means whoever was last named.
      if (/^(?:his|her|their)\b/iu.test(text.slice(phrase.start, phrase.start + 6))) {
        const owner = nameBefore(text, phrase.start);
        if (owner) qualifiers.push({ slot: 'name', value: owner });
      }
      if (isVerb) {
        // "Sessions’s decision to step aside": the nominalized phrase is one mention.
        const before = text.slice(Math.max(0, start - 90), start);
        const owned = OWNED_VERB_PHRASE.exec(before);
        if (owned) {
          phraseStart = start - (before.length - owned.index);
          qualifiers.push({ slot: 'name', value: owned[1]! });
        }
      }
      if (isVerb) {
        const subject = subjectBefore(text, start);
        if (subject?.type === 'name')
          qualifiers.push({ slot: 'name', value: subject.value });
        if (subject?.type === 'pronoun') {
          // "He declined to recuse": whoever the paragraph last named.
          const antecedent = nameBefore(text, start);
          if (antecedent) qualifiers.push({ slot: 'name', value: antecedent });
        }
        if (subject === null) {
          // "his attorney general recused himself": a participant by description.
          const described = this.participantDescribedBefore(frameFacts, text, start);
          if (described) qualifiers.push({ slot: 'name', value: described });
        }
        if (subject?.type !== 'name') {
          for (const name of namesAfter(text, phrase.end))
            if (frameFacts.participantWords.has(name))
              qualifiers.push({ slot: 'name', value: name });
        }
      }
      let verdict = judgeFrame(frameFacts, qualifiers);
      if (verdict.verdict === 'other') continue;
      // A phrase that does not name its state, date or people on its own is
      // read in its sentence: "In Texas, the runoff…", "the trial in 1999".
      if (
        verdict.verdict === 'bare' ||
        (verdict.verdict === 'fits' && !verdict.strong.some(identifies))
      ) {
        const conflict = sentenceConflict(frameFacts, text, start, end);
        if (conflict) continue;
      }
      void verdict;
      if (isParaphrase) {
        // "stepped aside" means the recusal only with its cue: "from the Russia investigation".
        const named =
          verdict.verdict === 'fits' &&
          verdict.strong.some((q) => q.slot === 'cue');
        if (
          !named &&
          !this.sentenceHasCue(
            text,
            start,
            frameFacts.event.frame?.cues ?? [],
            new Set(),
          )
        )
          continue;
      }
      const cueInSentence =
        verdict.verdict === 'bare' &&
        this.sentenceHasCue(
          text,
          start,
          frameFacts.event.frame?.cues ?? [],
          frameFacts.participantWords,
        );
      const rank =
        verdict.verdict === 'fits'
          ? 2 + verdict.strong.length
          : cueInSentence
            ? 1
            : 0;
      if (!best || rank > best.rank) {
        best = {
          rank,
          candidate: {
            start: phraseStart,
            end: phrase.end,
            alias: entry,
            fallback: [],
            local: [],
            frame: { verdict, cueInSentence },
            ...(/^an?\s/iu.test(text.slice(phraseStart, phraseStart + 3))
              ? { indefinite: true }
              : {}),
          },
        };
      }
    }
    return best?.candidate ?? null;
  }

  /**
   * A participant named by its description right before a verb ("the
   * attorney general recused himself"): the first of its name words, or null.
   */
  private participantDescribedBefore(
    frame: FrameFacts,
    text: string,
    at: number,
  ): string | null {
    const before = text.slice(Math.max(0, at - 40), at).toLowerCase();
    for (const id of frame.event.participants) {
      const participant = this.facts.get(id);
      if (!participant) continue;
      const description = participant.entity.description.toLowerCase();
      // Two consecutive words of the description ("attorney general"), after
      // a definite or possessive determiner: "an attorney general who…"
      // speaks of any.
      const words = before.match(/[\p{L}'’-]+/gu) ?? [];
      for (let i = Math.max(1, words.length - 4); i + 1 < words.length; i += 1) {
        if (
          description.includes(`${words[i]} ${words[i + 1]}`) &&
          /^(?:the|his|her|their|[\p{L}]+['’]s?)$/u.test(words[i - 1]!) &&
          !/^(?:a|an|any|every)$/u.test(words[i - 1]!)
        )
          return participant.entity.name.split(' ').at(-1) ?? null;
      }
    }
    return null;
  }

  /** Every event head and verb, lower case: an event phrase stops where another begins. */
  private get stopWords(): ReadonlySet<string> {
    if (!this.stopWordCache) {
      this.stopWordCache = new Set(
        [...this.byKey.values()]
          .flat()
          .filter(isEventWord)
          .map((entry) => entry.text.toLowerCase()),
      );
    }
    return this.stopWordCache;
  }
  private stopWordCache: Set<string> | null = null;

  /** Does the sentence around `at` name a cue or participant of the event? */
  private sentenceHasCue(
    text: string,
    at: number,
    cues: readonly string[],
    participantWords: ReadonlySet<string>,
  ): boolean {
    const from = Math.max(
      0,
      text.lastIndexOf('. ', at) + 1,
      text.lastIndexOf('? ', at) + 1,
      text.lastIndexOf('! ', at) + 1,
    );
    let to = text.length;
    for (const stop of ['. ', '? ', '! ']) {
      const found = text.indexOf(stop, at);
      if (found >= 0) to = Math.min(to, found);
    }
    const sentence = text.slice(from, to);
    if (cues.some((cue) => sentence.includes(cue))) return true;
    for (const word of sentence.match(/\p{Lu}[\p{L}'’-]+/gu) ?? [])
      if (participantWords.has(word.replace(/['’]s?$/u, ''))) return true;
    return false;
  }

  /**
   * The candidates inside the match [start, end): the longest shorter alias
   * that starts where it does ("Sessions" in "Sessions' recusal"), then
   * whatever follows ("recusal").
   */
  private findInner(
    text: string,
    start: number,
    end: number,
    frames: boolean,
  ): Candidate[] {
    const pattern = this.innerPattern!;
    const candidates: Candidate[] = [];
    for (let limit = end - 1; limit > start; ) {
      pattern.lastIndex = start;
      const match = pattern.exec(text.slice(0, limit));
      if (!match || match.index !== start || !startsWord(text, start)) break;
      const prefixEnd = start + match[0].length;
      if (WORD_CHAR.test(text[prefixEnd] ?? '')) {
        limit = prefixEnd - 1; // Cut mid-word: only a shorter alias can end at a real boundary.
        continue;
      }
      candidates.push(
        ...this.findCandidates(pattern, text, start, prefixEnd, [], false),
      );
      break;
    }
    candidates.push(
      ...this.findCandidates(pattern, text, start + 1, end, [], false),
    );
    void frames;
    return nonOverlapping(candidates);
  }

  /** Decides which candidates of one scanned segment become mentions. */
  resolve(
    scan: SegmentScan,
    evidence: PageEvidence,
    options: ResolveOptions = {},
  ): Mention[] {
    const mentions: Mention[] = [];
    const linked = options.linked ?? new Set<string>();
    const order = (scan.sequence ?? 0) * ORDER_STRIDE;
    const admit = (candidate: Candidate): boolean => {
      const decision = this.decideCandidate(candidate, evidence, {
        order: order + candidate.start,
        segmentEntities: scan.entities,
        segmentTopics: scan.topics,
      });
      if (!decision.link) {
        // A full name the page does not support: its surname inside is no better.
        const outer = candidate.alias.kind === 'person' ? [candidate.alias] : [];
        return candidate.fallback
          .filter((inner) => keepsAfterRefusal(inner.alias, outer))
          .map(admit)
          .some(Boolean);
      }
      const { entityId } = candidate.alias;
      if (options.kinds && !options.kinds.has(candidate.alias.kind))
        return true;
      if (options.hidden?.has(entityId)) return true;
      if (options.firstMentionOnly && linked.has(entityId)) return true;
      linked.add(entityId);
      mentions.push({
        start: candidate.start,
        end: candidate.end,
        entityId,
        alias: candidate.alias.text,
        reason: reasonOf(decision),
      });
      return true;
    };
    for (const candidate of scan.candidates) admit(candidate);
    return mentions;
  }

  /** The decision for one candidate of a scan, with every signal (tests, tools). */
  explain(candidate: Candidate, scan: SegmentScan, evidence: PageEvidence) {
    return this.decideCandidate(candidate, evidence, {
      order: (scan.sequence ?? 0) * ORDER_STRIDE + candidate.start,
      segmentEntities: scan.entities,
      segmentTopics: scan.topics,
    });
  }

  /** Why this alias links here, or null when the page gives no evidence for it (tests, tools). */
  reasonFor(
    alias: AliasEntry,
    evidence: PageEvidence,
    here: Placement = NOWHERE,
  ): MentionReason | null {
    const decision = this.decideCandidate(
      { start: 0, end: 0, alias, fallback: [], local: [] },
      evidence,
      here,
    );
    return decision.link ? reasonOf(decision) : null;
  }

  /** The signals for one candidate, summed into a decision (link-decision.ts). */
  private decideCandidate(
    candidate: Candidate,
    evidence: PageEvidence,
    here: Placement,
  ) {
    const { alias } = candidate;
    const facts = this.facts.get(alias.entityId)!;
    const entity = facts.entity;
    const signals: Signal[] = [...candidate.local];
    let vetoed = false;
    // "Auburn Is the Fall Color": capitalized only by position, and the page
    // uses the same word in lower case ("what auburn actually is").
    if (
      signals.some((signal) => signal.name === 'common-word') &&
      evidence.lowercaseWords.has(alias.text.toLowerCase())
    )
      signals.push({ name: 'common-word', weight: WEIGHTS.commonWordOnPage });

    // The prior of the surface form.
    if (alias.kind === 'event') {
      vetoed = this.eventSignals(candidate, facts, evidence, here, signals);
    } else if (alias.safety === 'safe') {
      signals.push({
        name: 'full-name',
        weight: WEIGHTS.fullName,
        text: 'it is a full name',
      });
      if (
        entity.kind === 'person' &&
        entity.sharedName &&
        alias.form === 'full-name'
      )
        signals.push({ name: 'shared-name', weight: WEIGHTS.sharedName });
    } else if (alias.form === 'title') {
      signals.push({
        name: 'title-fits',
        weight: WEIGHTS.titleFits,
        text: `“${alias.text}” is a title this person holds`,
      });
    } else if (alias.form === 'handle') {
      signals.push({
        name: 'handle',
        weight: WEIGHTS.handle,
        text: `“${alias.text}” is this account`,
      });
    } else if (alias.form === 'first-name') {
      signals.push({ name: 'first-name', weight: WEIGHTS.firstName });
    } else if (entity.kind !== 'person' && /^[\p{Lu}@#]/u.test(alias.text)) {
      signals.push({ name: 'proper-name', weight: WEIGHTS.properName });
    }

    // Coreference: a bare surname (or title + surname) goes to whoever the page is about there.
    if (
      entity.kind === 'person' &&
      alias.safety !== 'safe' &&
      (alias.form === 'surname' || alias.form === 'title')
    ) {
      const referent = this.coreferent(facts, evidence, here.order);
      if (referent === 'someone-else') vetoed = true;
      // "Melania Trump Marks…" in a headline: the page calls someone else Melania Trump.
      if (
        candidate.neighbour !== undefined &&
        facts.surnames.some((key) =>
          evidence.otherFirstWords.get(key)?.has(candidate.neighbour!),
        )
      )
        vetoed = true;
      if (referent === 'ours')
        signals.push({
          name: 'nearest-full-name',
          weight: WEIGHTS.nearestFullName,
        });
    }

    // The page: this entity named in full, related entities, topic words.
    const named = evidence.named.get(alias.entityId);
    if (
      alias.safety !== 'safe' &&
      named !== undefined &&
      alias.kind !== 'event'
    )
      signals.push({
        name: 'named-on-page',
        weight: WEIGHTS.namedOnPage,
        text: `“${named}” appears on this page`,
      });
    // Its story: related entities and theirs (the senator's race, the race's candidates).
    const related = [...facts.story]
      .filter((id) => id !== alias.entityId && evidence.named.has(id))
      .map((id) => evidence.named.get(id)!);
    if (related.length)
      signals.push({
        name: 'related-on-page',
        weight: Math.min(
          WEIGHTS.relatedOnPageMax,
          related.length * WEIGHTS.relatedOnPage,
        ),
        text: `the page names ${listJoin(related.slice(0, 3).map((name) => `“${name}”`))}`,
      });
    if ([...here.segmentEntities].some((id) => facts.related.has(id)))
      signals.push({
        name: 'related-in-paragraph',
        weight: WEIGHTS.relatedInParagraph,
      });
    const topics = (entity.topics ?? []).filter((topic) =>
      evidence.topics.has(aliasKey(topic).toLowerCase()),
    );
    if (topics.length)
      signals.push({
        name: 'topics-on-page',
        weight: Math.min(
          WEIGHTS.topicOnPageMax,
          topics.length * WEIGHTS.topicOnPage,
        ),
        text: `the page mentions ${listJoin(topics.slice(0, 3))}`,
      });

    // Coherence: a page about another domain that names hardly anything of this story.
    const domain = evidence.offTopicDomain();
    if (
      domain &&
      this.namedPeopleAndEvents(alias.entityId, evidence) < COHERENT_STORY_NAMES
    )
      signals.push({ name: 'off-topic-page', weight: WEIGHTS.offTopicPage });
    return decide(signals, vetoed);
  }

  /** The frame's signals for an event phrase; true when it may not link at all. */
  private eventSignals(
    candidate: Candidate,
    facts: EntityFacts,
    evidence: PageEvidence,
    here: Placement,
    signals: Signal[],
  ): boolean {
    const { alias } = candidate;
    if (!candidate.frame) {
      // An event's own name ("Obamagate"), matched as an alias.
      if (alias.safety === 'safe' || /^[#@]?\p{Lu}/u.test(alias.text))
        signals.push({
          name: 'full-name',
          weight: WEIGHTS.fullName,
          text: 'it is the event’s name',
        });
      return false;
    }
    const { verdict, cueInSentence } = candidate.frame;
    const frame =
      facts.entity.kind === 'event' ? facts.entity.frame : undefined;
    if (verdict.verdict === 'fits') {
      const strong = verdict.strong.map(describeQualifier);
      if (strong.length)
        signals.push({
          name: 'phrase-names-it',
          weight: Math.min(
            WEIGHTS.phraseNamesItMax,
            strong.length * WEIGHTS.phraseNamesIt,
          ),
          text: `the phrase names ${listJoin(strong)}`,
        });
      if (verdict.weak.length)
        signals.push({
          name: 'phrase-narrows-it',
          weight: Math.min(
            WEIGHTS.phraseNarrowsItMax,
            verdict.weak.length * WEIGHTS.phraseNarrowsIt,
          ),
          text: `the phrase says ${listJoin(verdict.weak.map(describeQualifier))}`,
        });
    } else if (frame?.needsQualifier || alias.form === 'event-verb') {
      // Everyday words ("the investigation") and verbs with no named subject need their sentence.
      if (
        !cueInSentence &&
        !(alias.form === 'event-verb' && this.participantInSegment(facts, here))
      )
        return true;
      signals.push({
        name: 'cue-in-sentence',
        weight: WEIGHTS.cueInSentence,
        text: 'its sentence names who or what it is about',
      });
    } else if (
      !this.eventFitsSegment(facts, alias, here) &&
      (candidate.indefinite || !this.pageIsAboutEvent(facts, evidence))
    ) {
      // A bare head ("the runoff") needs its paragraph or the page to be about the event.
      return true;
    }
    if (
      verdict.verdict !== 'fits' ||
      !verdict.strong.some(identifies)
    ) {
      if (this.pageIsAboutAnotherState(facts, alias, evidence))
        signals.push({
          name: 'other-state-page',
          weight: WEIGHTS.otherStatePage,
        });
    }
    return false;
  }

  /** A bare head's paragraph is about the event: a related entity, or two of its topic words besides the head. */
  private eventFitsSegment(
    facts: EntityFacts,
    alias: AliasEntry,
    here: Placement,
  ): boolean {
    if (here === NOWHERE) return true;
    if ([...here.segmentEntities].some((id) => facts.related.has(id)))
      return true;
    const head = alias.text.toLowerCase();
    const topics = (facts.entity.topics ?? [])
      .map((topic) => aliasKey(topic).toLowerCase())
      .filter((topic) => here.segmentTopics.includes(topic) && !topic.includes(head));
    return topics.length >= 2;
  }

  /** The page names the event's people and place in full: a bare "the runoff" there is this one. */
  private pageIsAboutEvent(facts: EntityFacts, evidence: PageEvidence): boolean {
    const entity = facts.entity;
    if (entity.kind !== 'event') return false;
    const own = [...entity.participants, ...(entity.place ? [entity.place] : [])];
    const named = own.filter((id) => evidence.named.has(id)).length;
    return named >= Math.min(2, own.length);
  }

  /** People and events of the dataset named in full on the page, this one aside. */
  private namedPeopleAndEvents(entityId: string, evidence: PageEvidence): number {
    let count = 0;
    for (const id of evidence.named.keys()) {
      const kind = this.facts.get(id)?.entity.kind;
      if (id !== entityId && (kind === 'person' || kind === 'event')) count += 1;
    }
    return count;
  }

  private participantInSegment(facts: EntityFacts, here: Placement): boolean {
    const entity = facts.entity;
    return (
      entity.kind === 'event' &&
      entity.participants.some((id) => here.segmentEntities.has(id))
    );
  }

  /**
   * Who a bare surname refers to: the nearest full name with that surname
   * before it on the page (else the first after it), ours or someone else's.
   */
  private coreferent(
    facts: EntityFacts,
    evidence: PageEvidence,
    order: number,
  ): 'ours' | 'someone-else' | 'unknown' {
    let before: { entityId: string | null; order: number } | undefined;
    let after: { entityId: string | null; order: number } | undefined;
    let ours = 0;
    let others = 0;
    for (const key of facts.surnames) {
      for (const [entityId, count] of evidence.nameCounts.get(key) ?? []) {
        if (entityId === facts.entity.id) ours += count;
        else others += count;
      }
      const list = evidence.names.get(key);
      if (!list?.length) continue;
      const at = firstAfter(list, order);
      const previous = list[at - 1];
      const next = list[at];
      if (previous && (!before || previous.order > before.order))
        before = previous;
      if (next && (!after || next.order < after.order)) after = next;
    }
    const decideBy = (event: { entityId: string | null }) =>
      event.entityId === facts.entity.id ? 'ours' : 'someone-else';
    // The full name closest before it decides ("Pete Sessions … Sessions said"),
    // then the closest after it; only then the page as a whole.
    if (before && order - before.order < COREFERENCE_WINDOW)
      return decideBy(before);
    if (!before && after && after.order - order < COREFERENCE_WINDOW)
      return decideBy(after);
    if (ours >= others) return ours ? 'ours' : 'unknown';
    // A page about the other one: it names them in full far more often.
    return others > 2 * ours ? 'someone-else' : 'unknown';
  }

  /**
   * A page that names another state more often than the event's own is
   * about a race there. (A page about Alabama that compares it with Texas,
   * Georgia and Mississippi is still about Alabama.)
   */
  private pageIsAboutAnotherState(
    facts: EntityFacts,
    alias: AliasEntry,
    evidence: PageEvidence,
  ): boolean {
    if (!facts.placeWords.size || namesOwnPlace(alias, facts)) return false;
    let own = 0;
    let otherMost = 0;
    for (const [state, count] of evidence.states) {
      if (facts.placeWords.has(state)) own += count;
      else otherMost = Math.max(otherMost, count);
    }
    return otherMost > own;
  }
}

/**
 * What may still link inside a refused match: not the same person's shorter
 * name when the match was someone else ("Doug Jones" refused as the actor:
 * "Jones" is the actor too).
 */
function keepsAfterRefusal(
  inner: AliasEntry,
  outer: readonly AliasEntry[],
): boolean {
  return !outer.some(
    (entry) => entry.kind === 'person' && entry.entityId === inner.entityId,
  );
}

/**
 * A qualifier elsewhere in the sentence that makes a bare or weakly
 * qualified phrase another event: another state (when the event's own is not
 * there too), another year, another office ("House", "congressional").
 */
function sentenceConflict(
  facts: FrameFacts,
  text: string,
  start: number,
  end: number,
): boolean {
  const from = sentenceStart(text, start);
  const to = sentenceEnd(text, end);
  const sentence = text.slice(from, to);
  let ownState = false;
  let otherState = false;
  US_STATES.lastIndex = 0;
  for (
    let match = US_STATES.exec(sentence);
    match;
    match = US_STATES.exec(sentence)
  ) {
    if (facts.placeWords.has(match[0])) ownState = true;
    else otherState = true;
  }
  if (otherState && !ownState) return true;
  for (const match of sentence.matchAll(
    /(?<![\p{N}])(1[89]\d\d|20\d\d)(?![\p{N}])/gu,
  )) {
    if (!facts.years.has(Number(match[1]))) {
      // A year right before the phrase or inside it decides; a year elsewhere
      // in a long sentence only when the event's own years are absent.
      if (![...facts.years].some((year) => sentence.includes(String(year))))
        return true;
    }
  }
  // Days named in the sentence, none of them this event's: another one ("is June 9").
  const days = [...sentence.matchAll(SENTENCE_DAY)].map((match) => [
    MONTH_NUMBERS.get(match[1]!.replace(/\.$/u, '')) ?? 0,
    Number(match[2]),
  ]);
  if (
    days.length &&
    !days.some(([month, day]) =>
      facts.dates.some(([m, d]) => m === month && (d === null || d === day)),
    )
  )
    return true;
  const office = facts.event.frame?.office;
  if (
    office &&
    office !== 'house' &&
    /(?<![\p{L}])(?:House seat|House seats|congressional|Congressional|[0-9]+(?:st|nd|rd|th) (?:Congressional )?District|state Senate|state House|Rep\.)(?![\p{L}])/u.test(
      sentence,
    )
  )
    return true;
  return false;
}

const MONTH_NUMBERS = new Map<string, number>([
  ...[
    'January', 'February', 'March', 'April', 'May', 'June', 'July',
    'August', 'September', 'October', 'November', 'December',
  ].map((name, index) => [name, index + 1] as const),
  ...(['Jan', 'Feb', 'Aug', 'Sept', 'Sep', 'Oct', 'Nov', 'Dec'] as const).map(
    (name) =>
      [name, ({ Jan: 1, Feb: 2, Aug: 8, Sept: 9, Sep: 9, Oct: 10, Nov: 11, Dec: 12 } as const)[name]] as const,
  ),
]);
const SENTENCE_DAY =
  /(?<![\p{L}])(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)[ \u00A0]+(\d{1,2})(?![\p{N}])/gu;

function sentenceStart(text: string, at: number): number {
  let from = 0;
  for (const stop of ['. ', '? ', '! ', '; ']) {
    const found = text.lastIndexOf(stop, at - 1);
    if (found >= 0) from = Math.max(from, found + stop.length);
  }
  return from;
}

function sentenceEnd(text: string, at: number): number {
  let to = text.length;
  for (const stop of ['. ', '? ', '! ', '; ']) {
    const found = text.indexOf(stop, at);
    if (found >= 0) to = Math.min(to, found);
  }
  return to;
}

/**
 * A page naming this many other people or events of the dataset in full is
 * about its story, whatever else it talks about (a story about a football
 * coach who runs for the Senate is full of sports words). Places and
 * organizations do not count: every page names a state or a party.
 */
const COHERENT_STORY_NAMES = 2;


/**
 * "Sessions’s decision to", "his 2017 decision, weeks into his tenure, to":
 * a possessor and a noun for the act, right before the verb.
 */
const OWNED_VERB_PHRASE =
  /(\p{Lu}[\p{L}-]+)['’]s?[ \u00A0]+(?:(?:\d{4}|later|early|own|first)[ \u00A0]+)?(?:decision|choice|move|refusal|willingness|vow|pledge|promise)(?:,[^,.;]{1,60},)?[ \u00A0]+to[ \u00A0]+$/u;

/** How far around a name its sentence is read for context words. */
const CONTEXT_WINDOW = 90;
const CONTEXT_WORD = /[\p{L}][\p{L}'’-]{3,}/gu;

/**
 * Words of the entity's own description and topics near the mention ("the
 * Democratic senator from Alabama, Doug Jones"): the classic context
 * similarity of entity linking, counted in distinct words.
 */
function contextWordsAround(
  vocabulary: ReadonlySet<string>,
  text: string,
  start: number,
  end: number,
): string[] {
  if (!vocabulary.size) return [];
  const from = Math.max(0, start - CONTEXT_WINDOW);
  const to = Math.min(text.length, end + CONTEXT_WINDOW);
  const found = new Set<string>();
  const window = `${text.slice(from, start)} ${text.slice(end, to)}`;
  for (const match of window.matchAll(CONTEXT_WORD)) {
    const word = match[0].toLowerCase().replace(/['’]s$/u, '');
    if (vocabulary.has(word)) found.add(word);
  }
  return [...found];
}

/**
 * Qualifiers that identify an event on their own, even on a page about
 * another state: its state, its people, its cues. A date does not (Texas
 * held its runoff on July 14 too).
 */
function identifies(qualifier: Qualifier): boolean {
  return (
    qualifier.slot === 'state' ||
    qualifier.slot === 'name' ||
    qualifier.slot === 'cue'
  );
}

function describeQualifier(qualifier: Qualifier): string {
  switch (qualifier.slot) {
    case 'date':
      return qualifier.day === null
        ? monthName(qualifier.month)
        : `${monthName(qualifier.month)} ${qualifier.day}`;
    case 'year':
      return String(qualifier.value);
    case 'name':
    case 'cue':
    case 'state':
    case 'generic':
      return qualifier.value;
    case 'party':
      return qualifier.value === 'republican'
        ? 'Republican'
        : qualifier.value === 'democratic'
          ? 'Democratic'
          : qualifier.value;
    case 'office':
      return qualifier.value === 'senate' ? 'Senate' : qualifier.value;
    case 'stage':
    case 'ordinal':
      return qualifier.value;
  }
}

function monthName(month: number): string {
  return (
    [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ][month - 1] ?? String(month)
  );
}

function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

/** A one-shot helper for whole texts (tests, the popup): scan, gather evidence, resolve. */
export function findMentions(
  matcher: MentionMatcher,
  text: string,
  options?: ResolveOptions,
): Mention[] {
  const scan = matcher.scan(text);
  const evidence = new PageEvidence();
  evidence.add(scan, text);
  return matcher.resolve(scan, evidence, options);
}

/** Index of the first event after `order` in a list sorted by order (binary search). */
function firstAfter(
  list: ReadonlyArray<{ order: number }>,
  order: number,
): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.order <= order) low = mid + 1;
    else high = mid;
  }
  return low;
}

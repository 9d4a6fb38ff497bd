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
import type { Entity } from '../data/dataset-schema';
import {
  aliasKey,
  buildAliasTable,
  type AliasEntry,
  type EntityFacts,
} from './alias-table';
import { trieSource } from './alias-trie';
import { CandidateJudge, keepsAfterRefusal } from './candidate-judge';
import { EventReader } from './event-reading';
import {
  reasonOf,
  type MentionReason,
  type Signal,
  WEIGHTS,
} from './link-decision';
import { checkLocalContext } from './local-context';
import {
  type Candidate,
  type Mention,
  type NameEvent,
  NOWHERE,
  ORDER_STRIDE,
  type Placement,
  type ResolveOptions,
  type SegmentScan,
} from './mention-types';
import { OFF_TOPIC_DOMAIN_OF, PageEvidence } from './page-evidence';
import { contextWordsAround, listJoin } from './sentence-context';
import { US_STATES, WORD_CHAR_CLASS } from './text-words';

export type {
  Candidate,
  FrameReading,
  Mention,
  NameEvent,
  ResolveOptions,
  SegmentScan,
} from './mention-types';
export { PageEvidence } from './page-evidence';
export type { MentionReason } from './link-decision';

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
    const eventWords = new Set(
      table.aliases
        .filter(isEventWord)
        .map((entry) => entry.text.toLowerCase()),
    );
    this.reader = new EventReader(this.facts, eventWords);
    this.judge = new CandidateJudge(this.facts);
  }
  private readonly reader: EventReader;
  private readonly judge: CandidateJudge;

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
    /** Where the last event head read as another event ends. */
    let refusedEventEnd = -1;
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
        // Inside a head already read as another event ("the impeachment
        // trial of Bill Clinton"), its words ("trial") are not read again.
        if (start < refusedEventEnd) {
          pattern.lastIndex = start + 1;
          continue;
        }
        const phrase = this.reader.read(eventEntries, text, start, end);
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
        refusedEventEnd = Math.max(refusedEventEnd, end);
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
      const decision = this.judge.decide(candidate, evidence, {
        order: order + candidate.start,
        segmentEntities: scan.entities,
        segmentTopics: scan.topics,
      });
      if (!decision.link) {
        // A full name the page does not support: its surname inside is no better.
        const outer =
          candidate.alias.kind === 'person' ? [candidate.alias] : [];
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
    return this.judge.decide(candidate, evidence, {
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
    const decision = this.judge.decide(
      { start: 0, end: 0, alias, fallback: [], local: [] },
      evidence,
      here,
    );
    return decision.link ? reasonOf(decision) : null;
  }
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

/**
 * Finds mentions of dataset entities in text: strings in, offsets out. No DOM.
 *
 * Two steps, so that a bare surname can use evidence from the whole page:
 *
 * 1. `scan(text)` (per segment): one combined RegExp of every alias, longest
 *    first ("Jeff Sessions" over "Sessions"), Unicode word boundaries, any
 *    case; then the local rules (local-context.ts) drop what is not this
 *    entity's name here ("Pete Sessions", "trump card", "a second impeachment").
 *    A rejected long match falls back to the aliases inside it
 *    ("Crazy Nancy Pelosi" → "Nancy Pelosi").
 * 2. `resolve(scan, evidence)`: safe aliases (full names) link on their own;
 *    context aliases (surnames, handles, epithets, phrases) link only with
 *    evidence from the page (`PageEvidence`): the same entity named in full,
 *    or related entities named in full together with its topic words. Every
 *    link carries its reason, which the card shows.
 */
import type { Entity, EntityKind } from '../data/dataset-schema';
import {
  aliasKey,
  buildAliasTable,
  type AliasEntry,
  type EntityFacts,
} from './alias-table';
import { trieSource } from './alias-trie';
import { checkLocalContext, namesOwnPlace } from './local-context';
import { US_STATES, WORD_CHAR_CLASS } from './text-words';

export type Candidate = {
  start: number;
  end: number;
  alias: AliasEntry;
  /** Candidates inside this one, used if this one is not linked. */
  fallback: Candidate[];
};

/**
 * A full name seen in a segment, for coreference: `entityId` null when it is
 * someone else with the same surname ("Pete Sessions", "actor Doug Jones").
 */
export type NameEvent = {
  key: string;
  entityId: string | null;
  offset: number;
};

export type SegmentScan = {
  candidates: Candidate[];
  topics: string[];
  /** US state names in the segment, as written. */
  states: string[];
  names: NameEvent[];
  /** Entities found in this segment (locally accepted, fallbacks included). */
  entities: Set<string>;
  /** Set by `PageEvidence.add`: the segment's place in page order. */
  sequence?: number;
};

export type MentionReason =
  | { type: 'name' }
  | { type: 'named-on-page'; name: string }
  | { type: 'context'; related: string[]; topics: string[] };

export type Mention = {
  /** Offset of the first UTF-16 code unit of the mention. */
  start: number;
  /** Offset just past the mention. */
  end: number;
  entityId: string;
  /** The alias as curated. */
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

/**
 * Keeps candidates that do not overlap, preferring full names, then longer
 * ones ("Chuck Schumer" over "Cryin' Chuck" inside "Cryin' Chuck Schumer").
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
  private sequence = 0;

  add(scan: SegmentScan, text: string): void {
    scan.sequence = this.sequence;
    this.sequence += 1;
    this.addContext(scan);
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
    }
    const visit = (candidate: Candidate) => {
      if (candidate.alias.safety !== 'safe')
        return candidate.fallback.forEach(visit);
      if (!this.named.has(candidate.alias.entityId)) {
        this.named.set(
          candidate.alias.entityId,
          text.slice(candidate.start, candidate.end),
        );
      }
    };
    scan.candidates.forEach(visit);
  }

  /**
   * Forgets what no later segment can use, so the evidence of a page that never
   * stops growing (a feed) stays bounded: every segment scanned from now on
   * comes after all the names seen so far, so of the full names per surname
   * only the last can be the nearest one before it. Call between passes (the
   * segments of the pass that just ended are resolved).
   */
  keepOnlyLatestNames(): void {
    for (const list of this.names.values())
      if (list.length > 1) list.splice(0, list.length - 1);
  }

  /** Topic words and state names of a segment (order does not matter for these). */
  addContext(context: {
    topics: readonly string[];
    states: readonly string[];
  }): void {
    for (const topic of context.topics) this.topics.add(topic);
    for (const state of context.states)
      this.states.set(state, (this.states.get(state) ?? 0) + 1);
  }
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

/** Minimum evidence for a context alias that lacks the entity's full name on the page. */
function hasEnoughContext(
  alias: AliasEntry,
  related: number,
  topics: number,
  namedOnPage: number,
): boolean {
  if (alias.form === 'first-name') return false; // "Jeff" needs "Jeff Sessions" on the page.
  if (alias.form === 'handle') return related + topics >= 1;
  if (alias.kind === 'event') return related >= 1 && related + topics >= 2;
  if (
    alias.kind !== 'person' &&
    alias.form !== 'epithet' &&
    isCapitalizedAlias(alias)
  ) {
    // A proper noun of a place or organization ("Senate", "Twitter"): any sign the page is on topic.
    return related + topics >= 1 || namedOnPage >= 2;
  }
  return (related >= 1 && topics >= 2) || (related >= 2 && topics >= 1);
}

function isCapitalizedAlias(alias: AliasEntry): boolean {
  return /^[\p{Lu}@#]/u.test(alias.text);
}

/** Where a candidate sits, for rules that look beyond the alias itself. */
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
  }

  /** Candidates in `text` that pass the local rules, plus the topic words and full names it contains. */
  scan(text: string, { context = true } = {}): SegmentScan {
    const { topics, states } = context
      ? this.scanContext(text)
      : { topics: [], states: [] };
    const names: NameEvent[] = [];
    const entities = new Set<string>();
    if (!this.pattern)
      return { candidates: [], topics, states, names, entities };
    const candidates = this.findCandidates(
      this.pattern,
      text,
      0,
      text.length,
      names,
    );
    const visit = (candidate: Candidate) => {
      entities.add(candidate.alias.entityId);
      candidate.fallback.forEach(visit);
    };
    candidates.forEach(visit);
    return { candidates, topics, states, names, entities };
  }

  /**
   * The context words of a text: topic words and US state names. Only needed
   * once a page has any name on it, so a caller may defer this for pages that
   * never match (`scan(text, { context: false })`, then `PageEvidence.addContext`).
   */
  scanContext(text: string): { topics: string[]; states: string[] } {
    // exec loops, not matchAll: matchAll clones the RegExp on every call.
    const topics: string[] = [];
    const topicPattern = this.topicPattern;
    if (topicPattern) {
      topicPattern.lastIndex = 0;
      for (
        let match = topicPattern.exec(text);
        match;
        match = topicPattern.exec(text)
      ) {
        if (startsWord(text, match.index))
          topics.push(aliasKey(match[0]).toLowerCase());
        else topicPattern.lastIndex = match.index + 1;
      }
    }
    const states: string[] = [];
    US_STATES.lastIndex = 0;
    for (let match = US_STATES.exec(text); match; match = US_STATES.exec(text))
      states.push(match[0]);
    return { topics, states };
  }

  /** Matches in [from, to), each with the candidates inside it as its fallback. */
  private findCandidates(
    pattern: RegExp,
    text: string,
    from: number,
    to: number,
    names: NameEvent[],
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
      const resumeAt = pattern.lastIndex;
      const entries = this.byKey.get(aliasKey(match[0]).toLowerCase()) ?? [];
      let alias: AliasEntry | undefined;
      /** Refusals that bind what may link inside this span: someone else's name, another event. */
      const binding: AliasEntry[] = [];
      for (const entry of entries) {
        const facts = this.facts.get(entry.entityId)!;
        const verdict = checkLocalContext(entry, facts, text, start, end);
        if (!verdict.ok && (verdict.otherPerson || entry.kind === 'event'))
          binding.push(entry);
        if (verdict.ok) {
          alias = entry;
          if (entry.kind === 'person' && entry.safety === 'safe') {
            for (const key of facts.surnames)
              names.push({ key, entityId: entry.entityId, offset: start });
          }
          break;
        }
        if (verdict.otherPerson) {
          for (const key of facts.surnames)
            names.push({ key, entityId: null, offset: start });
        }
      }
      if (
        refused &&
        start < refused.end &&
        alias &&
        !this.keepsAfterRefusal(alias, refused.entries)
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
        end - start > 1 ? this.findInner(text, start, end, []) : [];
      pattern.lastIndex = resumeAt;
      candidates.push({ start, end, alias, fallback });
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
    names: NameEvent[],
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
        ...this.findCandidates(pattern, text, start, prefixEnd, names),
      );
      break;
    }
    candidates.push(
      ...this.findCandidates(pattern, text, start + 1, end, names),
    );
    return nonOverlapping(candidates);
  }

  /**
   * What may still link inside a refused match: not the same person's shorter
   * name when the match was someone else ("Doug Jones" refused as the actor:
   * "Jones" is the actor too), and, inside a refused event phrase ("Texas GOP
   * runoff"), only people.
   */
  private keepsAfterRefusal(
    inner: AliasEntry,
    outer: readonly AliasEntry[],
  ): boolean {
    if (
      outer.some(
        (entry) => entry.kind === 'person' && entry.entityId === inner.entityId,
      )
    )
      return false;
    if (outer.some((entry) => entry.kind === 'event'))
      return inner.kind === 'person';
    return true;
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
      const reason = this.reasonFor(candidate.alias, evidence, {
        order: order + candidate.start,
        segmentEntities: scan.entities,
        segmentTopics: scan.topics,
      });
      if (!reason) {
        const outer = candidate.alias.kind === 'event' ? [candidate.alias] : [];
        return candidate.fallback
          .filter((inner) => this.keepsAfterRefusal(inner.alias, outer))
          .some(admit);
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
        reason,
      });
      return true;
    };
    scan.candidates.forEach(admit);
    return mentions;
  }

  /** Why this alias links here, or null when the page gives no evidence for it. */
  reasonFor(
    alias: AliasEntry,
    evidence: PageEvidence,
    here: Placement = NOWHERE,
  ): MentionReason | null {
    if (alias.safety === 'safe') return { type: 'name' };
    const facts = this.facts.get(alias.entityId)!;
    if (
      alias.kind === 'person' &&
      (alias.form === 'surname' || alias.form === 'title')
    ) {
      const referent = this.coreferent(facts, evidence, here.order);
      if (referent === 'someone-else') return null;
    }
    if (alias.kind === 'event' && !this.eventFitsSegment(facts, alias, here))
      return null;
    if (
      alias.kind === 'event' &&
      this.pageIsAboutAnotherState(facts, alias, evidence)
    )
      return null;
    const named = evidence.named.get(alias.entityId);
    if (named !== undefined) return { type: 'named-on-page', name: named };
    const related = [...facts.related]
      .filter((id) => evidence.named.has(id))
      .map((id) => evidence.named.get(id)!);
    const topics = (facts.entity.topics ?? []).filter((topic) =>
      evidence.topics.has(aliasKey(topic).toLowerCase()),
    );
    return hasEnoughContext(
      alias,
      related.length,
      topics.length,
      evidence.named.size,
    )
      ? { type: 'context', related, topics }
      : null;
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
    const decide = (event: { entityId: string | null }) =>
      event.entityId === facts.entity.id ? 'ours' : 'someone-else';
    // A page that names one of them in full at least twice as often is about that one.
    if (others >= 2 * Math.max(ours, 1)) return 'someone-else';
    if (ours >= 2 * others && ours > 0) return 'ours';
    // Otherwise a full name close by decides, then whoever the page names in full at least as often.
    if (before && order - before.order < COREFERENCE_WINDOW)
      return decide(before);
    if (!before && after && after.order - order < COREFERENCE_WINDOW)
      return decide(after);
    if (!others) return ours ? 'ours' : 'unknown';
    return ours >= others ? 'ours' : 'someone-else';
  }

  /** A page that names other states more than this event's own is about a race elsewhere. */
  private pageIsAboutAnotherState(
    facts: EntityFacts,
    alias: AliasEntry,
    evidence: PageEvidence,
  ): boolean {
    if (!facts.placeWords.size || namesOwnPlace(alias, facts)) return false;
    let own = 0;
    let other = 0;
    for (const [state, count] of evidence.states) {
      if (facts.placeWords.has(state)) own += count;
      else other += count;
    }
    return other > own;
  }

  /** An event phrase needs its own segment to be about it: a related name, or two topic words besides the phrase. */
  private eventFitsSegment(
    facts: EntityFacts,
    alias: AliasEntry,
    here: Placement,
  ): boolean {
    if (here === NOWHERE) return true;
    // A coined one-word name ("Obamagate") is its own context; common nouns and generic phrases are not.
    if (/^\p{Lu}[\p{Ll}]+$/u.test(alias.text)) return true;
    const relatedHere = [...here.segmentEntities].some((id) =>
      facts.related.has(id),
    );
    const aliasWords = aliasKey(alias.text).toLowerCase();
    const topicsHere = (facts.entity.topics ?? [])
      .map((topic) => aliasKey(topic).toLowerCase())
      .filter(
        (topic) =>
          here.segmentTopics.includes(topic) && !aliasWords.includes(topic),
      );
    return relatedHere || topicsHere.length >= 2;
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

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
import { aliasKey, buildAliasTable, type AliasEntry, type EntityFacts } from './alias-table';
import { checkLocalContext } from './local-context';
import { WORD_CHAR_CLASS } from './text-words';

export type Candidate = {
  start: number;
  end: number;
  alias: AliasEntry;
  /** Candidates inside this one, used if this one is not linked. */
  fallback: Candidate[];
};

export type SegmentScan = { candidates: Candidate[]; topics: string[] };

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

/** What the page as a whole says: who is named in full, which topic words occur. */
export class PageEvidence {
  /** Entity id → the first full name found for it. */
  readonly named = new Map<string, string>();
  readonly topics = new Set<string>();

  add(scan: SegmentScan, text: string): void {
    for (const topic of scan.topics) this.topics.add(topic);
    const visit = (candidate: Candidate) => {
      if (candidate.alias.safety !== 'safe') return candidate.fallback.forEach(visit);
      if (!this.named.has(candidate.alias.entityId)) {
        this.named.set(candidate.alias.entityId, text.slice(candidate.start, candidate.end));
      }
    };
    scan.candidates.forEach(visit);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alias as a pattern: flexible spaces, either apostrophe, any dash. */
function aliasPattern(key: string): string {
  return escapeRegExp(key)
    .replace(/ /g, '[\\s\\u00A0\\u202F]+')
    .replace(/'/g, "['’‘]")
    .replace(/-/g, '[-‐‑]');
}

function wordAlternation(keys: string[]): RegExp | null {
  if (!keys.length) return null;
  const sorted = [...new Set(keys)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return new RegExp(`(?<!${WORD_CHAR_CLASS})(?:${sorted.map(aliasPattern).join('|')})(?!${WORD_CHAR_CLASS})`, 'giu');
}

/** Minimum evidence for a context alias that lacks the entity's full name on the page. */
function hasEnoughContext(alias: AliasEntry, related: number, topics: number): boolean {
  if (alias.form === 'first-name') return false; // "Jeff" needs "Jeff Sessions" on the page.
  if (alias.form === 'handle') return related + topics >= 1;
  if (alias.kind === 'event') return related >= 1 && related + topics >= 2;
  return (related >= 1 && topics >= 2) || (related >= 2 && topics >= 1);
}

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
    this.pattern = wordAlternation(table.aliases.map((alias) => aliasKey(alias.text)));
    this.innerPattern = this.pattern && new RegExp(this.pattern.source, this.pattern.flags);
    this.topicPattern = wordAlternation(entities.flatMap((entity) => (entity.topics ?? []).map(aliasKey)));
  }

  /** Candidates in `text` that pass the local rules, plus the topic words it contains. */
  scan(text: string): SegmentScan {
    const topics: string[] = [];
    if (this.topicPattern) {
      for (const match of text.matchAll(this.topicPattern)) topics.push(aliasKey(match[0]).toLowerCase());
    }
    if (!this.pattern) return { candidates: [], topics };
    return { candidates: this.findCandidates(this.pattern, text, 0, text.length), topics };
  }

  /** Matches in [from, to), each with the candidates inside it as its fallback. */
  private findCandidates(pattern: RegExp, text: string, from: number, to: number): Candidate[] {
    const haystack = to === text.length ? text : text.slice(0, to);
    pattern.lastIndex = from;
    const candidates: Candidate[] = [];
    for (let match = pattern.exec(haystack); match; match = pattern.exec(haystack)) {
      const start = match.index;
      const end = start + match[0].length;
      const resumeAt = pattern.lastIndex; // The recursion below may reuse this RegExp.
      const fallback = end - start > 1 ? this.findCandidates(this.innerPattern!, text, start + 1, end) : [];
      pattern.lastIndex = resumeAt;
      const entries = this.byKey.get(aliasKey(match[0]).toLowerCase()) ?? [];
      const alias = entries.find((entry) => checkLocalContext(entry, this.facts.get(entry.entityId)!, text, start, end).ok);
      if (alias) candidates.push({ start, end, alias, fallback });
      else candidates.push(...fallback);
    }
    return candidates;
  }

  /** Decides which candidates of one scanned segment become mentions. */
  resolve(scan: SegmentScan, evidence: PageEvidence, options: ResolveOptions = {}): Mention[] {
    const mentions: Mention[] = [];
    const linked = options.linked ?? new Set<string>();
    const admit = (candidate: Candidate): boolean => {
      const reason = this.reasonFor(candidate.alias, evidence);
      if (!reason) return candidate.fallback.some(admit);
      const { entityId } = candidate.alias;
      if (options.kinds && !options.kinds.has(candidate.alias.kind)) return true;
      if (options.hidden?.has(entityId)) return true;
      if (options.firstMentionOnly && linked.has(entityId)) return true;
      linked.add(entityId);
      mentions.push({ start: candidate.start, end: candidate.end, entityId, alias: candidate.alias.text, reason });
      return true;
    };
    scan.candidates.forEach(admit);
    return mentions;
  }

  /** Why this alias links on this page, or null when the page gives no evidence for it. */
  reasonFor(alias: AliasEntry, evidence: PageEvidence): MentionReason | null {
    if (alias.safety === 'safe') return { type: 'name' };
    const named = evidence.named.get(alias.entityId);
    if (named !== undefined) return { type: 'named-on-page', name: named };
    const facts = this.facts.get(alias.entityId)!;
    const related = [...facts.related].filter((id) => evidence.named.has(id)).map((id) => evidence.named.get(id)!);
    const topics = (facts.entity.topics ?? []).filter((topic) => evidence.topics.has(aliasKey(topic).toLowerCase()));
    return hasEnoughContext(alias, related.length, topics.length) ? { type: 'context', related, topics } : null;
  }
}

/** A one-shot helper for whole texts (tests, the popup): scan, gather evidence, resolve. */
export function findMentions(matcher: MentionMatcher, text: string, options?: ResolveOptions): Mention[] {
  const scan = matcher.scan(text);
  const evidence = new PageEvidence();
  evidence.add(scan, text);
  return matcher.resolve(scan, evidence, options);
}

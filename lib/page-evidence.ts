/**
 * What the page as a whole says, gathered segment by segment before anything
 * is linked: who is named in full (and who else shares a surname), which
 * topic words, states and off-topic words occur. Pure.
 */
import { OFF_TOPIC_DOMAINS, OFF_TOPIC_MIN_WORDS } from '../data/lexicon';
import {
  type Candidate,
  ORDER_STRIDE,
  type SegmentScan,
} from './mention-types';

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

  /**
   * Forgets what no later segment can use, so the evidence of a page that never
   * stops growing (a feed) stays bounded: every segment scanned from now on
   * comes after all the names seen so far, so of the full names per surname
   * only the last can be the nearest one before it (the counts stay). Call
   * between passes (the segments of the pass that just ended are resolved).
   */
  keepOnlyLatestNames(): void {
    for (const list of this.names.values())
      if (list.length > 1) list.splice(0, list.length - 1);
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

export const OFF_TOPIC_DOMAIN_OF = new Map<string, string>(
  Object.entries(OFF_TOPIC_DOMAINS).flatMap(([domain, words]) =>
    words.map((word) => [word.toLowerCase(), domain] as const),
  ),
);

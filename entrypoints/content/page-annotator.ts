/**
 * Runs the matcher over parts of the page and wraps what it links:
 * segments → scan (gathering page-wide evidence) → resolve → wrap, in time
 * slices. Keeps, per mention element, why it was linked (for the card).
 */
import { joinPieces, type JoinedText } from '@/lib/segment-text';
import { PageEvidence, type MentionMatcher, type MentionReason, type ResolveOptions, type SegmentScan } from '@/lib/match-mentions';
import { iterateSegments, PageAnnotations, type Segment, type WrapRange } from './annotate-dom';
import { runInSlices } from './run-in-slices';

export type AnnotatorDeps = {
  matcher: MentionMatcher;
  /** The mention element name for this page. */
  mentionTag: string;
  sliceBudgetMs: number;
  yieldToPage: () => Promise<void>;
  isCancelled: () => boolean;
  /** Called after each slice that wrote to the page (the observer drops its own records here). */
  afterWrite: () => void;
};

type Scanned = { segment: Segment; snapshot: string[]; joined: JoinedText; scan: SegmentScan };

export type PassResult = { ownMs: number; mentions: number };

export class PageAnnotator {
  readonly annotations: PageAnnotations;
  readonly reasons = new WeakMap<Element, MentionReason>();
  private evidence = new PageEvidence();
  private linked = new Set<string>();
  private options: ResolveOptions = {};
  /** Counter for the group ids of split mentions. */
  private groups = 0;

  constructor(private readonly deps: AnnotatorDeps) {
    this.annotations = new PageAnnotations(deps.mentionTag);
  }

  /** New settings: the next pass resolves with these (callers revert first when they change). */
  configure(options: Omit<ResolveOptions, 'linked'>): void {
    this.options = options;
  }

  /** Annotates the text under `roots`; returns our own time spent and mentions added. */
  async annotate(roots: readonly Node[]): Promise<PassResult> {
    const { matcher, sliceBudgetMs, yieldToPage, isCancelled, afterWrite } = this.deps;
    const ownNodes = this.annotations.ownNodes;
    const segments = (function* () {
      for (const root of roots) yield* iterateSegments(root, ownNodes);
    })();
    const scanned: Scanned[] = [];
    let ownMs = await runInSlices(
      segments,
      (segment) => {
        const snapshot = segment.map((node) => node.data);
        const joined = joinPieces(snapshot);
        const scan = matcher.scan(joined.text);
        this.evidence.add(scan, joined.text);
        if (scan.candidates.length) scanned.push({ segment, snapshot, joined, scan });
      },
      { budgetMs: sliceBudgetMs, yieldToPage, isCancelled },
    );

    let added = 0;
    ownMs += await runInSlices(
      scanned,
      (item) => {
        added += this.wrapSegment(item);
      },
      { budgetMs: sliceBudgetMs, yieldToPage, isCancelled, afterSlice: afterWrite },
    );
    return { ownMs, mentions: added };
  }

  private wrapSegment({ segment, snapshot, joined, scan }: Scanned): number {
    // The page may have changed this text while we yielded; the observer will queue it again.
    if (segment.some((node, i) => !node.isConnected || node.data !== snapshot[i])) return 0;
    const mentions = this.deps.matcher.resolve(scan, this.evidence, { ...this.options, linked: this.linked });
    const perNode = new Map<number, WrapRange[]>();
    const reasonsPerNode = new Map<number, MentionReason[]>();
    for (const mention of mentions) {
      const pieces = joined.toPieces(mention.start, mention.end);
      const group = pieces.length > 1 ? String((this.groups += 1)) : undefined;
      for (const range of pieces) {
        perNode.set(range.piece, [...(perNode.get(range.piece) ?? []), { ...range, entityId: mention.entityId, group }]);
        reasonsPerNode.set(range.piece, [...(reasonsPerNode.get(range.piece) ?? []), mention.reason]);
      }
    }
    let added = 0;
    for (const [piece, ranges] of perNode) {
      const wrappers = this.annotations.wrap(segment[piece]!, ranges);
      const reasons = reasonsPerNode.get(piece)!;
      wrappers.forEach((wrapper, i) => this.reasons.set(wrapper, reasons[i]!));
      added += wrappers.length;
    }
    return added;
  }

  /** Removes every wrapper and forgets the page's evidence (settings changed, or turned off). */
  reset(): void {
    this.annotations.revertAll();
    this.evidence = new PageEvidence();
    this.linked = new Set();
    this.deps.afterWrite();
  }
}

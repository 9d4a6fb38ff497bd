/**
 * Runs the matcher over parts of the page and wraps what it links:
 * segments → scan (gathering page-wide evidence) → resolve → wrap, in time
 * slices. Keeps, per mention element, why it was linked (for the card).
 */
import { joinPieces, type JoinedText } from '@/lib/segment-text';
import {
  PageEvidence,
  type Mention,
  type MentionMatcher,
  type MentionReason,
  type ResolveOptions,
  type SegmentScan,
} from '@/lib/match-mentions';
import {
  iterateSegments,
  PageAnnotations,
  type Segment,
  type WrapRange,
} from './annotate-dom';
import { runInSlices } from './run-in-slices';

export type AnnotatorDeps = {
  /** The matcher, built on the first call (page-engine.ts): a pass that never runs never builds it. */
  matcher: () => MentionMatcher;
  /** The mention element name for this page. */
  mentionTag: string;
  /**
   * The page's edit log, when it exists before the annotator (the content script makes it at load, and
   * the annotator comes later with the on-demand part: on-demand.ts). Made here when not given.
   */
  annotations?: PageAnnotations;
  sliceBudgetMs: number;
  yieldToPage: () => Promise<void>;
  isCancelled: () => boolean;
  /** Called after each slice that wrote to the page (the observer drops its own records here). */
  afterWrite: () => void;
  /** Where a segment is relative to the viewport (layout is read, never forced dirty: we have not written yet). */
  viewportPosition?: (
    segment: Segment,
  ) => 'above' | 'visible' | 'below' | 'hidden';
};

type Scanned = {
  segment: Segment;
  snapshot: string[];
  joined: JoinedText;
  scan: SegmentScan;
  /** Set when the segment was wrapped early (it is in the first viewport), with what it got then. */
  early?: Mention[];
};

export type PassResult = {
  ownMs: number;
  mentions: number;
  /** Milliseconds from the pass's start until the first viewport's mentions were wrapped. */
  firstViewportMs: number | null;
  /** Where `ownMs` went (the timing contract reports them; the bench reads them). */
  phases: PassPhases;
};

/**
 * Our own time in a pass, by phase (ms): walking the page into segments
 * (`walk`, what is left of the scan loop once the rest is taken out), the
 * matcher's scan and the page evidence (`scan`), locating segments against
 * the viewport (`viewport`), deciding (`resolve`) and writing to the page
 * (`wrap`).
 */
export type PassPhases = {
  walk: number;
  scan: number;
  viewport: number;
  resolve: number;
  wrap: number;
};

/** Segments checked against the viewport before giving up on finding its end. */
const VIEWPORT_CHECK_LIMIT = 3000;
/** Consecutive segments below the viewport that mark its end in document order. */
const BELOW_VIEWPORT_RUN = 40;
/** Text kept unread while a page has named no one (about 100 KB); past this it is read at once. */
const DEFERRED_CONTEXT_MAX_CHARS = 50_000;

export class PageAnnotator {
  readonly annotations: PageAnnotations;
  readonly reasons = new WeakMap<Element, MentionReason>();
  /**
   * One object per distinct reason: on a long feed most mentions give the same
   * few reasons, and a copy each cost about 200 bytes per mention
   * (tests/e2e/long-lived.test.ts). Bounded: cleared past REASON_CACHE_MAX.
   */
  private sharedReasons = new Map<string, MentionReason>();
  private evidence = new PageEvidence();
  /**
   * Texts whose topic words and state names were not read yet: a page with no
   * name on it never needs them (most pages), so they are read only once the
   * first name appears.
   */
  private deferredContext: string[] | null = [];
  private deferredChars = 0;
  private linked = new Set<string>();
  private options: ResolveOptions = {};
  /** Counter for the group ids of split mentions. */
  private groups = 0;

  /** The one stored object equal to `reason` (reasons are never mutated). */
  private shared(reason: MentionReason): MentionReason {
    const key = reason.signals
      .map((signal) => `${signal.name}\u0000${signal.text}`)
      .join('\u0001');
    const known = this.sharedReasons.get(key);
    if (known) return known;
    if (this.sharedReasons.size >= REASON_CACHE_MAX) this.sharedReasons.clear();
    this.sharedReasons.set(key, reason);
    return reason;
  }

  constructor(private readonly deps: AnnotatorDeps) {
    this.annotations = deps.annotations ?? new PageAnnotations(deps.mentionTag);
  }

  /** New settings: the next pass resolves with these (callers revert first when they change). */
  configure(options: Omit<ResolveOptions, 'linked'>): void {
    this.options = options;
  }

  /**
   * Annotates the text under `roots`; returns our own time spent and the
   * mentions added. With `viewportFirst`, the segments in the first viewport
   * are wrapped as soon as the scan has passed them (with the evidence seen so
   * far), and re-done at the end only if the whole page's evidence changes
   * what they get: the reader sees links at once, even on a huge page.
   */
  async annotate(
    roots: readonly Node[],
    { viewportFirst = false } = {},
  ): Promise<PassResult> {
    const matcher = this.deps.matcher();
    const {
      sliceBudgetMs,
      yieldToPage,
      isCancelled,
      afterWrite,
      viewportPosition,
    } = this.deps;
    const startedAt = performance.now();
    const ownNodes = this.annotations.ownNodes;
    const segments = (function* () {
      for (const root of roots) yield* iterateSegments(root, ownNodes);
    })();
    // First mention only depends on order; keep that pass simple and in document order.
    let watching =
      viewportFirst &&
      viewportPosition !== undefined &&
      !this.options.firstMentionOnly;
    let firstViewportMs: number | null = watching ? null : 0;
    let seenVisible = false;
    let belowRun = 0;
    let checked = 0;
    const visible: Scanned[] = [];
    const scanned: Scanned[] = [];
    let added = 0;
    const phases: PassPhases = {
      walk: 0,
      scan: 0,
      viewport: 0,
      resolve: 0,
      wrap: 0,
    };

    const wrapVisibleNow = () => {
      watching = false;
      for (const item of visible) {
        const started = performance.now();
        item.early = this.resolve(item);
        const resolved = performance.now();
        added += this.wrapSegment(item, item.early);
        phases.resolve += resolved - started;
        phases.wrap += performance.now() - resolved;
      }
      afterWrite();
      firstViewportMs = performance.now() - startedAt;
    };

    let ownMs = await runInSlices(
      segments,
      (segment) => {
        const scanStarted = performance.now();
        const snapshot = segment.map((node) => node.data);
        const joined = joinPieces(snapshot);
        const scan = matcher.scan(joined.text, {
          context: this.deferredContext === null,
        });
        if (this.deferredContext !== null) {
          if (scan.candidates.length || scan.names.length) {
            // The first name on the page: read the context words of everything so far, and from now on.
            for (const text of this.deferredContext)
              this.evidence.addContext(matcher.scanContext(text));
            this.deferredContext = null;
            Object.assign(scan, matcher.scanContext(joined.text));
          } else {
            this.deferredContext.push(joined.text);
            this.deferredChars += joined.text.length;
            // A page that never names anyone (an endless feed) must not pile up its text: read it now.
            if (this.deferredChars > DEFERRED_CONTEXT_MAX_CHARS) {
              for (const text of this.deferredContext)
                this.evidence.addContext(matcher.scanContext(text));
              this.deferredContext = null;
            }
          }
        }
        this.evidence.add(scan, joined.text);
        const item: Scanned | null =
          scan.candidates.length && !segment.evidenceOnly
            ? { segment, snapshot, joined, scan }
            : null;
        if (item) scanned.push(item);
        const scanEnded = performance.now();
        phases.scan += scanEnded - scanStarted;
        if (!watching) return;
        const position = viewportPosition!(segment);
        phases.viewport += performance.now() - scanEnded;
        checked += 1;
        if (position === 'visible') {
          seenVisible = true;
          belowRun = 0;
          if (item) visible.push(item);
        } else if (position === 'below') {
          belowRun += 1;
        }
        if (
          (seenVisible && belowRun >= BELOW_VIEWPORT_RUN) ||
          checked >= VIEWPORT_CHECK_LIMIT
        )
          wrapVisibleNow();
      },
      { budgetMs: sliceBudgetMs, yieldToPage, isCancelled },
    );
    if (watching) wrapVisibleNow();
    // The scan loop's own time, less what was measured inside it, is the walk (pulling segments).
    phases.walk = Math.max(
      0,
      ownMs - phases.scan - phases.viewport - phases.resolve - phases.wrap,
    );

    ownMs += await runInSlices(
      scanned,
      (item) => {
        const started = performance.now();
        const mentions = this.resolve(item);
        const resolved = performance.now();
        phases.resolve += resolved - started;
        if (item.early) {
          if (sameMentions(item.early, mentions)) return;
          // The whole page's evidence says otherwise: undo this segment and wrap it again.
          for (const node of item.segment) this.annotations.revert(node);
          added -= item.early.length;
        }
        added += this.wrapSegment(item, mentions);
        phases.wrap += performance.now() - resolved;
      },
      {
        budgetMs: sliceBudgetMs,
        yieldToPage,
        isCancelled,
        afterSlice: afterWrite,
      },
    );
    // This pass's segments are resolved; later ones come after all its names.
    this.evidence.keepOnlyLatestNames();
    return { ownMs, mentions: added, firstViewportMs, phases };
  }

  private resolve({ scan }: Scanned): Mention[] {
    return this.deps.matcher().resolve(scan, this.evidence, {
      ...this.options,
      linked: this.linked,
    });
  }

  private wrapSegment(
    { segment, snapshot, joined }: Scanned,
    mentions: Mention[],
  ): number {
    // The page may have changed this text while we yielded; the observer will queue it again.
    if (
      segment.some((node, i) => !node.isConnected || node.data !== snapshot[i])
    )
      return 0;
    const perNode = new Map<number, WrapRange[]>();
    const reasonsPerNode = new Map<number, MentionReason[]>();
    for (const mention of mentions) {
      const pieces = joined.toPieces(mention.start, mention.end);
      let group: string | undefined;
      if (pieces.length > 1) {
        this.groups += 1;
        group = String(this.groups);
      }
      for (const range of pieces) {
        perNode.set(range.piece, [
          ...(perNode.get(range.piece) ?? []),
          { ...range, entityId: mention.entityId, group },
        ]);
        reasonsPerNode.set(range.piece, [
          ...(reasonsPerNode.get(range.piece) ?? []),
          mention.reason,
        ]);
      }
    }
    for (const [piece, ranges] of perNode) {
      const wrappers = this.annotations.wrap(segment[piece]!, ranges);
      const reasons = reasonsPerNode.get(piece)!;
      for (const [i, wrapper] of wrappers.entries()) {
        this.reasons.set(wrapper, this.shared(reasons[i]!));
      }
    }
    // Mentions, not elements: a mention split by markup ("Jeff <b>Sessions</b>") is one.
    return mentions.length;
  }

  /** Removes every wrapper and forgets the page's evidence (settings changed, or turned off). */
  reset(): void {
    this.annotations.revertAll();
    this.evidence = new PageEvidence();
    this.deferredContext = [];
    this.deferredChars = 0;
    this.linked = new Set();
    this.deps.afterWrite();
  }
}

/** Distinct reasons kept for sharing: far more than a page gives (a few dozen), small enough to ignore. */
const REASON_CACHE_MAX = 512;

/** Same mentions with the same kind of reason (the card's explanation may still name more evidence). */
function sameMentions(a: readonly Mention[], b: readonly Mention[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (m, i) =>
        m.start === b[i]!.start &&
        m.end === b[i]!.end &&
        m.entityId === b[i]!.entityId &&
        m.reason.signals.map((s) => s.name).join() ===
          b[i]!.reason.signals.map((s) => s.name).join(),
    )
  );
}

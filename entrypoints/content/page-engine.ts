/**
 * The content script's engine, loaded only when a page may need it.
 *
 * Nearly every page a reader opens mentions nobody in the dataset. On those,
 * the content script never loads the engine: a prefilter (lib/prefilter.ts,
 * its words computed at build time into data/prefilter.json) reads the text
 * under the roots (`textContent`, one native call) and proves that no alias
 * can match there. The first text that passes it (at load, or added later by
 * infinite scroll or a single-page app), or the reader's first lookup, loads
 * the on-demand part (on-demand.ts: matcher, dataset, card UI, search, page
 * date), an ES module in the extension's own files, with `import()`; it then
 * parses the dataset (a JSON string: `JSON.parse` of a string loads faster
 * than the same object as a literal) and builds the matcher.
 *
 * Why a separate file, and what a page can see of it (nothing on Firefox;
 * on Chrome a web-accessible file at a per-session URL):
 * docs/decisions/0008-content-script-on-demand.md.
 */
import { browser } from 'wxt/browser';
import prefilterData from '@/data/prefilter.json';
import type { MentionReason, ResolveOptions } from '@/lib/match-mentions';
import { createPrefilter, type Prefilter } from '@/lib/prefilter';
import { PageAnnotations } from './annotate-dom';
import type { OnDemand } from './on-demand';
import type {
  AnnotatorDeps,
  PageAnnotator,
  PassResult,
} from './page-annotator';

/** The on-demand part in the build (scripts/content-on-demand-build.ts puts it there). */
const ON_DEMAND_PATH = '/content-scripts/on-demand.js';

export type PageEngine = {
  /** False only when no text under `roots` can hold a mention (nothing is loaded). */
  mayMention(roots: readonly Node[]): boolean;
  /** Loads the on-demand part (once; a failed load is tried again on the next call). */
  load(): Promise<OnDemand>;
  /** The on-demand part once loaded, else null. */
  readonly loaded: OnDemand | null;
  /** Milliseconds spent loading the part, parsing the dataset and building the matcher (0 until then). */
  readonly buildMs: number;
};

export function createPageEngine(
  importPart: () => Promise<OnDemand> = importOnDemand,
): PageEngine {
  let prefilter: Prefilter | null = null;
  let loaded: OnDemand | null = null;
  let loading: Promise<OnDemand> | null = null;
  let loadMs = 0;
  return {
    mayMention(roots) {
      prefilter ??= createPrefilter(prefilterData.words);
      return roots.some((root) => prefilter!(root.textContent ?? ''));
    },
    load() {
      if (loading) return loading;
      const started = performance.now();
      loading = importPart().then(
        (part) => {
          loadMs = performance.now() - started;
          loaded = part;
          return part;
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    get loaded() {
      return loaded;
    },
    get buildMs() {
      return loadMs + (loaded?.buildMs ?? 0);
    },
  };
}

/**
 * The on-demand part from the extension's own file. Its URL is
 * `chrome-extension://<id made per browser session>/…` on Chrome (the
 * manifest's `use_dynamic_url`) and `moz-extension://<id made per install>/…`
 * on Firefox; the module runs in the content script's world.
 */
async function importOnDemand(): Promise<OnDemand> {
  const url = browser.runtime.getURL(ON_DEMAND_PATH);
  const module = (await import(/* @vite-ignore */ url)) as {
    default: OnDemand;
  };
  return module.default;
}

/**
 * The annotator as the page session sees it from load: the page's edit log
 * (`annotations`) exists at once, because the observer, the messages and
 * selection lookup read it on every page; the annotator itself comes with
 * the on-demand part, on the first pass that passes the prefilter.
 */
export class LazyAnnotator {
  readonly annotations: PageAnnotations;
  private annotator: PageAnnotator | null = null;
  private options: Omit<ResolveOptions, 'linked'> = {};

  constructor(
    private readonly engine: PageEngine,
    private readonly deps: Omit<AnnotatorDeps, 'matcher' | 'annotations'>,
  ) {
    this.annotations = new PageAnnotations(deps.mentionTag);
  }

  /** Why each mention was linked (for the card). */
  get reasons(): WeakMap<Element, MentionReason> {
    return this.annotator?.reasons ?? NO_REASONS;
  }

  configure(options: Omit<ResolveOptions, 'linked'>): void {
    this.options = options;
    this.annotator?.configure(options);
  }

  /** Loads the on-demand part if it is not yet, then annotates (PageAnnotator.annotate). */
  async annotate(
    roots: readonly Node[],
    options?: { viewportFirst?: boolean },
  ): Promise<PassResult> {
    const part = await this.engine.load();
    if (!this.annotator) {
      this.annotator = part.annotator({
        ...this.deps,
        annotations: this.annotations,
      });
      this.annotator.configure(this.options);
    }
    return this.annotator.annotate(roots, options);
  }

  reset(): void {
    if (this.annotator) {
      this.annotator.reset();
      return;
    }
    this.annotations.revertAll();
    this.deps.afterWrite();
  }
}

const NO_REASONS = new WeakMap<Element, MentionReason>();

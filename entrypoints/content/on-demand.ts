/**
 * The content script's on-demand part: everything a page that mentions nobody
 * never needs. Built as its own ES module, `content-scripts/on-demand.js`
 * (scripts/content-on-demand-build.ts), and loaded by page-engine.ts only when the
 * prefilter passes (at load, or for text added later) or the reader looks
 * something up. It runs in the content script's world (isolated world in
 * Chrome, the content script's sandbox in Firefox), never the page's.
 *
 *   the dataset (a minified JSON string, parsed on first use) ──▶ matcher, entities, search index
 *   PageAnnotator (scan → page evidence → resolve → wrap), card host (Preact, EntityCard, floating-ui),
 *   hover intent, the page's date, the lookup decision
 *
 * Evaluating it does nothing but define: `main` returns this API and builds
 * nothing. Modules it shares with the always-loaded part (annotate-dom.ts,
 * page-chrome.ts, small lib helpers) are bundled in both files, so they must
 * keep no module-level state: the page's edit log (PageAnnotations) is made
 * once, by the always-loaded part, and handed in.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import datasetText from '@/data/dataset.json?raw';
import type { Dataset } from '@/data/dataset-schema';
import { entityIndex } from '@/lib/entity-index';
import { decideLookup, type LookupTrigger } from '@/lib/lookup-selection';
import { MentionMatcher } from '@/lib/match-mentions';
import { EntitySearch } from '@/lib/search-entities';
import { type CardHostCallbacks, createCardHost } from './card-host';
import { connectHoverIntent } from './connect-hover-intent';
import { type AnnotatorDeps, PageAnnotator } from './page-annotator';
import { pageDateOf } from './page-date-dom';

export type OnDemand = ReturnType<typeof onDemand>;

function onDemand() {
  let dataset: Dataset | null = null;
  let matcher: MentionMatcher | null = null;
  let search: EntitySearch | null = null;
  let buildMs = 0;
  const timed = <T>(build: () => T): T => {
    const started = performance.now();
    const value = build();
    buildMs += performance.now() - started;
    return value;
  };
  const parsed = (): Dataset => {
    // Validated when it is built (npm run dataset): it is our own code, not input.
    dataset ??= timed(() => JSON.parse(datasetText) as Dataset);
    return dataset;
  };
  const built = (): MentionMatcher => {
    const entities = parsed().entities;
    matcher ??= timed(() => new MentionMatcher(entities));
    return matcher;
  };
  return {
    /** Milliseconds spent parsing the dataset and building the matcher (0 until then). */
    get buildMs() {
      return buildMs;
    },
    dataset: parsed,
    matcher: built,
    entities: () => entityIndex(parsed().entities),
    /** The annotator, with the matcher built on its first pass. */
    annotator: (deps: Omit<AnnotatorDeps, 'matcher'>) =>
      new PageAnnotator({ ...deps, matcher: built }),
    cardHost: (document: Document, callbacks: CardHostCallbacks) =>
      createCardHost(document, parsed(), callbacks),
    connectHoverIntent,
    pageDateOf,
    /** What a lookup of `text` shows (the search index is built on the first lookup). */
    decideLookup: (text: string | null | undefined, trigger: LookupTrigger) => {
      search ??= new EntitySearch(parsed().entities);
      return decideLookup(search, text, trigger);
    },
  };
}

export default defineUnlistedScript({ globalName: false, main: onDemand });

/**
 * The content script's engine, built only when a page may need it.
 *
 * Nearly every page a reader opens mentions nobody in the dataset. On those,
 * the content script never parses the dataset or builds the matcher: a
 * prefilter (lib/prefilter.ts, its words computed at build time into
 * data/prefilter.json) reads the text under the roots (`textContent`, one
 * native call) and proves that no alias can match there. The first text that
 * passes it (at load, or added later by infinite scroll or a single-page app)
 * builds the engine: the dataset, shipped as a JSON string (`JSON.parse` of a
 * string loads faster than the same object as a literal, and only here), and
 * the matcher.
 */
import datasetText from '@/data/dataset.json?raw';
import prefilterData from '@/data/prefilter.json';
import type { Dataset, Entity } from '@/data/dataset-schema';
import { entityIndex } from '@/lib/entity-index';
import { MentionMatcher } from '@/lib/match-mentions';
import { createPrefilter, type Prefilter } from '@/lib/prefilter';

export type PageEngine = {
  /** False only when no text under `roots` can hold a mention (nothing is built). */
  mayMention(roots: readonly Node[]): boolean;
  /** True once the dataset and matcher exist. */
  readonly built: boolean;
  /** Milliseconds spent building them (0 until built). */
  readonly buildMs: number;
  /** The dataset, parsed on first use (the card needs it too). */
  dataset(): Dataset;
  matcher(): MentionMatcher;
  entities(): ReadonlyMap<string, Entity>;
};

export function createPageEngine(): PageEngine {
  let prefilter: Prefilter | null = null;
  let dataset: Dataset | null = null;
  let matcher: MentionMatcher | null = null;
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
  return {
    mayMention(roots) {
      prefilter ??= createPrefilter(prefilterData.words);
      return roots.some((root) => prefilter!(root.textContent ?? ''));
    },
    get built() {
      return matcher !== null;
    },
    get buildMs() {
      return buildMs;
    },
    dataset: parsed,
    matcher() {
      const entities = parsed().entities;
      matcher ??= timed(() => new MentionMatcher(entities));
      return matcher;
    },
    entities: () => entityIndex(parsed().entities),
  };
}

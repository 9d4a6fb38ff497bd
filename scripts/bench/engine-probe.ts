/**
 * The matcher alone, in a page WITHOUT the extension, through lib's public
 * API only (`new MentionMatcher(entities)`, `scan`): how matching cost grows
 * with the number of aliases, plus the read-only floor walk. Where a real
 * pass spends its time comes from the content script itself (the `phases`
 * of the timing contract, docs/architecture.md), not from re-running its
 * modules here. Bundled by esbuild and installed as `window.__benchEngine`.
 * Runs in the browser.
 */
import type { Entity } from '../../data/dataset-schema';
import { MentionMatcher } from '../../lib/match-mentions';

function time<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

/** Read-only floor on the untouched page: one TreeWalker over every text node, reading `.data`. */
function floor(): number {
  return time(() => {
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT,
    );
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      chars += (node as Text).data.length;
    return chars;
  })[1];
}

/**
 * Matching cost for a given dataset: building the matcher, then `scan` over
 * `texts` (median of `rounds`, the first round dropped as warm-up when there
 * are more than two). No DOM.
 */
function scanCost(entities: Entity[], texts: string[], rounds: number) {
  const [matcher, buildMs] = time(() => new MentionMatcher(entities));
  const times: number[] = [];
  let candidates = 0;
  for (let round = 0; round < rounds; round += 1) {
    candidates = 0;
    const started = performance.now();
    for (const text of texts)
      candidates += matcher.scan(text).candidates.length;
    times.push(performance.now() - started);
  }
  const kept = (rounds > 2 ? times.slice(1) : times).sort((a, b) => a - b);
  return {
    aliases: matcher.aliasCount,
    buildMs,
    scanMs: kept[kept.length >> 1]!,
    firstScanMs: times[0]!,
    candidates,
  };
}

const api = { floor, scanCost };
(window as unknown as { __benchEngine: typeof api }).__benchEngine = api;
export type BenchEngine = typeof api;

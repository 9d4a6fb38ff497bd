/**
 * Pages that live for a long time: a virtualized feed (old items removed or
 * recycled), an append-only feed, each with 10,000 items passing through, and
 * a single-page app that swaps its whole article 100 times. Each runs with
 * Backstory and, at the same time, without it (the baseline) in another
 * browser; after a forced GC the test compares the JS heap, the DOM nodes and
 * the event listeners alive in the two renderers, at `ready`, halfway (once
 * the JIT has warmed up) and at the end. Figures are printed with the results.
 *
 * The bounds, stated:
 * - Nodes: every node the page holds beyond the baseline is accounted for: a
 *   mention element, its text, the text after it (the rest of the page's text
 *   node we split; at most one per mention), or the card host. Nothing is
 *   kept alive outside the document: the renderer's live node count exceeds
 *   the baseline's by exactly what the document does (NODE_SLACK for garbage
 *   a GC left unswept).
 * - Event listeners: none added over the run (LISTENER_SLACK).
 * - Heap, steady state: over the second half, the heap grows no more than the
 *   baseline's by HEAP_STEADY_GROWTH_BYTES plus HEAP_PER_MENTION_BYTES for each
 *   mention added to the page in that half. (Before this bound, a virtualized
 *   feed leaked about 40 bytes per item passing through: 200 KB per 5,000.)
 * - Heap, overall: above the baseline by at most our fixed cost (the dataset
 *   and compiled matcher, measured at `ready`), plus HEAP_PER_MENTION_BYTES per
 *   mention in the page, plus HEAP_WARMUP_BYTES (code the JIT compiles as the
 *   page runs).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { kilobytes, measureMemory, type MemoryFigures } from './memory';
import { openPage, usePlainBrowser, useExtensionBrowser } from './support';

const ITEMS = 10_000;
const PER_STEP = 50;
const STEP_MS = 100;
const SWAPS = 100;
const SWAP_MS = 150;
/** What our bookkeeping may cost per mention element in the page (edit log entry, reason, wrappers). */
const HEAP_PER_MENTION_BYTES = 400;
const HEAP_STEADY_GROWTH_BYTES = 128 * 1024;
const HEAP_WARMUP_BYTES = 768 * 1024;
/** Garbage a forced GC may not have swept at the moment of counting. */
const NODE_SLACK = 16;
const LISTENER_SLACK = 2;

type Scenario = {
  name: string;
  path: string;
  /** Runs half of the scenario in the page. */
  runHalf(page: Page): Promise<unknown>;
  /** Resolves once Backstory has annotated the page's current content. */
  settled(page: Page): Promise<unknown>;
};

const startFeed = (mode: string) => (page: Page) =>
  page.evaluate(
    (options) =>
      (
        window as unknown as { startFeed(o: object): Promise<number> }
      ).startFeed(options),
    { mode, items: ITEMS / 2, perStep: PER_STEP, stepMs: STEP_MS },
  );

const feedSettled = (page: Page) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll('#feed article')]
        .slice(-16)
        .every(
          (article) =>
            !article.textContent?.includes('Jeff Sessions') ||
            article.querySelector('[data-backstory-entity="jeff-sessions"]'),
        ),
    undefined,
    { timeout: 15_000 },
  );

const SCENARIOS: Scenario[] = [
  {
    name: `virtualized feed: ${ITEMS} items, ${PER_STEP} every ${STEP_MS} ms, 120 in view, half of those leaving recycled`,
    path: '/fixtures/long-lived/feed.html',
    runHalf: startFeed('virtualized'),
    settled: feedSettled,
  },
  {
    name: `append-only feed: ${ITEMS} items, ${PER_STEP} every ${STEP_MS} ms`,
    path: '/fixtures/long-lived/feed.html',
    runHalf: startFeed('append'),
    settled: feedSettled,
  },
  {
    name: `single-page app swapping its whole article ${SWAPS} times`,
    path: '/fixtures/long-lived/spa.html',
    runHalf: (page) =>
      page.evaluate(
        (options) =>
          (
            window as unknown as { swapArticles(o: object): Promise<number> }
          ).swapArticles(options),
        { count: SWAPS / 2, stepMs: SWAP_MS },
      ),
    settled: (page) =>
      page.waitForFunction(
        () => {
          const heading = document.querySelector('#app h1');
          const shown = Number(
            /^Story (\d+):/.exec(heading?.textContent ?? '')?.[1],
          );
          return (
            shown % 50 === 0 &&
            shown > 0 &&
            heading?.querySelector('[data-backstory-entity]') !== null
          );
        },
        undefined,
        { timeout: 15_000 },
      ),
  },
];

type Run = { at: string; with: MemoryFigures; without: MemoryFigures };

function report(runs: Run[]): string[] {
  return runs.map(
    ({ at, with: w, without: o }) =>
      `${at.padEnd(8)} with: heap ${kilobytes(w.heapBytes)}, ${w.liveNodes} live nodes (${w.documentNodes} in the document: ${w.textNodes} text, ${w.wrappers} mentions, ${w.cardNodes} card), ${w.listeners} listeners | without: heap ${kilobytes(o.heapBytes)}, ${o.liveNodes} live nodes (${o.documentNodes} in the document), ${o.listeners} listeners`,
  );
}

describe('long-lived pages: memory stays bounded', () => {
  const e2e = useExtensionBrowser();
  const plain = usePlainBrowser();

  for (const scenario of SCENARIOS) {
    it(scenario.name, async (t) => {
      const { page, errors } = await openPage(e2e, scenario.path);
      const baseline = await plain.context.newPage();
      await baseline.goto(`${e2e.server.origin}${scenario.path}`);
      const measure = async (at: string): Promise<Run> => {
        const [withFigures, withoutFigures] = await Promise.all([
          measureMemory(e2e.browser.context, page),
          measureMemory(plain.context, baseline),
        ]);
        return { at, with: withFigures, without: withoutFigures };
      };
      const start = await measure('ready');
      await Promise.all([scenario.runHalf(page), scenario.runHalf(baseline)]);
      await scenario.settled(page);
      const halfway = await measure('halfway');
      await Promise.all([scenario.runHalf(page), scenario.runHalf(baseline)]);
      await scenario.settled(page);
      const end = await measure('end');

      const above = (
        run: Run,
        key:
          | 'heapBytes'
          | 'liveNodes'
          | 'documentNodes'
          | 'textNodes'
          | 'listeners',
      ) => run.with[key] - run.without[key];
      const fixedCost = above(start, 'heapBytes');
      const steadyGrowth =
        above(end, 'heapBytes') - above(halfway, 'heapBytes');
      const mentionsAdded = Math.max(
        0,
        end.with.wrappers - halfway.with.wrappers,
      );
      const steadyBound =
        HEAP_STEADY_GROWTH_BYTES + HEAP_PER_MENTION_BYTES * mentionsAdded;
      const overallBound =
        fixedCost +
        HEAP_PER_MENTION_BYTES * end.with.wrappers +
        HEAP_WARMUP_BYTES;
      const { wrappers, cardNodes } = end.with;
      const extraDocument = above(end, 'documentNodes');
      const extraLive = above(end, 'liveNodes');
      const splitText = above(end, 'textNodes') - wrappers;
      const listenersAdded =
        above(end, 'listeners') - above(start, 'listeners');
      for (const line of [
        ...report([start, halfway, end]),
        `heap above the baseline: ${kilobytes(fixedCost)} at ready (our fixed cost), ${kilobytes(above(halfway, 'heapBytes'))} halfway, ${kilobytes(above(end, 'heapBytes'))} at the end (bound ${kilobytes(overallBound)})`,
        `heap growth beyond the baseline's over the second half: ${kilobytes(steadyGrowth)} (bound ${kilobytes(steadyBound)}: ${kilobytes(HEAP_STEADY_GROWTH_BYTES)} + ${mentionsAdded} mentions added × ${HEAP_PER_MENTION_BYTES} B)`,
        `nodes above the baseline at the end: ${extraLive} alive = ${extraDocument} in the document (${wrappers} mention elements + ${wrappers} their text + ${splitText} text after them + ${cardNodes} card) + ${extraLive - extraDocument} elsewhere; listeners added over the run beyond the baseline: ${listenersAdded}`,
      ])
        t.diagnostic(line);

      assert.ok(wrappers > 0, 'the final content is annotated');
      // Every extra node in the document is a mention, its text, split text or the card.
      assert.equal(extraDocument, 2 * wrappers + splitText + cardNodes);
      assert.ok(
        splitText >= 0 && splitText <= wrappers,
        `${splitText} split text nodes for ${wrappers} mentions`,
      );
      // Nothing detached is kept alive.
      assert.ok(
        Math.abs(extraLive - extraDocument) <= NODE_SLACK,
        `${extraLive - extraDocument} nodes alive outside the document`,
      );
      assert.ok(
        listenersAdded <= LISTENER_SLACK,
        `${listenersAdded} event listeners added over the run`,
      );
      assert.ok(
        steadyGrowth <= steadyBound,
        `heap grew ${kilobytes(steadyGrowth)} beyond the baseline over the second half`,
      );
      assert.ok(
        above(end, 'heapBytes') <= overallBound,
        `heap ${kilobytes(above(end, 'heapBytes'))} above the baseline`,
      );
      assert.deepEqual(errors, []);
      await page.close();
      await baseline.close();
    });
  }
});

/**
 * One measured page load at a time, in headless Chromium:
 *
 * - `runOurs`: the built extension (persistent context) on a page. Reads the
 *   timing contract (`data-backstory-timing`, `backstory:first-pass`), and
 *   from the probe: load → ready, when the first viewport's mentions appeared,
 *   long tasks (script) and long animation frames (rendering) while we work,
 *   the JS heap after a GC, and optionally the cost of annotating appended
 *   articles.
 * - `runContender`: the same page in a browser WITHOUT the extension, one
 *   contender per fresh load: the floor (read every text node), mark.js
 *   `markRegExp` and `mark`, findAndReplaceDOMText; timed in-page with
 *   performance.now().
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import type { BenchProbe } from './probe';

const require = createRequire(import.meta.url);
export const MARK_JS = require.resolve('mark.js/dist/mark.min.js');
export const FIND_AND_REPLACE = require.resolve(
  'findandreplacedomtext/src/findAndReplaceDOMText.js',
);

/** After `ready`, the last slice's rendering still has to happen: wait this long before reading entries. */
export const SETTLE_MS = 400;

/** The probe, bundled once for the browser. */
export async function buildProbe(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('./probe.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

type Probe = { __benchProbe: BenchProbe };
type Collected = ReturnType<BenchProbe['collect']>;
type TaskEntry = Collected['tasks'][number];
type FrameEntry = Collected['frames'][number];

/** Rendering part of a long animation frame (style, layout, paint after the frame's tasks). */
function renderPart(frame: FrameEntry): number {
  return frame.renderStart > 0
    ? frame.start + frame.duration - frame.renderStart
    : 0;
}

/** Long tasks and frames overlapping [from, to]. */
function within<T extends { start: number; duration: number }>(
  entries: readonly T[],
  from: number,
  to: number,
): T[] {
  return entries.filter(
    (entry) => entry.start < to && entry.start + entry.duration > from,
  );
}

export type TaskSummary = {
  /** Longest long task (Long Tasks API: script tasks, garbage collection; not rendering). */
  longestTaskMs: number;
  /** Longest rendering part of a long animation frame (style, layout, paint). */
  longestRenderMs: number;
  /** Long animation frames (> 50 ms) in the window. */
  longFrames: number;
  /** Frames whose rendering part alone took over 50 ms. */
  longRenders: number;
};

export function summarizeTasks(
  tasks: readonly TaskEntry[],
  frames: readonly FrameEntry[],
  from: number,
  to: number,
): TaskSummary {
  const taskList = within(tasks, from, to);
  const frameList = within(frames, from, to);
  return {
    longestTaskMs: Math.max(0, ...taskList.map((task) => task.duration)),
    longestRenderMs: Math.max(0, ...frameList.map(renderPart)),
    longFrames: frameList.length,
    longRenders: frameList.filter((frame) => renderPart(frame) > 50).length,
  };
}

export type AppendRun = {
  /** From the append to the last new mention in the appended articles (includes the observer's batching delay). */
  lastMs: number | null;
  firstMs: number | null;
  mentions: number;
} & TaskSummary;

export type OurRun = {
  /** Our own code time for the first pass (contract: `scriptMs`). */
  scriptMs: number;
  /** First pass start → ready, slices and pauses (contract: `wallMs`). */
  wallMs: number;
  /** `load` event → `data-backstory-state=ready` (negative when ready came first). */
  loadToReadyMs: number | null;
  /** First-pass start → first / last mention inside the first viewport appeared. */
  viewportFirstMs: number | null;
  viewportDoneMs: number | null;
  viewportMentions: number;
  /** Mentions found: occurrences (a mention split over markup counts once) and elements. */
  mentions: number;
  mentionElements: number;
  /** JS heap used after a forced GC (page + extension), bytes. */
  heapBytes: number | null;
  /** The timing contract's breakdown (null from builds before it): engine build, prefilter, tab stops, pass phases. */
  engineMs: number | null;
  prefilterMs: number | null;
  focusMs: number | null;
  phases: Record<string, number> | null;
  append?: AppendRun;
} & TaskSummary;

async function heapAfterGc(
  context: BrowserContext,
  page: Page,
): Promise<number | null> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (
      metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? null
    );
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export async function runOurs(
  context: BrowserContext,
  url: string,
  probe: string,
  options: { appendHtml?: string; timeoutMs?: number } = {},
): Promise<OurRun> {
  const timeout = options.timeoutMs ?? 120_000;
  const page = await context.newPage();
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({
      content: `${probe}\n;window.__benchProbe.watchMentions();`,
    });
    await page.goto(url, { waitUntil: 'load', timeout });
    const state = await page.waitForFunction(
      () => {
        const value = document.documentElement.getAttribute(
          'data-backstory-state',
        );
        return value === 'ready' || value === 'off' ? value : null;
      },
      undefined,
      { timeout, polling: 50 },
    );
    if ((await state.jsonValue()) !== 'ready')
      throw new Error(`Backstory is off on ${url}`);
    await page.waitForTimeout(SETTLE_MS);
    const collected = await page.evaluate(() =>
      (window as unknown as Probe).__benchProbe.collect(),
    );
    if (
      !collected.timing ||
      collected.passStart === null ||
      collected.readyAt === null
    ) {
      throw new Error(
        `No timing contract on ${url}: ${JSON.stringify({ timing: collected.timing, passStart: collected.passStart })}`,
      );
    }
    if (errors.length)
      throw new Error(`Page errors on ${url}: ${errors.join('; ')}`);
    const heapBytes = await heapAfterGc(context, page);
    const start = collected.passStart;
    const run: OurRun = {
      scriptMs: collected.timing.scriptMs,
      wallMs: collected.timing.wallMs,
      loadToReadyMs:
        collected.loadEventStart === null
          ? null
          : collected.readyAt - collected.loadEventStart,
      viewportFirstMs:
        collected.viewportFirstAt === null
          ? null
          : collected.viewportFirstAt - start,
      viewportDoneMs:
        collected.viewportDoneAt === null
          ? null
          : collected.viewportDoneAt - start,
      viewportMentions: collected.viewportMentions,
      mentions: collected.mentionOccurrences,
      mentionElements: collected.mentionElements,
      heapBytes,
      engineMs: collected.timing.engineMs ?? null,
      prefilterMs: collected.timing.prefilterMs ?? null,
      focusMs: collected.timing.focusMs ?? null,
      phases: collected.timing.phases ?? null,
      ...summarizeTasks(
        collected.tasks,
        collected.frames,
        start,
        collected.readyAt + SETTLE_MS,
      ),
    };
    if (options.appendHtml !== undefined) {
      const appended = await page.evaluate(
        ([html]) =>
          (window as unknown as Probe).__benchProbe.appendAndWatch(
            html,
            700,
            20_000,
          ),
        [options.appendHtml] as const,
      );
      await page.waitForTimeout(200);
      const later = await page.evaluate(() =>
        (window as unknown as Probe).__benchProbe.entries(),
      );
      run.append = {
        firstMs: appended.first,
        lastMs: appended.last,
        mentions: appended.mentions,
        ...summarizeTasks(
          later.tasks,
          later.frames,
          appended.startedAt,
          later.now,
        ),
      };
    }
    return run;
  } finally {
    await page.close();
  }
}

export type Contender =
  | 'floor'
  | 'markRegExp'
  | 'mark'
  | 'findAndReplaceDOMText';

export type ContenderRun = {
  ms: number;
  /** Matches wrapped (floor: text nodes read). */
  found: number;
  /** Floor only: characters read, JS heap after GC, and what wrapping one word costs the renderer. */
  chars?: number;
  heapBytes?: number | null;
  singleWrapLayoutMs?: number | null;
};

export async function runContender(
  context: BrowserContext,
  url: string,
  probe: string,
  contender: Contender,
  input: {
    pattern: { source: string; flags: string };
    aliases: readonly string[];
  },
): Promise<ContenderRun> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: probe });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    // Let the first layout and paint happen, as they have by the time a content script runs at document_idle.
    await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => setTimeout(resolve, 0)),
        ),
    );
    switch (contender) {
      case 'floor': {
        const result = await page.evaluate(() =>
          (window as unknown as Probe).__benchProbe.floor(),
        );
        const heapBytes = await heapAfterGc(context, page);
        const wrap = await page.evaluate(() =>
          (window as unknown as Probe).__benchProbe.singleWrapCost(),
        );
        return {
          ms: result.ms,
          found: result.nodes,
          chars: result.chars,
          heapBytes,
          singleWrapLayoutMs: wrap.layoutMs,
        };
      }
      case 'markRegExp': {
        await page.addScriptTag({ path: MARK_JS });
        return await page.evaluate(
          ([source, flags]) =>
            (window as unknown as Probe).__benchProbe.markRegExp(source, flags),
          [input.pattern.source, input.pattern.flags] as const,
        );
      }
      case 'mark': {
        await page.addScriptTag({ path: MARK_JS });
        return await page.evaluate(
          (aliases) =>
            (window as unknown as Probe).__benchProbe.markKeywords(aliases),
          [...input.aliases],
        );
      }
      case 'findAndReplaceDOMText': {
        await page.addScriptTag({ path: FIND_AND_REPLACE });
        return await page.evaluate(
          ([source, flags]) =>
            (window as unknown as Probe).__benchProbe.fardt(source, flags),
          [input.pattern.source, input.pattern.flags] as const,
        );
      }
    }
  } finally {
    await page.close();
  }
}

/** Main-thread trace events summed over our first pass (from a traced run). */
export type TraceSummary = {
  file: string;
  scriptMs: number;
  wallMs: number;
  /** Event name → occurrences, total and longest duration (ms), heaviest first. */
  events: Array<{
    name: string;
    count: number;
    totalMs: number;
    longestMs: number;
  }>;
};

/** Trace events worth reading about a first pass: rendering phases, garbage collection, our tasks, JS callbacks. */
const TRACE_EVENTS = new Set([
  'PrePaint',
  'Layout',
  'UpdateLayoutTree',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
  'IntersectionObserverController::computeIntersections',
  'MajorGC',
  'MinorGC',
  'V8.GCIncrementalMarking',
  'V8.GCFinalizeMC',
  'BlinkGC.AtomicPhase',
  'TimerFire',
  'FunctionCall',
  'v8.callFunction',
  'RunMicrotasks',
  'ParseHTML',
  'RunTask',
]);

/**
 * One run of the extension on `url` under a Chrome trace (devtools.timeline,
 * V8 GC), written to `file` (open it in the DevTools Performance panel).
 * Tracing slows the page down: this run is for reading, not for the tables.
 */
export async function traceOurs(
  context: BrowserContext,
  url: string,
  file: string,
): Promise<TraceSummary> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    const events: Array<{
      name: string;
      ph: string;
      ts: number;
      dur?: number;
      tid: number;
    }> = [];
    cdp.on('Tracing.dataCollected', (data) =>
      events.push(...(data.value as unknown as typeof events)),
    );
    const complete = new Promise((resolve) =>
      cdp.once('Tracing.tracingComplete', resolve),
    );
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8',
          'blink.user_timing',
          'toplevel',
        ],
        excludedCategories: ['*'],
      },
      transferMode: 'ReportEvents',
    });
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.waitForFunction(
      () =>
        document.documentElement.getAttribute('data-backstory-state') ===
        'ready',
      undefined,
      {
        timeout: 180_000,
        polling: 100,
      },
    );
    await page.waitForTimeout(SETTLE_MS);
    const timing = await page.evaluate(
      () =>
        JSON.parse(
          document.documentElement.getAttribute('data-backstory-timing') ??
            '{}',
        ) as { scriptMs: number; wallMs: number },
    );
    await cdp.send('Tracing.end');
    await complete;
    writeFileSync(file, JSON.stringify({ traceEvents: events }));
    const mark = events.find(
      (event) => event.name === 'backstory:first-pass:start',
    );
    if (!mark)
      throw new Error('No backstory:first-pass:start mark in the trace');
    const end = mark.ts + timing.wallMs * 1000;
    const totals = new Map<
      string,
      { name: string; count: number; totalMs: number; longestMs: number }
    >();
    for (const event of events) {
      if (
        event.tid !== mark.tid ||
        event.ph !== 'X' ||
        event.ts < mark.ts ||
        event.ts > end ||
        !TRACE_EVENTS.has(event.name)
      )
        continue;
      const entry = totals.get(event.name) ?? {
        name: event.name,
        count: 0,
        totalMs: 0,
        longestMs: 0,
      };
      const duration = (event.dur ?? 0) / 1000;
      entry.count += 1;
      entry.totalMs += duration;
      entry.longestMs = Math.max(entry.longestMs, duration);
      totals.set(event.name, entry);
    }
    return {
      file,
      scriptMs: timing.scriptMs,
      wallMs: timing.wallMs,
      events: [...totals.values()].sort((a, b) => b.totalMs - a.totalMs),
    };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

/**
 * Turns a BenchResult into tables (plain text for the terminal, markdown for
 * the README) and checks the targets from the benchmark issue. Pure.
 */
import type { BenchResult, PageResult, StartupSummary } from './run';
import {
  count,
  median,
  medianOf,
  kilobytes,
  markdownTable,
  megabytes,
  ms,
  ratio,
  textTable,
  times,
} from './stats';

export type Table = {
  title: string;
  header: string[];
  rows: string[][];
  notes?: string[];
};

export type Target = { target: string; measured: string; met: boolean | null };

/** Pages from this size on: rendering is judged against one wrap's relayout, not the 50 ms line. */
const BIG_PAGE_BYTES = 2_000_000;

/** Long tasks and long animation frames are only reported above 50 ms: 0 means none. */
const taskMs = (value: number | null | undefined) =>
  value === 0 ? '< 50' : ms(value);

const found = (result: PageResult) =>
  result.page.mentions
    ? `${count(result.ours.mentions)} / ${count(result.page.planted)}`
    : count(result.ours.mentions);

export function ratios(result: PageResult) {
  const ours = result.ours.scriptMs;
  return {
    oursOverFloor: ratio(ours, result.contenders.floor.ms),
    markRegExpOverOurs: ratio(result.contenders.markRegExp.ms, ours),
    markOverOurs: ratio(result.contenders.mark.ms, ours),
    findAndReplaceOverOurs: ratio(
      result.contenders.findAndReplaceDOMText.ms,
      ours,
    ),
  };
}

export function tables(bench: BenchResult): Table[] {
  const all = [...bench.pages, bench.noMentions];
  const first: Table = {
    title: 'Our first pass (medians)',
    header: [
      'page',
      'mentions found / planted',
      'script ms',
      'floor ms',
      'ours / floor',
      'load → ready ms',
      'first viewport ms',
      'longest task ms',
      'longest render ms',
      'JS heap growth',
    ],
    rows: all.map((result) => [
      result.page.label,
      found(result),
      ms(result.ours.scriptMs),
      ms(result.contenders.floor.ms),
      times(ratios(result).oursOverFloor),
      ms(result.ours.loadToReadyMs),
      ms(result.ours.viewportDoneMs),
      taskMs(result.ours.longestTaskMs),
      taskMs(result.ours.longestRenderMs),
      megabytes(result.heapGrowthBytes),
    ]),
  };
  const comparison: Table = {
    title:
      'Same pages without the extension (medians, ms; ratios use our script time)',
    header: [
      'page',
      'ours',
      'floor',
      'mark.js markRegExp',
      'mark.js mark',
      'findAndReplaceDOMText',
      'markRegExp / ours',
      'mark / ours',
      'findAndReplace / ours',
    ],
    rows: bench.pages.map((result) => {
      const r = ratios(result);
      return [
        result.page.label,
        ms(result.ours.scriptMs),
        ms(result.contenders.floor.ms),
        `${ms(result.contenders.markRegExp.ms)} (${count(result.contenders.markRegExp.found)})`,
        result.contenders.mark.skipped
          ? 'not run'
          : `${ms(result.contenders.mark.ms)} (${count(result.contenders.mark.found)})`,
        `${ms(result.contenders.findAndReplaceDOMText.ms)} (${count(result.contenders.findAndReplaceDOMText.found)})`,
        times(r.markRegExpOverOurs),
        times(r.markOverOurs),
        times(r.findAndReplaceOverOurs),
      ];
    }),
    notes: [
      'In parentheses: matches each library wrapped (it has no context rules, so it also wraps near-misses such as "Pete Sessions").',
      ...bench.pages
        .filter((result) => result.contenders.mark.skipped)
        .map(
          (result) =>
            `mark.js mark on ${result.page.label}: ${result.contenders.mark.skipped}.`,
        ),
    ],
  };
  const append: Table = {
    title:
      'Appended articles (after ready; the observer batches changes for 120 ms first)',
    header: [
      'page appended to',
      'added text',
      'new mentions',
      'first new mention ms',
      'last new mention ms',
      'longest task ms',
      'longest render ms',
    ],
    rows: bench.append.map((entry) => [
      entry.basePage,
      kilobytes(entry.addedTextBytes),
      `${count(entry.mentions)} elements`,
      ms(entry.firstMs),
      ms(entry.lastMs),
      taskMs(entry.longestTaskMs),
      taskMs(entry.longestRenderMs),
    ]),
  };
  const base = bench.scaling.results[0];
  const scaling: Table = {
    title: `Matching cost against the number of aliases (${kilobytes(bench.scaling.textBytes)} of text, ${bench.scaling.environment})`,
    header: [
      'aliases',
      'matcher build ms',
      'scan ms (warm)',
      'first scan ms',
      'vs first row',
      'candidates',
    ],
    rows: bench.scaling.results.map((entry) => [
      count(entry.aliases),
      ms(entry.buildMs),
      ms(entry.scanMs),
      ms(entry.firstScanMs),
      times(ratio(entry.scanMs, base?.scanMs ?? null)),
      count(entry.candidates),
    ]),
    notes: [
      'Synthetic people (full name + surname each); the text names only the first 30, so every row finds the same candidates.',
    ],
  };
  const phaseNames = ['walk', 'scan', 'viewport', 'resolve', 'wrap'];
  const phases: Table = {
    title:
      'Where the first pass spends its time (medians, ms, from the content script’s timing contract)',
    header: [
      'page',
      'engine build',
      'prefilter',
      ...phaseNames,
      'tab stops',
      'script ms',
    ],
    rows: all.map((result) => [
      result.page.label,
      ms(result.ours.engineMs),
      ms(result.ours.prefilterMs),
      ...phaseNames.map((name) => ms(result.ours.phases?.[name])),
      ms(result.ours.focusMs),
      ms(result.ours.scriptMs),
    ]),
    notes: [
      'engine build = parsing the dataset and building the matcher, once per page that passes the prefilter (not in script ms); prefilter = the page text checked for any alias word; walk = pulling text runs from the page (TreeWalker, skip rules); scan = the matcher and the page evidence; viewport = locating runs against the first viewport; resolve = deciding; wrap = DOM writes; tab stops = the first mention of each entity made focusable.',
    ],
  };
  const startup = startupTable(bench);
  const tablesOut = [startup, first, comparison, append, scaling, phases];
  if (bench.pages.some((result) => result.baseline))
    tablesOut.push(beforeAfter(bench));
  return tablesOut;
}

type StartupPart = Pick<BenchResult, 'startup' | 'baselineDir'>;

/** The start-up table (realistic pages, traced). */
export function startupTable(bench: StartupPart): Table {
  const startupRows = bench.startup.map((entry) => {
    const pair = (pick: (s: StartupSummary) => number | null) =>
      entry.baseline
        ? `${ms(pick(entry.baseline))} → ${ms(pick(entry.ours))}`
        : ms(pick(entry.ours));
    return [
      entry.label,
      kilobytes(entry.textBytes),
      kilobytes(entry.htmlBytes),
      entry.planted ? count(entry.ours.mentions) : '0',
      pair((s) => s.evaluateMs),
      pair((s) => s.evaluateCpuMs),
      pair((s) => s.oursMs),
      pair((s) => s.oursCpuMs),
      pair((s) => s.longestMs),
      pair((s) => s.scriptMs),
    ];
  });
  return {
    title: `Start-up on realistic pages (medians of ${bench.startup[0]?.ours.runs.length ?? 0} traced loads per page${bench.baselineDir ? '; before → after, the baseline build run by run beside ours' : ''})`,
    header: [
      'page',
      'text',
      'HTML',
      'mentions',
      'evaluate ms',
      'evaluate CPU ms',
      'all ours ms',
      'all ours CPU ms',
      'longest task ms',
      'script ms',
    ],
    rows: startupRows,
    notes: [
      'evaluate = the content script’s EvaluateScript event (compile, run, main up to its first await); all ours = every main-thread task that runs our code (evaluation, our timers and listeners, extension API replies), each counted whole; longest task = the longest of those; CPU = the main thread’s CPU time for the same events (less inflated by other work on a busy machine); script ms = scriptMs from the timing contract.',
      `Medians over the pages without a name: ${startupMedians(bench, false)}. With names: ${startupMedians(bench, true)}.`,
    ],
  };
}

/** Median over pages of each page's median (pages with or without names). */
function startupMedian(
  bench: StartupPart,
  named: boolean,
  pick: (s: StartupSummary) => number | null,
  which: 'ours' | 'baseline' = 'ours',
): number | null {
  return median(
    bench.startup
      .filter((entry) => entry.planted > 0 === named)
      .map((entry) => (entry[which] ? pick(entry[which]!) : null))
      .filter((value): value is number => value !== null),
  );
}

function startupMedians(bench: StartupPart, named: boolean): string {
  const both = (pick: (s: StartupSummary) => number | null) => {
    const after = ms(startupMedian(bench, named, pick));
    return bench.baselineDir
      ? `${ms(startupMedian(bench, named, pick, 'baseline'))} → ${after}`
      : after;
  };
  return `evaluate ${both((s) => s.evaluateMs)} ms, all ours ${both((s) => s.oursMs)} ms (CPU ${both((s) => s.oursCpuMs)}), longest task ${both((s) => s.longestMs)} ms`;
}

/** Our first pass before (baseline build) and after, same run, same pages. */
function beforeAfter(bench: BenchResult): Table {
  const rows = [...bench.pages, bench.noMentions]
    .filter((result) => result.baseline)
    .map((result) => {
      const before = result.baseline!;
      const after = result.ours;
      const mark = result.contenders.markRegExp.ms;
      return [
        result.page.label,
        `${ms(before.scriptMs)} → ${ms(after.scriptMs)}`,
        `${times(ratio(before.scriptMs, result.contenders.floor.ms))} → ${times(ratio(after.scriptMs, result.contenders.floor.ms))}`,
        mark === null
          ? '–'
          : `${times(ratio(mark, before.scriptMs))} → ${times(ratio(mark, after.scriptMs))}`,
        `${ms(before.loadToReadyMs)} → ${ms(after.loadToReadyMs)}`,
        `${ms(before.viewportDoneMs)} → ${ms(after.viewportDoneMs)}`,
        `${taskMs(before.longestTaskMs)} → ${taskMs(after.longestTaskMs)}`,
        `${megabytes(before.heapBytes !== null && result.contenders.floor.runs.length ? before.heapBytes - (medianOf(result.contenders.floor.runs, (run) => run.heapBytes) ?? 0) : null)} → ${megabytes(result.heapGrowthBytes)}`,
      ];
    });
  return {
    title: 'Before → after on the same pages, in the same run (medians)',
    header: [
      'page',
      'script ms',
      '× floor',
      'markRegExp / ours',
      'load → ready ms',
      'first viewport ms',
      'longest task ms',
      'JS heap growth',
    ],
    rows,
    notes: [
      'Before: the baseline build (its scriptMs leaves out setting tab stops, which ours now counts). Busy = script ms.',
    ],
  };
}

/** The performance issue's targets (Chromium, medians, ratios from one run). */
export function targets(bench: BenchResult): Target[] {
  const out: Target[] = [];
  const check = (
    target: string,
    measured: number | null,
    limit: number,
    format: (value: number | null) => string,
    atMost = true,
  ) =>
    out.push({
      target,
      measured: format(measured),
      met:
        measured === null
          ? null
          : atMost
            ? measured <= limit
            : measured >= limit,
    });
  const msText = (v: number | null) => `${ms(v)} ms`;
  out.push(...startupTargets(bench));
  check(
    'content script ≤ 40 KB gzipped',
    bench.bundle.gzipBytes,
    40_000,
    (v) => (v === null ? '–' : `${(v / 1000).toFixed(1)} KB`),
  );
  // Pages with mentions.
  const bySize = [...bench.pages].sort(
    (a, b) => a.page.textBytes - b.page.textBytes,
  );
  const [small, ...bigger] = bySize;
  if (small)
    check(
      `busy (script ms) ≤ 16 ms on ${small.page.label}`,
      small.ours.scriptMs,
      16,
      msText,
    );
  for (const result of bigger)
    check(
      `busy ≥ 1.5x faster than markRegExp on ${result.page.label}`,
      ratios(result).markRegExpOverOurs,
      1.5,
      times,
      false,
    );
  for (const result of bySize)
    check(
      `first viewport ≤ 100 ms on ${result.page.label}`,
      result.ours.viewportDoneMs,
      100,
      msText,
    );
  for (const result of bySize.filter((r) => r.page.textBytes >= BIG_PAGE_BYTES))
    check(
      `ready ≤ 2 s after load on ${result.page.label}`,
      result.ours.loadToReadyMs,
      2000,
      msText,
    );
  for (const result of bySize)
    check(
      `no task over 50 ms on ${result.page.label} (long tasks; rendering in the next column)`,
      result.ours.longestTaskMs,
      50,
      (v) =>
        `${taskMs(v)} ms (render ${taskMs(result.ours.longestRenderMs)} ms)`,
    );
  // Memory.
  check(
    `retained heap ≤ 2 MB on a page with no mentions (${bench.noMentions.page.label})`,
    bench.noMentions.heapGrowthBytes,
    2_000_000,
    megabytes,
  );
  const fiveHundred = bySize.find(
    (r) => r.page.textBytes >= 400_000 && r.page.textBytes < 2_000_000,
  );
  if (fiveHundred)
    out.push({
      target: `retained heap on ${fiveHundred.page.label} (reported, no target)`,
      measured: megabytes(fiveHundred.heapGrowthBytes),
      met: null,
    });
  return out;
}

/** The every-page start-up targets, from the start-up measure. */
export function startupTargets(bench: StartupPart): Target[] {
  const out: Target[] = [];
  const check = (target: string, measured: number | null, limit: number) =>
    out.push({
      target,
      measured: `${ms(measured)} ms`,
      met: measured === null ? null : measured <= limit,
    });
  if (bench.startup.length) {
    check(
      'every page: evaluating the content script ≤ 8 ms (median over the realistic pages)',
      median(
        bench.startup
          .map((entry) => entry.ours.evaluateMs)
          .filter((v): v is number => v !== null),
      ),
      8,
    );
    check(
      'page with no mentions: all of our main-thread time ≤ 10 ms (median over those pages)',
      startupMedian(bench, false, (s) => s.oursMs),
      10,
    );
    check(
      'page with no mentions: no task of ours over 16 ms (worst page’s median)',
      Math.max(
        ...bench.startup
          .filter((entry) => entry.planted === 0)
          .map((entry) => entry.ours.longestMs ?? 0),
      ),
      16,
    );
  }
  return out;
}

export function targetTable(list: Target[]): Table {
  return {
    title: 'Targets',
    header: ['target', 'measured', 'met'],
    rows: list.map((entry) => [
      entry.target,
      entry.measured,
      entry.met === null ? '?' : entry.met ? 'yes' : 'NO',
    ]),
  };
}

function heading(bench: BenchResult): string {
  const load = (values: number[]) => values[0]?.toFixed(1) ?? '?';
  return `${bench.date.slice(0, 10)}, ${bench.browser} (headless), Node ${bench.node}, ${bench.machine.cpus} × ${bench.machine.model} (load ${load(bench.machine.loadStart)} → ${load(bench.machine.loadEnd)}); ${bench.options.runs} runs per page (${bench.options.bigPageRuns} above 2 MB). Content script: ${(bench.bundle.bytes / 1000).toFixed(1)} KB, ${(bench.bundle.gzipBytes / 1000).toFixed(1)} KB gzipped.`;
}

export function textReport(bench: BenchResult): string {
  const parts = [heading(bench), ''];
  for (const table of [...tables(bench), targetTable(targets(bench))]) {
    parts.push(
      table.title,
      textTable(table.header, table.rows),
      ...(table.notes ?? []).map((note) => `  ${note}`),
      '',
    );
  }
  if (bench.trace) {
    const trace = bench.trace;
    parts.push(
      `Traced run on ${trace.page} (tracing slows scripts: script ${ms(trace.scriptMs)} ms, wall ${ms(trace.wallMs)} ms; trace: ${trace.file}); main thread during the first pass`,
      textTable(
        ['event', 'count', 'total ms', 'longest ms'],
        trace.events.map((event) => [
          event.name,
          count(event.count),
          ms(event.totalMs),
          ms(event.longestMs),
        ]),
      ),
      '',
    );
  }
  if (bench.profile) {
    parts.push(
      `Heaviest functions of the content script, ${bench.profile.page} (self time; profile: ${bench.profile.file})`,
      textTable(
        ['function', 'where', 'ms', 'share'],
        bench.profile.heaviest
          .slice(0, 20)
          .map((f) => [
            f.name.slice(0, 60),
            f.where,
            ms(f.ms),
            `${(f.share * 100).toFixed(1)}%`,
          ]),
      ),
      '',
    );
  }
  return parts.join('\n');
}

/** The README section: the same tables as markdown. */
export function markdownReport(bench: BenchResult): string {
  const parts = [`Measured ${heading(bench)}`, ''];
  for (const table of [...tables(bench), targetTable(targets(bench))]) {
    parts.push(
      `**${table.title}**`,
      '',
      markdownTable(table.header, table.rows),
      '',
    );
    if (table.notes?.length)
      parts.push(...table.notes.map((note) => `- ${note}`), '');
  }
  return parts.join('\n');
}

/** Text and markdown of a few tables (the start-up-only run). */
export function renderTables(
  list: readonly Table[],
  markdown: boolean,
): string {
  const parts: string[] = [];
  for (const table of list) {
    if (markdown)
      parts.push(
        `**${table.title}**`,
        '',
        markdownTable(table.header, table.rows),
        '',
      );
    else parts.push(table.title, textTable(table.header, table.rows), '');
    if (table.notes?.length)
      parts.push(
        ...table.notes.map((note) => (markdown ? `- ${note}` : `  ${note}`)),
        '',
      );
  }
  return parts.join('\n');
}

/**
 * Turns a BenchResult into tables (plain text for the terminal, markdown for
 * the README) and checks the targets from the benchmark issue. Pure.
 */
import type { BenchResult, PageResult } from './run';
import {
  count,
  kilobytes,
  markdownTable,
  megabytes,
  ms,
  ratio,
  textTable,
  times,
} from './stats';

type Table = {
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
      'alias RegExp alone ms',
      'same as a trie ms',
    ],
    rows: bench.scaling.results.map((entry) => [
      count(entry.aliases),
      ms(entry.buildMs),
      ms(entry.scanMs),
      ms(entry.firstScanMs),
      times(ratio(entry.scanMs, base?.scanMs ?? null)),
      count(entry.candidates),
      ms(entry.aliasRegExpMs),
      `${ms(entry.trieRegExpMs)}${entry.trieMatchesSame ? '' : ' (different matches!)'}`,
    ]),
    notes: [
      'Synthetic people (full name + surname each); the text names only the first 30, so every row finds the same candidates.',
      'Last two columns: the alias RegExp alone over the same text, as built today (one flat alternation) and factored as a trie (a suggestion, same matches).',
    ],
  };
  const phases: Table = {
    title:
      'Where the time goes: engine phases run one by one, unsliced, without the extension (ms, one run)',
    header: [
      'page',
      'startup',
      'walk',
      'join',
      'scan',
      'evidence',
      'resolve',
      'wrap',
      'sum',
      'floor',
      'relayout after',
      'alias / topic / state RegExps (warm)',
      'scan warm',
    ],
    rows: bench.breakdown.map((entry) => {
      const p = entry.engine.phases;
      const sum =
        p.walkMs + p.joinMs + p.scanMs + p.evidenceMs + p.resolveMs + p.wrapMs;
      const r = entry.regExps.scanWarm;
      return [
        entry.page,
        ms(entry.engine.startup.parseMs + entry.engine.startup.matcherMs),
        ms(p.walkMs),
        ms(p.joinMs),
        ms(p.scanMs),
        ms(p.evidenceMs),
        ms(p.resolveMs),
        ms(p.wrapMs),
        ms(sum),
        ms(entry.floorMs),
        ms(entry.engine.layoutAfterAllMs),
        `${ms(r.aliasRegExpMs)} / ${ms(r.topicsMs)} / ${ms(r.statesMs)}`,
        ms(r.totalMs),
      ];
    }),
    notes: [
      'startup = parse the dataset + build the matcher (every page load, not in scriptMs). relayout after = style and layout forced once after all wraps.',
      ...bench.breakdown.map(
        (entry) =>
          `${entry.page} walk ingredients (warm): text-only TreeWalker ${ms(entry.walk.textsOnlyMs)}, with elements ${ms(entry.walk.elementsTooMs)}, with a JS NodeFilter ${ms(entry.walk.jsFilterMs)}, iterateSegments ${ms(entry.walk.iterateSegmentsMs)}.`,
      ),
    ],
  };
  return [first, comparison, append, scaling, phases];
}

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
  const bySize = [...bench.pages].sort(
    (a, b) => a.page.textBytes - b.page.textBytes,
  );
  const [small, ...bigger] = bySize;
  if (small)
    check(
      `script ≤ 16 ms on ${small.page.label}`,
      small.ours.scriptMs,
      16,
      (v) => `${ms(v)} ms`,
    );
  for (const result of bigger)
    check(
      `script ≤ 4x floor on ${result.page.label}`,
      ratios(result).oursOverFloor,
      4,
      times,
    );
  for (const result of bySize)
    check(
      `≥ 2x faster than markRegExp on ${result.page.label} (aim 3x)`,
      ratios(result).markRegExpOverOurs,
      2,
      times,
      false,
    );
  for (const result of bySize.filter((r) => !r.contenders.mark.skipped)) {
    check(
      `≥ 100x faster than mark on ${result.page.label}`,
      ratios(result).markOverOurs,
      100,
      times,
      false,
    );
  }
  for (const result of bySize) {
    check(
      `faster than findAndReplaceDOMText on ${result.page.label}`,
      ratios(result).findAndReplaceOverOurs,
      1.0001,
      times,
      false,
    );
  }
  for (const result of bySize)
    check(
      `no script task > 50 ms on ${result.page.label} (aim 16)`,
      result.ours.longestTaskMs,
      50,
      (v) => `${taskMs(v)} ms`,
    );
  for (const result of bySize) {
    if (result.page.textBytes < BIG_PAGE_BYTES) {
      const worst = Math.max(
        result.ours.longestTaskMs ?? 0,
        result.ours.longestRenderMs ?? 0,
      );
      check(
        `no task at all > 50 ms on ${result.page.label}`,
        worst,
        50,
        (v) => `${taskMs(v)} ms`,
      );
    } else {
      const limit = (result.singleWrapLayoutMs ?? 0) * 1.5;
      out.push({
        target: `rendering ≤ 1.5x one wrap's relayout on ${result.page.label}`,
        measured: `${taskMs(result.ours.longestRenderMs)} ms vs ${ms(limit)} ms (one wrap: ${ms(result.singleWrapLayoutMs)} ms)`,
        met:
          result.ours.longestRenderMs === null ||
          result.singleWrapLayoutMs === null
            ? null
            : result.ours.longestRenderMs <= limit,
      });
    }
  }
  for (const result of bySize)
    check(
      `first viewport annotated ≤ 100 ms after the pass starts on ${result.page.label}`,
      result.ours.viewportDoneMs,
      100,
      (v) => `${ms(v)} ms`,
    );
  const readyLimit = (bytes: number) =>
    bytes < 200_000 ? 100 : bytes < 2_000_000 ? 500 : 5000;
  for (const result of bySize) {
    check(
      `ready ≤ ${readyLimit(result.page.textBytes)} ms after load on ${result.page.label}`,
      result.ours.loadToReadyMs,
      readyLimit(result.page.textBytes),
      (v) => `${ms(v)} ms`,
    );
  }
  const scaling = bench.scaling.results;
  if (scaling.length > 1) {
    const growth = ratio(
      scaling[scaling.length - 1]!.scanMs,
      scaling[0]!.scanMs,
    );
    check(
      `matching grows < 1.5x from ${count(scaling[0]!.aliases)} to ${count(scaling[scaling.length - 1]!.aliases)} aliases`,
      growth,
      1.5,
      times,
    );
  }
  if (bench.append.length > 1) {
    const [onSmall, onLarge] = [
      bench.append[0]!,
      bench.append[bench.append.length - 1]!,
    ];
    check(
      `appended articles cost the same on ${onLarge.basePage} as on ${onSmall.basePage} (≤ 1.5x)`,
      ratio(onLarge.lastMs, onSmall.lastMs),
      1.5,
      (v) => `${times(v)} (${ms(onLarge.lastMs)} vs ${ms(onSmall.lastMs)} ms)`,
    );
  }
  check(
    `page without mentions ≤ 2x floor (${bench.noMentions.page.label})`,
    ratios(bench.noMentions).oursOverFloor,
    2,
    times,
  );
  check(
    'content script ≤ 40 KB gzipped',
    bench.bundle.gzipBytes,
    40_000,
    (v) => (v === null ? '–' : `${(v / 1000).toFixed(1)} KB`),
  );
  return out;
}

function targetTable(list: Target[]): Table {
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
  for (const entry of bench.breakdown.filter((item) => item.heaviest)) {
    parts.push(
      `Heaviest functions, ${entry.page} (self time; profile: ${entry.profileFile})`,
    );
    parts.push(
      textTable(
        ['function', 'where', 'ms', 'share'],
        entry
          .heaviest!.slice(0, 20)
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

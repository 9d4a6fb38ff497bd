/**
 * `npm run bench`: the performance benchmark (not a test; not run in CI).
 *
 * Builds the extension (unless --no-build), generates deterministic news-like
 * pages (≈ 50 KB, 500 KB, 5 MB of visible text, and 500 KB without any
 * mention), measures our first pass in headless Chromium with the built
 * extension, the same pages without it under the floor, mark.js and
 * findAndReplaceDOMText, appended content, the engine's phases, and matching
 * cost against the number of aliases. Prints tables (text, then markdown for
 * the README) and writes .output/bench/latest.json.
 *
 * Options:
 *   --no-build       use the existing .output/chrome-mv3 build
 *   --runs N         runs per page and contender (default 5; 3 at most above 2 MB)
 *   --quick          50 KB and 500 KB pages only, 3 runs, smaller scaling text
 *   --baseline DIR   also measure another built extension (e.g. a build of the last release) beside ours,
 *                    run by run, for before/after figures from one run
 *   --no-docs        do not rewrite the results section of docs/benchmarks.md
 *   --startup-only   only the start-up measure on realistic pages (--runs sets the traced loads per page)
 *   --profile        save a CPU profile of one run on the largest page (.output/bench/*.cpuprofile)
 *   --trace          also trace one run on the largest page (.output/bench/trace-*.json) and sum rendering and GC
 *   --out FILE       JSON output (default .output/bench/latest.json)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DIR } from './bench/pages';
import {
  markdownReport,
  renderTables,
  startupTable,
  startupTargets,
  targetTable,
  textReport,
} from './bench/report';
import {
  buildExtension,
  DEFAULT_OPTIONS,
  runBench,
  runStartupBench,
  type BenchOptions,
} from './bench/run';

const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
    out: { type: 'string', default: `${BENCH_DIR}/latest.json` },
    baseline: { type: 'string' },
    'no-docs': { type: 'boolean', default: false },
    'startup-only': { type: 'boolean', default: false },
  },
});

const started = Date.now();
if (!values['no-build']) {
  console.error('Building the extension (npx wxt build)…');
  buildExtension();
}
const options: Partial<BenchOptions> = {
  profile: values.profile,
  trace: values.trace,
  ...(values.baseline ? { baselineDir: values.baseline } : {}),
};
if (values.quick) {
  Object.assign(options, {
    sizes: DEFAULT_OPTIONS.sizes.filter((size) => size.bytes <= 500_000),
    runs: 3,
    scalingTextBytes: 100_000,
    realPages: DEFAULT_OPTIONS.realPages.slice(0, 3),
    startupRuns: 2,
  });
}
if (values.runs) options.runs = Math.max(1, Number(values.runs));

if (values['startup-only']) {
  const startup = await runStartupBench({
    ...options,
    ...(values.runs ? { startupRuns: Math.max(1, Number(values.runs)) } : {}),
  });
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(startup, null, 2)}\n`);
  const list = [startupTable(startup), targetTable(startupTargets(startup))];
  console.log(
    `${startup.date.slice(0, 10)}, ${startup.browser}, load ${startup.machine.loadStart[0]?.toFixed(1)} → ${startup.machine.loadEnd[0]?.toFixed(1)}; content script ${(startup.bundle.gzipBytes / 1000).toFixed(1)} KB gzipped\n`,
  );
  console.log(renderTables(list, false));
  console.log('\nMarkdown:\n');
  console.log(renderTables(list, true));
  process.exit(0);
}
const result = await runBench(options);
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
console.log(textReport(result));
console.log('\nMarkdown (for the README):\n');
console.log(markdownReport(result));
if (!values['no-docs'] && !values.quick) {
  // docs/benchmarks.md: the section between the markers is this run's tables.
  const docs = 'docs/benchmarks.md';
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const text = readFileSync(docs, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) {
    writeFileSync(
      docs,
      `${text.slice(0, from + start.length)}\n${markdownReport(result)}\n${text.slice(to)}`,
    );
    console.error(`Rewrote the results section of ${docs}.`);
  }
}
console.error(
  `\nWrote ${values.out} in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
);

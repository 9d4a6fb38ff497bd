/**
 * The benchmark run: generates the pages, serves them, and measures, in
 * headless Chromium,
 *
 * 1. start-up on realistic pages (real-pages.ts), read from a trace of each
 *    page load (startup-trace.ts);
 * 2. our first pass with the built extension (several runs per page),
 *    including annotating articles appended to an already annotated page,
 *    and where its time went (the timing contract's phases);
 * 3. on the same pages without the extension: the floor, mark.js
 *    (`markRegExp`, `mark`), findAndReplaceDOMText;
 * 4. matching cost against the number of aliases (synthetic datasets).
 *
 * With `baselineDir` (another build, e.g. the last release), 1 and 2 also run
 * that build, interleaved run by run with ours, so before/after ratios come
 * from one run on one machine state.
 *
 * Returns everything as one JSON-serializable object; report.ts turns it into tables.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import {
  launchPlain,
  launchWithExtension,
  CHROME_BUILD_DIR,
} from '../launch-browser';
import { serveStatic } from '../serve-static';
import {
  buildProbe,
  runContender,
  runOurs,
  traceOurs,
  type Contender,
  type ContenderRun,
  type OurRun,
  type TraceSummary,
} from './browser-runs';
import { selfTimes, type CpuProfile, type SelfTime } from './cpu-profile';
export { selfTimes };
import type { BenchEngine } from './engine-probe';
import { generatePage, mentionPlan } from './generate-page';
import { textSegments } from './html-text';
import {
  BENCH_DIR,
  combinedPattern,
  DEFAULT_SIZES,
  writeBenchPages,
  type PageInfo,
  type PageSizes,
} from './pages';
import { REAL_PAGES, generateRealPage } from './real-pages';
import { traceStartup, type StartupRun } from './startup-trace';
import { medianOf } from './stats';
import { syntheticEntities } from './synthetic';

export type BenchOptions = {
  sizes: PageSizes;
  /** Runs per page and contender; pages over 2 MB get at most `bigPageRuns`. */
  runs: number;
  bigPageRuns: number;
  /** mark.js `mark` (one RegExp per alias) is slow: run it only on pages up to this size. */
  markMaxBytes: number;
  noMentionBytes: number;
  appendBytes: number;
  /** Alias counts for the scaling measurement, and the visible text it scans. */
  scalingAliasCounts: number[];
  scalingTextBytes: number;
  /** Save a CPU profile of one extension run on the largest page and list the heaviest functions. */
  profile: boolean;
  /** Realistic pages for the start-up measure (all of REAL_PAGES by default; [] skips it). */
  realPages: typeof REAL_PAGES;
  /** Traced loads per realistic page and build. */
  startupRuns: number;
  /** Another built extension (e.g. the last release) to measure beside ours, run by run. */
  baselineDir?: string;
  /** Trace one extension run on the largest page (rendering phases, GC) and summarize it. */
  trace: boolean;
  outDir: string;
  log: (line: string) => void;
};

export const DEFAULT_OPTIONS: BenchOptions = {
  sizes: DEFAULT_SIZES,
  runs: 5,
  bigPageRuns: 3,
  markMaxBytes: 60_000,
  noMentionBytes: 500_000,
  appendBytes: 50_000,
  scalingAliasCounts: [60, 1_000, 10_000],
  scalingTextBytes: 500_000,
  profile: false,
  realPages: REAL_PAGES,
  startupRuns: 3,
  trace: false,
  outDir: BENCH_DIR,
  log: (line) => console.error(line),
};

type ContenderResult = {
  runs: ContenderRun[];
  ms: number | null;
  found: number | null;
  skipped?: string;
};

export type PageResult = {
  page: PageInfo;
  ours: {
    runs: OurRun[];
    scriptMs: number | null;
    wallMs: number | null;
    loadToReadyMs: number | null;
    viewportFirstMs: number | null;
    viewportDoneMs: number | null;
    viewportMentions: number | null;
    longestTaskMs: number | null;
    longestRenderMs: number | null;
    mentions: number | null;
    mentionElements: number | null;
    heapBytes: number | null;
    engineMs: number | null;
    prefilterMs: number | null;
    focusMs: number | null;
    phases: Record<string, number | null> | null;
  };
  /** The baseline build on the same page, run by run beside ours (with `baselineDir`). */
  baseline?: PageResult['ours'];
  contenders: Record<Contender, ContenderResult>;
  /** Extension page heap minus the same page's heap without the extension (both after GC). */
  heapGrowthBytes: number | null;
  /** Style + layout forced after wrapping one word on this page, without the extension. */
  singleWrapLayoutMs: number | null;
};

export type AppendResult = {
  basePage: string;
  addedTextBytes: number;
  planted: number;
  runs: NonNullable<OurRun['append']>[];
  lastMs: number | null;
  firstMs: number | null;
  mentions: number | null;
  longestTaskMs: number | null;
  longestRenderMs: number | null;
};

export type StartupSummary = {
  runs: StartupRun[];
  evaluateMs: number | null;
  evaluateCpuMs: number | null;
  oursMs: number | null;
  oursCpuMs: number | null;
  longestMs: number | null;
  scriptMs: number | null;
  mentions: number | null;
};

export type StartupResult = {
  file: string;
  label: string;
  htmlBytes: number;
  textBytes: number;
  /** Names written into the page (0: a page that mentions nobody). */
  planted: number;
  ours: StartupSummary;
  baseline?: StartupSummary;
};

export type ScalingResult = ReturnType<BenchEngine['scanCost']>;

export type BenchResult = {
  date: string;
  browser: string;
  node: string;
  /** Load averages (1, 5, 15 min) when the run started and ended: other work on the machine skews timings. */
  machine: {
    cpus: number;
    model: string;
    loadStart: number[];
    loadEnd: number[];
  };
  options: { runs: number; bigPageRuns: number; markMaxBytes: number };
  bundle: { file: string; bytes: number; gzipBytes: number };
  pages: PageResult[];
  noMentions: PageResult;
  append: AppendResult[];
  /** Start-up on realistic pages, from traces. */
  startup: StartupResult[];
  /** Which build the baseline columns are (with `baselineDir`). */
  baselineDir?: string;
  /** With --profile: the heaviest functions of one extension run on the largest page. */
  profile?: { page: string; file: string; heaviest: SelfTime[] };
  scaling: {
    textBytes: number;
    segments: number;
    environment: string;
    results: ScalingResult[];
  };
  /** With --trace: one traced extension run on the largest page. */
  trace?: TraceSummary & { page: string };
};

const CONTENDERS: Contender[] = [
  'floor',
  'markRegExp',
  'mark',
  'findAndReplaceDOMText',
];

function summarizeStartup(runs: StartupRun[]): StartupSummary {
  return {
    runs,
    evaluateMs: medianOf(runs, (run) => run.evaluateMs),
    evaluateCpuMs: medianOf(runs, (run) => run.evaluateCpuMs),
    oursMs: medianOf(runs, (run) => run.oursMs),
    oursCpuMs: medianOf(runs, (run) => run.oursCpuMs),
    longestMs: medianOf(runs, (run) => run.longestMs),
    scriptMs: medianOf(runs, (run) => run.scriptMs),
    mentions: medianOf(runs, (run) => run.mentions),
  };
}

function summarizeOurs(runs: OurRun[]): PageResult['ours'] {
  const phaseNames = [
    ...new Set(runs.flatMap((run) => Object.keys(run.phases ?? {}))),
  ];
  return {
    runs,
    scriptMs: medianOf(runs, (run) => run.scriptMs),
    wallMs: medianOf(runs, (run) => run.wallMs),
    loadToReadyMs: medianOf(runs, (run) => run.loadToReadyMs),
    viewportFirstMs: medianOf(runs, (run) => run.viewportFirstMs),
    viewportDoneMs: medianOf(runs, (run) => run.viewportDoneMs),
    viewportMentions: medianOf(runs, (run) => run.viewportMentions),
    longestTaskMs: medianOf(runs, (run) => run.longestTaskMs),
    longestRenderMs: medianOf(runs, (run) => run.longestRenderMs),
    mentions: medianOf(runs, (run) => run.mentions),
    mentionElements: medianOf(runs, (run) => run.mentionElements),
    heapBytes: medianOf(runs, (run) => run.heapBytes),
    engineMs: medianOf(runs, (run) => run.engineMs),
    prefilterMs: medianOf(runs, (run) => run.prefilterMs),
    focusMs: medianOf(runs, (run) => run.focusMs),
    phases: phaseNames.length
      ? Object.fromEntries(
          phaseNames.map((name) => [
            name,
            medianOf(runs, (run) => run.phases?.[name]),
          ]),
        )
      : null,
  };
}

function contenderResult(
  runs: ContenderRun[],
  skipped?: string,
): ContenderResult {
  return {
    runs,
    ms: medianOf(runs, (run) => run.ms),
    found: medianOf(runs, (run) => run.found),
    ...(skipped ? { skipped } : {}),
  };
}

export function contentScriptSize(
  dir = CHROME_BUILD_DIR,
): BenchResult['bundle'] {
  const file = join(dir, 'content-scripts/content.js');
  const bytes = readFileSync(file);
  return {
    file,
    bytes: bytes.length,
    gzipBytes: gzipSync(bytes, { level: 9 }).length,
  };
}

async function buildEngine(outDir: string): Promise<string> {
  const file = join(outDir, 'assets/engine.js');
  await build({
    entryPoints: [new URL('./engine-probe.ts', import.meta.url).pathname],
    bundle: true,
    outfile: file,
    format: 'iife',
    target: 'chrome120',
    tsconfig: 'tsconfig.json',
    logLevel: 'error',
  });
  return file;
}

export async function runBench(
  partial: Partial<BenchOptions> = {},
): Promise<BenchResult> {
  const options: BenchOptions = { ...DEFAULT_OPTIONS, ...partial };
  const { log } = options;
  const loadStart = loadavg();
  mkdirSync(options.outDir, { recursive: true });
  const pagesDir = join(options.outDir, 'pages');
  const pages = writeBenchPages(
    options.sizes,
    options.noMentionBytes,
    options.appendBytes,
    pagesDir,
  );
  log(
    `Pages: ${[...pages.news, pages.noMentions].map((page) => `${page.label} (${page.textBytes.toLocaleString('en-US')} B text, ${page.planted} mentions planted)`).join('; ')}`,
  );
  const realPages = writeRealPages(options.realPages, pagesDir);
  const probe = await buildProbe();
  await buildEngine(options.outDir);
  const server = await serveStatic({
    '/bench/': pagesDir,
    '/assets/': join(options.outDir, 'assets'),
  });
  const extension = await launchWithExtension();
  const baseline = options.baselineDir
    ? await launchWithExtension({ extensionDir: options.baselineDir })
    : null;
  const plain = await launchPlain();
  const pattern = combinedPattern(pages.aliases);
  const url = (page: PageInfo) => `${server.origin}/bench/${page.file}`;
  try {
    const browserVersion = plain.context.browser()?.version() ?? 'unknown';
    const largest = pages.news.reduce((a, b) =>
      b.textBytes > a.textBytes ? b : a,
    );
    const smallest = pages.news.reduce((a, b) =>
      b.textBytes < a.textBytes ? b : a,
    );
    const appendOn = new Set([smallest.file, largest.file]);
    let markMsPerByte: number | null = null;

    const measurePage = async (page: PageInfo): Promise<PageResult> => {
      const runs =
        page.textBytes > 2_000_000
          ? Math.min(options.runs, options.bigPageRuns)
          : options.runs;
      const ours: OurRun[] = [];
      const before: OurRun[] = [];
      for (let i = 0; i < runs; i += 1) {
        const run = await runOurs(extension.context, url(page), probe, {
          appendHtml:
            page.mentions && appendOn.has(page.file)
              ? pages.appendix.html
              : undefined,
        });
        ours.push(run);
        log(
          `  ${page.label} ours #${i + 1}: script ${run.scriptMs.toFixed(1)} ms, wall ${run.wallMs.toFixed(0)} ms, ${run.mentions} mentions`,
        );
        if (baseline) {
          const old = await runOurs(baseline.context, url(page), probe);
          before.push(old);
          log(
            `  ${page.label} baseline #${i + 1}: script ${old.scriptMs.toFixed(1)} ms, ${old.mentions} mentions`,
          );
        }
      }
      const contenders = {} as Record<Contender, ContenderResult>;
      for (const contender of CONTENDERS) {
        if (!page.mentions && contender !== 'floor') {
          contenders[contender] = contenderResult(
            [],
            'not run on the page without mentions',
          );
          continue;
        }
        if (contender === 'mark' && page.textBytes > options.markMaxBytes) {
          const projected =
            markMsPerByte === null
              ? ''
              : `, ≈${((markMsPerByte * page.textBytes) / 1000).toFixed(0)} s projected`;
          contenders[contender] = contenderResult(
            [],
            `not run above ${options.markMaxBytes / 1000} KB${projected}`,
          );
          continue;
        }
        const list: ContenderRun[] = [];
        for (let i = 0; i < runs; i += 1) {
          list.push(
            await runContender(plain.context, url(page), probe, contender, {
              pattern,
              aliases: pages.aliases,
            }),
          );
        }
        contenders[contender] = contenderResult(list);
        if (contender === 'mark' && contenders.mark.ms !== null)
          markMsPerByte = contenders.mark.ms / page.textBytes;
        log(
          `  ${page.label} ${contender}: ${contenders[contender].ms?.toFixed(1)} ms, ${contenders[contender].found} found`,
        );
      }
      const summary = summarizeOurs(ours);
      const floorHeap = medianOf(contenders.floor.runs, (run) => run.heapBytes);
      return {
        page,
        ours: summary,
        ...(baseline ? { baseline: summarizeOurs(before) } : {}),
        contenders,
        heapGrowthBytes:
          summary.heapBytes !== null && floorHeap !== null
            ? summary.heapBytes - floorHeap
            : null,
        singleWrapLayoutMs: medianOf(
          contenders.floor.runs,
          (run) => run.singleWrapLayoutMs,
        ),
      };
    };

    const results: PageResult[] = [];
    for (const page of pages.news) {
      log(`Measuring ${page.label}…`);
      results.push(await measurePage(page));
    }
    log(`Measuring ${pages.noMentions.label}…`);
    const noMentions = await measurePage(pages.noMentions);

    const append: AppendResult[] = results
      .filter((result) => appendOn.has(result.page.file))
      .map((result) => {
        const runs = result.ours.runs.flatMap((run) =>
          run.append ? [run.append] : [],
        );
        return {
          basePage: result.page.label,
          addedTextBytes: pages.appendix.textBytes,
          planted: pages.appendix.planted,
          runs,
          lastMs: medianOf(runs, (run) => run.lastMs),
          firstMs: medianOf(runs, (run) => run.firstMs),
          mentions: medianOf(runs, (run) => run.mentions),
          longestTaskMs: medianOf(runs, (run) => run.longestTaskMs),
          longestRenderMs: medianOf(runs, (run) => run.longestRenderMs),
        };
      });

    const startup = await measureStartup(
      extension,
      baseline,
      server.origin,
      realPages,
      options.startupRuns,
      log,
    );

    let profile: BenchResult['profile'];
    if (options.profile) {
      log(`Profiling one run on ${largest.label}…`);
      const file = join(
        options.outDir,
        `profile-${largest.file.replace(/\.html$/, '')}.cpuprofile`,
      );
      const heaviest = await profileOurs(extension.context, url(largest), file);
      profile = { page: largest.label, file, heaviest };
    }

    // Matching cost against the number of aliases: same text, same matches, bigger alternation.
    log('Alias scaling…');
    const scalingEntities = (count: number) => syntheticEntities(count);
    const scalingPage = generatePage({
      seed: 31337,
      targetTextBytes: options.scalingTextBytes,
      mentions: true,
      plan: mentionPlan(scalingEntities(60)),
      title: 'scaling',
    });
    const texts = textSegments(scalingPage.html);
    const scaling: ScalingResult[] = [];
    const tab = await plain.context.newPage();
    try {
      await tab.goto(`${server.origin}/bench/blank.html`);
      await tab.addScriptTag({ url: `${server.origin}/assets/engine.js` });
      for (const count of options.scalingAliasCounts) {
        const result = await tab.evaluate(
          ([entities, segments]) =>
            (
              window as unknown as { __benchEngine: BenchEngine }
            ).__benchEngine.scanCost(entities, segments, 5),
          [scalingEntities(count), texts] as const,
        );
        scaling.push({ ...result, aliases: count });
        log(
          `  ${count} aliases: build ${result.buildMs.toFixed(1)} ms, scan ${result.scanMs.toFixed(1)} ms, ${result.candidates} candidates`,
        );
      }
    } finally {
      await tab.close();
    }

    let trace: BenchResult['trace'];
    if (options.trace) {
      log(`Tracing one run on ${largest.label}…`);
      const file = join(
        options.outDir,
        `trace-${largest.file.replace(/\.html$/, '')}.json`,
      );
      trace = {
        page: largest.label,
        ...(await traceOurs(extension.context, url(largest), file)),
      };
    }

    return {
      ...(trace ? { trace } : {}),
      ...(profile ? { profile } : {}),
      ...(options.baselineDir ? { baselineDir: options.baselineDir } : {}),
      date: new Date().toISOString(),
      browser: `Chromium ${browserVersion}`,
      node: process.version,
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? 'unknown',
        loadStart,
        loadEnd: loadavg(),
      },
      options: {
        runs: options.runs,
        bigPageRuns: options.bigPageRuns,
        markMaxBytes: options.markMaxBytes,
      },
      bundle: contentScriptSize(),
      pages: results,
      noMentions,
      append,
      startup,
      scaling: {
        textBytes: scalingPage.textBytes,
        segments: texts.length,
        environment: `Chromium ${browserVersion}, in a page (no DOM work)`,
        results: scaling,
      },
    };
  } finally {
    await extension.close();
    await baseline?.close();
    await plain.close();
    await server.close();
  }
}

/** `npx wxt build`, quietly unless it fails. */
export function buildExtension(): void {
  execFileSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/**
 * One extension run on `url` under the CPU profiler (the renderer's whole
 * isolate: the page and our content script), written to `file`; returns the
 * heaviest functions by self time. For reading, not for the tables.
 */
async function profileOurs(
  context: import('playwright-core').BrowserContext,
  url: string,
  file: string,
): Promise<SelfTime[]> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(new URL('/bench/blank.html', url).href);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.waitForFunction(
      () =>
        document.documentElement.getAttribute('data-backstory-state') ===
        'ready',
      undefined,
      { timeout: 180_000, polling: 100 },
    );
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    return selfTimes(profile as unknown as CpuProfile, (where) =>
      where.includes('content.js'),
    ).slice(0, 25);
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

type RealPage = (typeof REAL_PAGES)[number] & {
  htmlBytes: number;
  textBytes: number;
};

/** Writes the realistic pages into `dir` (seeded) and returns them with their sizes. */
function writeRealPages(specs: typeof REAL_PAGES, dir: string): RealPage[] {
  return specs.map((spec, i) => {
    const page = generateRealPage(spec, 500 + i);
    writeFileSync(join(dir, spec.file), page.html);
    return {
      ...spec,
      htmlBytes: Buffer.byteLength(page.html),
      textBytes: page.textBytes,
    };
  });
}

/** Start-up on realistic pages: one traced load at a time, ours and the baseline in turn. */
async function measureStartup(
  extension: {
    context: import('playwright-core').BrowserContext;
    extensionId: string;
  },
  baseline: {
    context: import('playwright-core').BrowserContext;
    extensionId: string;
  } | null,
  origin: string,
  realPages: readonly RealPage[],
  runs: number,
  log: (line: string) => void,
): Promise<StartupResult[]> {
  const startup: StartupResult[] = [];
  const blank = `${origin}/bench/blank.html`;
  for (const spec of realPages) {
    const mine: StartupRun[] = [];
    const theirs: StartupRun[] = [];
    for (let i = 0; i < runs; i += 1) {
      mine.push(
        await traceStartup(
          extension.context,
          extension.extensionId,
          blank,
          `${origin}/bench/${spec.file}`,
        ),
      );
      if (baseline)
        theirs.push(
          await traceStartup(
            baseline.context,
            baseline.extensionId,
            blank,
            `${origin}/bench/${spec.file}`,
          ),
        );
    }
    const result: StartupResult = {
      file: spec.file,
      label: spec.label,
      htmlBytes: spec.htmlBytes,
      textBytes: spec.textBytes,
      planted: spec.mentions.length,
      ours: summarizeStartup(mine),
      ...(baseline ? { baseline: summarizeStartup(theirs) } : {}),
    };
    startup.push(result);
    log(
      `Start-up ${spec.label}: evaluate ${result.ours.evaluateMs?.toFixed(1)} ms, ours ${result.ours.oursMs?.toFixed(1)} ms${baseline ? ` (baseline ${result.baseline?.evaluateMs?.toFixed(1)} / ${result.baseline?.oursMs?.toFixed(1)} ms)` : ''}`,
    );
  }

  return startup;
}

/** `npm run bench -- --startup-only`: the start-up measure alone (realistic pages, traced). */
export async function runStartupBench(
  partial: Partial<BenchOptions> = {},
): Promise<
  Pick<
    BenchResult,
    'startup' | 'baselineDir' | 'bundle' | 'date' | 'browser' | 'machine'
  >
> {
  const options: BenchOptions = { ...DEFAULT_OPTIONS, ...partial };
  const loadStart = loadavg();
  const pagesDir = join(options.outDir, 'pages');
  mkdirSync(pagesDir, { recursive: true });
  writeFileSync(
    join(pagesDir, 'blank.html'),
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n',
  );
  const realPages = writeRealPages(options.realPages, pagesDir);
  const server = await serveStatic({ '/bench/': pagesDir });
  const extension = await launchWithExtension();
  const baseline = options.baselineDir
    ? await launchWithExtension({ extensionDir: options.baselineDir })
    : null;
  try {
    const startup = await measureStartup(
      extension,
      baseline,
      server.origin,
      realPages,
      options.startupRuns,
      options.log,
    );
    return {
      date: new Date().toISOString(),
      browser: `Chromium ${extension.context.browser()?.version() ?? 'unknown'}`,
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? 'unknown',
        loadStart,
        loadEnd: loadavg(),
      },
      bundle: contentScriptSize(),
      startup,
      ...(options.baselineDir ? { baselineDir: options.baselineDir } : {}),
    };
  } finally {
    await extension.close();
    await baseline?.close();
    await server.close();
  }
}

/**
 * Start-up cost of the content script on one page load, read from a Chromium
 * trace (what DevTools' Performance panel records):
 *
 * - *evaluate*: the `EvaluateScript` event of our content script (compile and
 *   run of the whole bundle, `main` up to its first await);
 * - *ours*: every main-thread task that runs our code: the evaluation, our
 *   timers and event listeners (`FunctionCall` events in our script), and
 *   replies and events from the extension APIs (storage, messages: mojo
 *   messages of an `extensions.mojom` interface), each counted whole;
 * - *longest*: the longest of those tasks.
 *
 * Each figure comes twice: wall time (`dur`, what the reader waits) and the
 * main thread's CPU time (`tdur`), which other work on a busy machine
 * inflates far less. Rendering that follows our DOM writes runs in the page's
 * own frames and is not counted here (the first-pass tables show it).
 */
import type { BrowserContext } from 'playwright-core';

export type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: Record<string, unknown>;
};

export type StartupRun = {
  evaluateMs: number | null;
  evaluateCpuMs: number | null;
  oursMs: number;
  oursCpuMs: number;
  longestMs: number;
  tasks: number;
  /** From the timing contract. */
  scriptMs: number | null;
  mentions: number | null;
  engaged: boolean | null;
};

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

function url(event: TraceEvent): string {
  const data = event.args?.data as { url?: string } | undefined;
  return data?.url ?? (event.args?.fileName as string | undefined) ?? '';
}

function isOurs(event: TraceEvent, script: (url: string) => boolean): boolean {
  if (
    (event.name === 'EvaluateScript' ||
      event.name === 'v8.compile' ||
      event.name === 'FunctionCall') &&
    script(url(event))
  )
    return true;
  if (event.name === 'v8.run' && script(url(event))) return true;
  if (event.name.startsWith('Receive mojo')) {
    const info = event.args?.chrome_mojo_event_info as
      | { mojo_interface_tag?: string }
      | undefined;
    return info?.mojo_interface_tag?.startsWith('extensions.mojom') ?? false;
  }
  return false;
}

/**
 * Our content scripts' URLs: the always-loaded script at the extension's id,
 * and the on-demand part at a per-session id (use_dynamic_url: its host is
 * not the extension id, and only our extension is loaded in the bench's
 * browser, so any extension's content-scripts/ folder is ours).
 */
function ourScripts(extensionId: string): (url: string) => boolean {
  const alwaysLoaded = `chrome-extension://${extensionId}/content-scripts/`;
  return (url) =>
    url.startsWith(alwaysLoaded) ||
    /^chrome-extension:\/\/[a-z0-9-]+\/content-scripts\//.test(url);
}

/** Sums our work in one page load's trace events; `script` tells our content scripts' URLs. */
export function summarizeStartup(
  events: readonly TraceEvent[],
  script: (url: string) => boolean,
): Omit<StartupRun, 'scriptMs' | 'mentions' | 'engaged'> {
  const evaluate = events.find(
    (event) =>
      event.name === 'EvaluateScript' && event.ph === 'X' && script(url(event)),
  );
  if (!evaluate)
    return {
      evaluateMs: null,
      evaluateCpuMs: null,
      oursMs: 0,
      oursCpuMs: 0,
      longestMs: 0,
      tasks: 0,
    };
  const main = events
    .filter(
      (event) =>
        event.ph === 'X' &&
        event.tid === evaluate.tid &&
        event.pid === evaluate.pid,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Top-level tasks: not inside another task.
  const tasks: TraceEvent[] = [];
  let openUntil = -1;
  for (const event of main) {
    if (!TASKS.has(event.name)) continue;
    if (event.ts < openUntil) continue;
    tasks.push(event);
    openUntil = event.ts + (event.dur ?? 0);
  }
  let oursMs = 0;
  let oursCpuMs = 0;
  let longestMs = 0;
  let count = 0;
  let at = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    while (at < main.length && main[at]!.ts < task.ts) at += 1;
    let ours = false;
    for (let i = at; i < main.length && main[i]!.ts <= end; i += 1) {
      if (isOurs(main[i]!, script)) {
        ours = true;
        break;
      }
    }
    if (!ours) continue;
    const ms = (task.dur ?? 0) / 1000;
    oursMs += ms;
    oursCpuMs += (task.tdur ?? task.dur ?? 0) / 1000;
    longestMs = Math.max(longestMs, ms);
    count += 1;
  }
  return {
    evaluateMs: (evaluate.dur ?? 0) / 1000,
    evaluateCpuMs: (evaluate.tdur ?? evaluate.dur ?? 0) / 1000,
    oursMs,
    oursCpuMs,
    longestMs,
    tasks: count,
  };
}

/** After `ready`, our last tasks (the badge message, the observer set-up) are done within this. */
const SETTLE_MS = 1000;

/**
 * Loads `url` once under a trace in the extension's browser and sums our
 * start-up. The page is opened from a blank page of the same server, so the
 * trace holds one navigation.
 */
export async function traceStartup(
  context: BrowserContext,
  extensionId: string,
  blankUrl: string,
  url: string,
): Promise<StartupRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(blankUrl);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) =>
      events.push(...(data.value as unknown as TraceEvent[])),
    );
    const complete = new Promise((resolve) =>
      cdp.once('Tracing.tracingComplete', resolve),
    );
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'toplevel',
          'v8',
          'blink.user_timing',
        ],
        excludedCategories: ['*'],
      },
      transferMode: 'ReportEvents',
    });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForFunction(
      () => {
        const state = document.documentElement.getAttribute(
          'data-backstory-state',
        );
        return state === 'ready' || state === 'off';
      },
      undefined,
      { timeout: 120_000, polling: 50 },
    );
    await page.waitForTimeout(SETTLE_MS);
    const timing = await page.evaluate(() => {
      const raw = document.documentElement.getAttribute(
        'data-backstory-timing',
      );
      return raw
        ? (JSON.parse(raw) as {
            scriptMs?: number;
            mentions?: number;
            engaged?: boolean;
          })
        : null;
    });
    await cdp.send('Tracing.end');
    await complete;
    return {
      ...summarizeStartup(events, ourScripts(extensionId)),
      scriptMs: timing?.scriptMs ?? null,
      mentions: timing?.mentions ?? null,
      engaged: timing?.engaged ?? null,
    };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

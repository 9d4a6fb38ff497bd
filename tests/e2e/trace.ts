/**
 * Chromium traces for the end-to-end tests: what the extension's own code ran,
 * read from the DevTools timeline (every call from the browser into a script
 * is a `FunctionCall` event that names the script's URL).
 */
import type { BrowserContext, Page } from 'playwright-core';

export type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string } };
};

/** Records a trace of the renderers (DevTools timeline categories) while `during` runs. */
export async function recordTrace(
  context: BrowserContext,
  page: Page,
  during: () => Promise<void>,
): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => {
    events.push(...(value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((done) =>
    cdp.once('Tracing.tracingComplete', () => done()),
  );
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
      ],
    },
    transferMode: 'ReportEvents',
  });
  try {
    await during();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

/** What kind of task woke our code: a timer, an event, an observer or frame callback. */
const TRIGGERS = [
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
];

export type ExtensionActivity = {
  /** Calls from the browser into the extension's scripts. */
  calls: number;
  /** Distinct tasks that ran any of our code: each one woke the page's main thread for us. */
  wakeUps: number;
  /** Time inside those calls (top-level calls only, so nothing counts twice). */
  scriptMs: number;
  /** How many calls each kind of trigger made (`TimerFire`, `EventDispatch`, …; `other` for observers and messages). */
  triggers: Record<string, number>;
};

/** The extension's own activity in `events`: calls into scripts under chrome-extension://<id>/. */
export function extensionActivity(
  events: readonly TraceEvent[],
  extensionId: string,
): ExtensionActivity {
  const prefix = `chrome-extension://${extensionId}/`;
  const end = (event: TraceEvent) => event.ts + (event.dur ?? 0);
  const contains = (outer: TraceEvent, inner: TraceEvent) =>
    outer !== inner &&
    outer.pid === inner.pid &&
    outer.tid === inner.tid &&
    outer.ts <= inner.ts &&
    end(inner) <= end(outer);
  const ours = events.filter(
    (event) =>
      event.name === 'FunctionCall' &&
      event.ph === 'X' &&
      event.args?.data?.url?.startsWith(prefix),
  );
  const topLevel = ours.filter(
    (call) => !ours.some((other) => contains(other, call)),
  );
  const tasks = new Set<TraceEvent>();
  const triggers: Record<string, number> = {};
  for (const call of topLevel) {
    const task = events.find(
      (event) => event.name === 'RunTask' && contains(event, call),
    );
    if (task) tasks.add(task);
    const trigger =
      events.find(
        (event) => TRIGGERS.includes(event.name) && contains(event, call),
      )?.name ?? 'other';
    triggers[trigger] = (triggers[trigger] ?? 0) + 1;
  }
  return {
    calls: ours.length,
    wakeUps: tasks.size || topLevel.length,
    scriptMs:
      Math.round(
        topLevel.reduce((sum, call) => sum + (call.dur ?? 0), 0) / 10,
      ) / 100,
    triggers,
  };
}
